// A scenario file as read (SCENARIOS.md), before it runs: every key checked, every step with its
// line, so a mistake in the file is reported where it is and nothing runs.
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/scenario.hpp"

namespace ectflow::scenario {

enum class Verb { start, view, action, submit, back, change, as, expect, expect_records };

const char* verb_name(Verb verb);

// One key of an `expect:` step, or one partial record of `expect_records:`.
struct Expected {
  std::string key;  // expect: the key; expect_records: the record type's plural ("ects")
  nlohmann::json value;
  int line = 0;
};

struct StepSpec {
  Verb verb = Verb::back;
  std::size_t index = 0;  // 1-based
  int line = 0;
  std::string name;  // start: the journey; action: the link's text; change: the step; as: the school
  std::string record_type;  // view: the record page's type, as written ("ect", "mentor", "school")
  std::string record_id;    // view: its id; start: the record `with:` names (the journey knows its kind)
  std::optional<std::string> row_id;  // action `for:`
  Answers answers;                    // submit
  std::vector<Expected> expected;     // expect, expect_records
};

struct ScenarioSpec {
  std::string file;
  std::string name;
  std::optional<Date> today;
  std::optional<std::string> flows;  // as written, relative to the file's folder
  int flows_line = 0;
  nlohmann::json given = nlohmann::json::object();
  YAML::Node given_node;  // for the line of a problem the world loader finds
  std::optional<std::string> school;
  std::vector<StepSpec> steps;
};

// The largest scenario file read: anything bigger is not a hand-written scenario.
constexpr std::size_t kMaxScenarioBytes = 1 << 20;

// The problem with a file of `bytes` over kMaxScenarioBytes.
Problem too_big(std::uintmax_t bytes);

// Reads and checks the file. On any problem the spec is incomplete: do not run it.
ScenarioSpec read_scenario(const std::string& file, const std::string& text, std::vector<Problem>& problems);

// The line of a world loader's problem path ("schools[0].mentors[1].trn") in `given`.
int given_line(const ScenarioSpec& spec, const std::string& path);

}  // namespace ectflow::scenario
