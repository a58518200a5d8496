// The reference workload (../shared/bench): its fixtures as a world the engine loads, and its
// journeys, read and parsed before anything is timed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::cli {

struct BenchLine {
  std::string school;
  nlohmann::json submissions;  // [{"step": ..., "answers": {...}}, ...], parsed
  std::size_t number = 0;      // its line in journeys.jsonl, from 1 (messages name it)
};

struct Workload {
  std::string directory;
  Date today;
  nlohmann::json fixtures;  // fixtures.json
  std::vector<BenchLine> lines;
  nlohmann::json expected;  // expected_state.json
};

// Reads fixtures.json, journeys.jsonl and expected_state.json from `directory`. Throws
// std::runtime_error naming the file and what is wrong.
Workload read_workload(const std::string& directory);

}  // namespace ectflow::cli
