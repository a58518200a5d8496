// Loads a world — the `given:` of a scenario, or examples/world.json — into a MemoryStore.
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/store.hpp"
#include "store/memory_store.hpp"
#include "store/world_values.hpp"

namespace ectflow::store {

struct WorldProblem {
  std::string path;     // "schools[0].ects[1].mentor_id"; "" for the world as a whole
  std::string message;  // what is wrong, and a likely fix when there is one
};

// A text field as the service would have stored it, when the flows give it an answer type
// (`field trn as trn`: "RP99/12345" is 9912345), or nothing with `error` saying why it cannot be.
using FieldNormaliser = std::function<std::optional<std::string>(RecordTypeId type, std::size_t slot,
                                                                 const std::string& text, std::string& error)>;

// Reads the world in the `given:` shape of SCENARIOS.md, with record types and fields named as
// `schemas` (flows/records.flow) declares them. Every problem is collected; the store gets every
// record when there are none, and nothing otherwise. `today` dates mentorships whose ECT has
// neither a start date nor a cohort, and opens the default cohorts.
std::vector<WorldProblem> load_world(const nlohmann::json& given, MemoryStore& store,
                                     const std::vector<RecordSchema>& schemas, Date today,
                                     const ChoiceValues& choices = {}, const FieldNormaliser& normalise = {});

}  // namespace ectflow::store
