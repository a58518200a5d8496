// The journey-instances table (service mode): one row per journey, the instance as JSON and a
// version that every saved submission moves on, so a stale request is a conflict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ectflow/engine.hpp"
#include "store_impl.hpp"

namespace ectflow::sql {

struct JourneyRow {
  std::string id;
  std::int64_t version = 0;
  JourneyInstance instance;
};

// A new journey's id: 128 random bits in hex, so ids cannot be guessed from one another.
std::string new_journey_id();

// Throws StoreError when the database fails or the stored instance cannot be read.
std::optional<JourneyRow> load_journey(SqlStore::Impl& store, const std::string& id);
void insert_journey(SqlStore::Impl& store, const std::string& id, const JourneyInstance& instance);
// False when the row's version is no longer `expected` (another request saved first).
bool update_journey(SqlStore::Impl& store, const std::string& id, const JourneyInstance& instance,
                    std::int64_t expected);

}  // namespace ectflow::sql
