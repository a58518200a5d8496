// The event log: one appended row per submission, never changed afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ectflow/sql_journeys.hpp"
#include "store_impl.hpp"

namespace ectflow::sql {

// Inside the caller's transaction; `event.seq` and `event.at` are filled in by the database/clock.
void append_event(SqlStore::Impl& store, const JourneyEvent& event);
std::vector<JourneyEvent> select_events(SqlStore::Impl& store, const std::optional<std::string>& journey_id);

}  // namespace ectflow::sql
