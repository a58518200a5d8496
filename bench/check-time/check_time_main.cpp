// `ectflow-check-time`: how `ectflow check`'s time grows with flow size (issue 6: 10k and 100k
// lines within 12× of each other). Generates a flow set per size, then times, in this process,
// what `ectflow check` does with it (parse, check, compile: Engine::load_sources) and prints one
// JSON line. Generation and copying the text are not timed; nothing is read from disk.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"
#include "flow_generator.hpp"

namespace {

using ectflow::bench::GeneratedFlows;

struct Options {
  std::vector<std::size_t> lines = {10'000, 100'000};
  int runs = 3;
  std::uint64_t seed = 1;
  double max_ratio = 12.0;
  std::string write_to;  // also write each set here, to run `ectflow check` or perf on it
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void write_files(const GeneratedFlows& flows, const std::filesystem::path& folder) {
  for (const ectflow::SourceFile& file : flows.files) {
    const std::filesystem::path path = folder / file.path;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << file.text;
  }
}

// One timed load: the engine is only built and checked here, and freed after the clock stops.
// Any diagnostic at all means the generator wrote something the service would not: it throws.
double time_one_check(const GeneratedFlows& flows) {
  std::vector<ectflow::SourceFile> copy = flows.files;
  const auto start = std::chrono::steady_clock::now();
  ectflow::LoadedEngine loaded = ectflow::Engine::load_sources(std::move(copy));
  const auto stop = std::chrono::steady_clock::now();
  if (!loaded.engine || !loaded.report.diagnostics.empty()) {
    throw std::runtime_error(ectflow::render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                         ectflow::DiagnosticFormat::text));
  }
  return std::chrono::duration<double>(stop - start).count();
}

int run(const Options& options) {
  nlohmann::json sizes = nlohmann::json::array();
  std::vector<double> medians;
  nlohmann::json lines = nlohmann::json::array();
  for (std::size_t target : options.lines) {
    const GeneratedFlows flows = ectflow::bench::generate_flows(target, options.seed);
    if (!options.write_to.empty()) write_files(flows, std::filesystem::path(options.write_to) / std::to_string(target));
    std::vector<double> seconds;
    for (int run = 0; run < options.runs; ++run) seconds.push_back(time_one_check(flows));
    medians.push_back(median(seconds));
    lines.push_back(flows.lines);
    sizes.push_back({{"target_lines", target},
                     {"lines", flows.lines},
                     {"files", flows.files.size()},
                     {"modules", flows.modules},
                     {"seconds", medians.back()},
                     {"runs", seconds}});
    std::fprintf(stderr, "%zu lines in %zu files: median %.3f s of %d runs\n", flows.lines, flows.files.size(),
                 medians.back(), options.runs);
  }
  nlohmann::json result = {{"benchmark", "check-time"}, {"lines", lines},   {"seconds", medians},
                           {"runs", options.runs},      {"sizes", sizes},   {"max_ratio", options.max_ratio}};
  if (medians.size() >= 2) {
    // The largest set against the smallest, as the issue states it: 100k lines against 10k.
    const double ratio = medians.back() / medians.front();
    result["ratio"] = ratio;
    result["within"] = ratio <= options.max_ratio;
  }
  std::printf("%s\n", result.dump().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Time `ectflow check` on generated flows of each size, in process; print one JSON line",
               "ectflow-check-time"};
  Options options;
  app.add_option("--lines", options.lines, "Sizes in lines, smallest first (default 10000,100000)")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  app.add_option("--runs", options.runs, "Timed checks per size; the median is reported (default 3)")
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", options.seed, "Varies the generated names and pages (default 1)");
  app.add_option("--max-ratio", options.max_ratio, "The largest size's time over the smallest's may be at most this");
  app.add_option("--write", options.write_to, "Also write each set to DIR/LINES/generated/ (for ectflow check, perf)")
      ->option_text("DIR");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ectflow-check-time: the generated flows have problems:\n%s\n", error.what());
    return 1;
  }
}
