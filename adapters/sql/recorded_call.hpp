// One engine call on a SQL store with the caller's teacher lookups recorded, and what the event
// log says about it. Shared by the service and embedded modes.
#pragma once

#include <functional>

#include "ectflow/sql_journeys.hpp"

namespace ectflow::sql {

using Call = std::function<JourneyResult(const Engine&, const JourneyInstance&, const RunContext&)>;

std::string answers_json(const Answers& answers);

// Runs `call` on `before` and fills in the event's actor, flow version, lookups, result and
// problem (its action, step and answers are the caller's to set).
JourneyResult run_recorded(const Engine& engine, SqlStore& store, const Caller& caller, const JourneyInstance& before,
                           const Call& call, JourneyEvent& event);

}  // namespace ectflow::sql
