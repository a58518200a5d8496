// Scenario files (SCENARIOS.md): what a person does in the service, step by step, and what they
// must see. The replayer runs each on a fresh world through the engine and the store the service
// uses, and reports every expectation that failed with the file, the step's index and line, what
// was expected and what was seen. Standard library types only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/coverage.hpp"
#include "ectflow/engine.hpp"
#include "ectflow/transcript.hpp"

namespace ectflow::scenario {

// Something wrong with the file, or a step that could not be carried out (a submit with no
// journey in progress, a link not on the page): the scenario stops there.
struct Problem {
  int line = 0;           // 1-based; 0 when the file as a whole is at fault
  std::size_t step = 0;   // 1-based index in `steps`; 0 outside them
  std::string message;
};

// An expectation the page did not meet; the scenario carries on.
struct Failure {
  std::size_t step = 0;  // 1-based index in `steps`
  int line = 0;          // the line of the key that failed
  std::string key;       // "title", "options", "errors", "expect_records ects[0]"
  std::string expected;
  std::string seen;
};

struct ScenarioOutcome {
  std::string file;
  std::string name;  // its `scenario:` line
  std::vector<Problem> problems;
  std::vector<Failure> failures;
  Transcript transcript;
  std::vector<Reached> reached;  // the steps, branches and error codes it reached, for coverage
  bool passed() const { return problems.empty() && failures.empty(); }
};

struct ReplayOptions {
  // The flows a scenario runs on when it names none (`flows:` is relative to the scenario file).
  std::string flows = "flows/";
  // Where each scenario's fresh world is kept: "sqlite" (a new SQLite file per scenario, the
  // default, run as the service runs journeys), "memory" (the engine alone), or a postgresql://
  // URL (its records emptied before each scenario).
  std::string db = "sqlite";
  // The date rules run on when a scenario gives no `today:`.
  Date today = Date::from_ymd(2025, 9, 1);
  // Hooks' Lua files are found from here (EngineOptions::project_root); empty: beside the flows.
  std::string project_root;
};

// Replays scenarios one after another, loading each set of flows once.
class Replayer {
 public:
  explicit Replayer(ReplayOptions options);
  ~Replayer();
  Replayer(const Replayer&) = delete;
  Replayer& operator=(const Replayer&) = delete;

  ScenarioOutcome replay_file(const std::string& path);
  // `text` as if read from `path` (which names it in messages and anchors `flows:`).
  ScenarioOutcome replay_text(const std::string& path, const std::string& text);

  // What the scenarios replayed so far on the default flows (ReplayOptions::flows) reached of
  // them; scenarios naming other flows are not counted. Empty when those flows do not load.
  Coverage coverage();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The scenario files a list of files and directories names: directories are searched for
// *.yaml and *.yml, sorted, recursively. `problems` names any path that does not exist.
std::vector<std::string> scenario_files(const std::vector<std::string>& paths, std::vector<std::string>& problems);

// "examples/scenarios/assign.yaml:12: step 4: title: expected "A", saw "B"": one line per failure
// or problem, for a terminal or a CI log.
std::vector<std::string> report_lines(const ScenarioOutcome& outcome);

}  // namespace ectflow::scenario
