// `ectflow replay`: scenario files (SCENARIOS.md) replayed on fresh worlds, every failed
// expectation reported with its file, step and line, then `N passed, N failed`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "ectflow/scenario.hpp"

namespace ectflow::cli {
namespace {

struct ReplayCommandOptions {
  std::vector<std::string> paths;
  std::string flows = "flows/";
  std::string db = "sqlite";
  std::string today;
  std::string transcripts;
  std::string govuk_css;  // empty: GOV.UK Frontend fetched into this project's .cache/
  bool coverage = false;
  std::string coverage_json;
  double fail_under = -1;  // the least step and branch coverage that passes, in percent
};

// The coverage report, and whether steps and branches reach `fail_under` percent.
bool report_coverage(const ReplayCommandOptions& options, scenario::Replayer& replayer) {
  const scenario::Coverage coverage = replayer.coverage();
  if (coverage.journeys.empty()) {
    print(stderr, "ectflow replay: no coverage: the flows in " + options.flows + " did not load\n");
    return false;
  }
  if (options.coverage) print(stdout, "\n" + scenario::coverage_text(coverage));
  if (!options.coverage_json.empty()) {
    try {
      replace_file(options.coverage_json, scenario::coverage_json(coverage) + "\n");
    } catch (const std::exception& e) {
      print(stderr, "ectflow replay: cannot write " + options.coverage_json + ": " + e.what() + "\n");
      return false;
    }
  }
  if (options.fail_under < 0) return true;
  bool enough = true;
  for (const auto& [what, count] : {std::pair{"step", &coverage.total.steps}, std::pair{"branch", &coverage.total.branches}}) {
    if (count->percent() + 1e-9 >= options.fail_under) continue;
    print(stdout, fmt::format("{} coverage {:.1f}% is under {:.1f}%\n", what, count->percent(), options.fail_under));
    enough = false;
  }
  return enough;
}

// The transcript files' names: the scenario file's name without its extension.
std::string stem_of(const std::string& file) { return std::filesystem::path(file).stem().string(); }

bool write_transcripts(const std::string& folder, const scenario::ScenarioOutcome& outcome, const std::string& css) {
  try {
    std::filesystem::create_directories(folder);
    const std::filesystem::path base = std::filesystem::path(folder) / stem_of(outcome.file);
    replace_file(base.string() + ".md", scenario::transcript_markdown(outcome.transcript));
    replace_file(base.string() + ".html", scenario::transcript_html(outcome.transcript, css));
    return true;
  } catch (const std::exception& e) {
    print(stderr, fmt::format("ectflow replay: cannot write the transcript of {} in {}: {}\n", outcome.file, folder, e.what()));
    return false;
  }
}

int run_replay(const ReplayCommandOptions& options) {
  scenario::ReplayOptions replay;
  replay.flows = options.flows;
  replay.db = options.db;
  if (!options.today.empty()) {
    auto today = Date::parse_iso(options.today);
    if (!today) {
      print(stderr, "ectflow replay: --today must be a date like 2025-09-01\n");
      return kExitUsage;
    }
    replay.today = *today;
  }
  std::string css;
  if (!options.transcripts.empty()) {
    std::string problem;
    auto found = options.govuk_css.empty() ? scenario::read_govuk_css(std::filesystem::current_path().string(), problem)
                                           : read_file(options.govuk_css);
    if (!found) {
      print(stderr, "ectflow replay: " + (options.govuk_css.empty() ? problem : "cannot read " + options.govuk_css) +
                        "\n");
      return kExitFailure;
    }
    css = std::move(*found);
  }
  std::vector<std::string> missing;
  const std::vector<std::string> files = scenario::scenario_files(options.paths, missing);
  for (const std::string& problem : missing) print(stderr, "ectflow replay: " + problem + "\n");

  scenario::Replayer replayer(replay);
  int passed = 0;
  int failed = static_cast<int>(missing.size());
  bool written = true;
  const auto started = std::chrono::steady_clock::now();
  for (const std::string& file : files) {
    const scenario::ScenarioOutcome outcome = replayer.replay_file(file);
    const std::string name = outcome.name.empty() ? file : outcome.name + " (" + file + ")";
    if (outcome.passed()) {
      ++passed;
      print(stdout, "ok    " + name + "\n");
    } else {
      ++failed;
      print(stdout, "FAIL  " + name + "\n");
      for (const std::string& line : scenario::report_lines(outcome)) print(stdout, "      " + line + "\n");
    }
    if (!options.transcripts.empty()) written = write_transcripts(options.transcripts, outcome, css) && written;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const bool covered = !(options.coverage || !options.coverage_json.empty() || options.fail_under >= 0) ||
                       report_coverage(options, replayer);
  // The last line is exactly SCENARIOS.md's summary; the time goes on the line before it.
  print(stdout, fmt::format("replayed {} scenario files in {:.1f} s\n", files.size(), seconds));
  print(stdout, fmt::format("{} passed, {} failed\n", passed, failed));
  if (!written) return kExitFailure;
  return failed == 0 && covered ? kExitOk : kExitProblems;
}

}  // namespace

Command add_replay_command(CLI::App& app) {
  auto options = std::make_shared<ReplayCommandOptions>();
  CLI::App* replay = app.add_subcommand("replay", "Replay scenario files (SCENARIOS.md) and check what each page shows");
  replay->add_option("paths", options->paths, "Scenario files, or folders searched for *.yaml and *.yml")->required();
  replay->add_option("--flows", options->flows, "The flows a scenario runs on when it names none (default: flows/)");
  replay->add_option("--db", options->db,
                     "Where each scenario's fresh world is kept: sqlite (a new file each, the default), memory, "
                     "or a postgresql:// URL (its records emptied before each scenario)");
  replay->add_option("--today", options->today, "The date rules run on when a scenario gives none (default 2025-09-01)");
  replay->add_option("--transcript", options->transcripts,
                     "Write each scenario's transcript into this folder, as Markdown and as printable HTML");
  replay->add_option("--govuk-css", options->govuk_css,
                     "GOV.UK Frontend's govuk-frontend.min.css for the HTML transcripts (default: the one "
                     "scripts/fetch-govuk-frontend.sh puts in .cache/)");
  replay->add_flag("--coverage", options->coverage,
                   "Report which steps, branches, error codes and outcome pages of the flows the scenarios reached");
  replay->add_option("--coverage-json", options->coverage_json, "Also write the coverage report to this file as JSON");
  replay->add_option("--fail-under", options->fail_under,
                     "Fail unless the scenarios reach at least this percentage of the flows' steps and branches")
      ->check(CLI::Range(0.0, 100.0));
  return {replay, [options] { return run_replay(*options); }};
}

}  // namespace ectflow::cli
