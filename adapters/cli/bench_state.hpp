// The workload's result, read back from the store the way expected_state.json writes it, and the
// first place where the two differ.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bench_run.hpp"

namespace ectflow::cli {

nlohmann::json bench_state(const Engine& engine, const RunContext& context, const Tally& tally);

// The top-level keys of expected_state.json that a run is checked on (its workload text and
// conventions aside).
const std::vector<std::string>& state_keys();

// "/schools/3/ects/7/mentor_id: got "M049", expected "M999"", or nothing when they agree on
// `keys`.
std::optional<std::string> first_difference(const nlohmann::json& got, const nlohmann::json& expected,
                                            const std::vector<std::string>& keys = state_keys());

}  // namespace ectflow::cli
