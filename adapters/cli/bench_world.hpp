// The workload's fixtures as records of bench/flows: teachers, the registration period (id
// `current`), lead providers, appropriate bodies, and schools with their mentors and ECTs.
#pragma once

#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"

namespace ectflow::cli {

// Creates every record in one transaction. Throws std::runtime_error naming what does not fit
// the flows' records.
void load_fixtures(const Engine& engine, const nlohmann::json& fixtures, Store& store);

}  // namespace ectflow::cli
