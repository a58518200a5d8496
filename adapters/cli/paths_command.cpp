// `ectflow paths JOURNEY`: scenarios that together reach every step, branch, error code and
// outcome page of a journey that answers can reach in a world, each replaying green as written,
// and a list of what none reached, with why.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "ectflow/paths.hpp"
#include "ectflow/yaml_json.hpp"

namespace ectflow::cli {
namespace {

namespace fs = std::filesystem;

struct PathsCommandOptions {
  std::string journey;
  std::string out;
  std::string flows = "flows/";
  std::string given = "examples/world.json";
  std::string school;
  std::string today = "2025-09-01";
};

std::optional<std::string> world_json(const std::string& path, std::string& problem) {
  auto text = read_file(path);
  if (!text) {
    problem = "cannot read the world " + path;
    return std::nullopt;
  }
  const std::string ext = fs::path(path).extension().string();
  if (ext != ".yaml" && ext != ".yml") return text;
  std::string error;
  auto json = scenario::yaml_text_to_json(*text, error);
  if (!json) problem = path + ": " + error;
  return json;
}

int run_paths(const PathsCommandOptions& options) {
  auto today = Date::parse_iso(options.today);
  if (!today) {
    print(stderr, "ectflow paths: --today must be a date like 2025-09-01\n");
    return kExitUsage;
  }
  LoadedEngine loaded = Engine::load({options.flows});
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    return kExitProblems;
  }
  std::string problem;
  auto world = world_json(options.given, problem);
  if (!world) {
    print(stderr, "ectflow paths: " + problem + "\n");
    return kExitProblems;
  }
  const std::string out = options.out.empty() ? "generated/" + options.journey : options.out;
  scenario::PathsOptions paths;
  paths.journey = options.journey;
  paths.world_json = *world;
  if (!options.school.empty()) paths.school = options.school;
  paths.today = *today;
  std::error_code error;
  fs::create_directories(out, error);
  paths.flows_line = fs::relative(fs::absolute(options.flows), fs::absolute(out), error).string();
  const scenario::PathsResult result = scenario::generate_paths(loaded.engine, paths);
  for (const std::string& p : result.problems) print(stderr, "ectflow paths: " + p + "\n");
  if (!result.problems.empty()) return kExitProblems;
  try {
    for (const scenario::GeneratedScenario& s : result.scenarios) {
      replace_file((fs::path(out) / s.file_name).string(), s.yaml);
      print(stdout, fmt::format("wrote {}  ({})\n", (fs::path(out) / s.file_name).string(), fmt::join(s.reaches, "; ")));
    }
  } catch (const std::exception& e) {
    print(stderr, fmt::format("ectflow paths: cannot write into {}: {}\n", out, e.what()));
    return kExitFailure;
  }
  print(stdout, fmt::format("{} scenarios, {} requests tried\n", result.scenarios.size(), result.requests));
  if (!result.unreached.empty()) {
    print(stdout, fmt::format("\nnot reached ({}):\n", result.unreached.size()));
    for (const std::string& u : result.unreached) print(stdout, "  " + u + "\n");
  }
  return kExitOk;
}

}  // namespace

Command add_paths_command(CLI::App& app) {
  auto options = std::make_shared<PathsCommandOptions>();
  CLI::App* paths = app.add_subcommand(
      "paths", "Write scenarios that reach every step, branch, error code and outcome page of a journey");
  paths->add_option("journey", options->journey, "The journey")->required();
  paths->add_option("--out", options->out, "Where the scenarios go (default: generated/JOURNEY)");
  paths->add_option("--flows", options->flows, "The flows (default: flows/)");
  paths->add_option("--given", options->given,
                    "The world the scenarios start from, in the given: shape, JSON or YAML (default: examples/world.json)");
  paths->add_option("--as", options->school, "The school (its URN) acting (default: the world's first)");
  paths->add_option("--today", options->today, "The date rules run on (default 2025-09-01)");
  return {paths, [options] { return run_paths(*options); }};
}

}  // namespace ectflow::cli
