// `ectflow-check-time`: how `ectflow check`'s time grows with flow size (issue 6: 10k and 100k
// lines within 12× of each other). Generates a flow set per size, then times, in this process,
// what `ectflow check` does with it (parse, check, compile: Engine::load_sources) and prints one
// JSON line of medians. Generation and copying the text are not timed; nothing is read from disk.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "ectflow/engine.hpp"
#include "flow_generator.hpp"

namespace {

using ectflow::bench::GeneratedFlows;

// The generated flows have diagnostics: the generator wrote something the service would not.
struct FlowProblems : std::runtime_error {
  using std::runtime_error::runtime_error;
};

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

// What one check cost: wall time, and this process's CPU time, which other people's work on a
// shared machine disturbs far less.
struct Timing {
  double wall = 0;
  double cpu = 0;
};

double cpu_now() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// One timed load: the engine is only built and checked here, and freed after the clock stops.
// Any diagnostic at all, even a warning, throws FlowProblems.
Timing time_one_check(const GeneratedFlows& flows) {
  std::vector<ectflow::SourceFile> copy = flows.files;
  const double cpu_start = cpu_now();
  const auto start = std::chrono::steady_clock::now();
  ectflow::LoadedEngine loaded = ectflow::Engine::load_sources(std::move(copy));
  const auto stop = std::chrono::steady_clock::now();
  const double cpu_stop = cpu_now();
  if (!loaded.engine || !loaded.report.diagnostics.empty()) {
    throw FlowProblems(ectflow::render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                         ectflow::DiagnosticFormat::text));
  }
  return {std::chrono::duration<double>(stop - start).count(), cpu_stop - cpu_start};
}

int run(const Options& options) {
  std::vector<GeneratedFlows> sets;
  for (std::size_t target : options.lines) {
    sets.push_back(ectflow::bench::generate_flows(target, options.seed));
    if (!options.write_to.empty()) {
      write_files(sets.back(), std::filesystem::path(options.write_to) / std::to_string(target));
    }
    (void)time_one_check(sets.back());  // untimed: checks the set is clean and warms the heap
  }
  // The sizes take turns, so a busy spell on a shared machine falls on all of them alike.
  std::vector<std::vector<double>> wall(sets.size()), cpu(sets.size());
  for (int run = 0; run < options.runs; ++run) {
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const Timing timing = time_one_check(sets[i]);
      wall[i].push_back(timing.wall);
      cpu[i].push_back(timing.cpu);
    }
  }
  nlohmann::json sizes = nlohmann::json::array();
  nlohmann::json lines = nlohmann::json::array();
  std::vector<double> seconds, cpu_seconds;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    seconds.push_back(median(wall[i]));
    cpu_seconds.push_back(median(cpu[i]));
    lines.push_back(sets[i].lines);
    sizes.push_back({{"target_lines", options.lines[i]},
                     {"lines", sets[i].lines},
                     {"files", sets[i].files.size()},
                     {"modules", sets[i].modules},
                     {"seconds", seconds.back()},
                     {"cpu_seconds", cpu_seconds.back()},
                     {"runs", wall[i]},
                     {"cpu_runs", cpu[i]}});
    std::fprintf(stderr, "%zu lines in %zu files: median %.3f s (%.3f s of CPU) of %d runs\n", sets[i].lines,
                 sets[i].files.size(), seconds.back(), cpu_seconds.back(), options.runs);
  }
  nlohmann::json result = {{"benchmark", "check-time"}, {"lines", lines},         {"seconds", seconds},
                           {"cpu_seconds", cpu_seconds}, {"runs", options.runs}, {"sizes", sizes},
                           {"max_ratio", options.max_ratio}};
  if (sets.size() >= 2) {
    // The largest set against the smallest, as the issue states it: 100k lines against 10k.
    const double ratio = seconds.back() / seconds.front();
    result["ratio"] = ratio;
    result["cpu_ratio"] = cpu_seconds.back() / cpu_seconds.front();
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
  } catch (const FlowProblems& problems) {
    std::fprintf(stderr, "ectflow-check-time: the generated flows have problems:\n%s\n", problems.what());
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ectflow-check-time: %s\n", error.what());
    return 3;
  }
}
