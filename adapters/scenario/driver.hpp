// How the replayer moves journeys on and reads records: the engine alone on a world in memory, or
// the service's JourneyService on a SQL store, each request saved as the service saves it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"

namespace ectflow::scenario {

class Driver {
 public:
  virtual ~Driver() = default;
  virtual Store& store() = 0;
  virtual JourneyResult start(const std::string& journey, const std::optional<std::string>& with,
                              const RunContext& context) = 0;
  virtual JourneyResult submit(const JourneyInstance& instance, const std::string& step, const Answers& answers,
                               const RunContext& context) = 0;
  virtual JourneyResult back(const JourneyInstance& instance, const RunContext& context) = 0;
  virtual JourneyResult change(const JourneyInstance& instance, const std::string& step, const RunContext& context) = 0;
  virtual JourneyResult follow(const JourneyInstance& instance, const std::string& step, const RunContext& context) = 0;
};

// A fresh world holding `given` (SCENARIOS.md), kept where `db` says ("memory", "sqlite" for a
// new temporary file, or a postgresql:// URL whose records are emptied first). `problems` gets
// each thing wrong with the world as "path: message" (path as in "schools[0].mentors[1]"); on
// any, nothing is returned.
std::unique_ptr<Driver> fresh_world(const std::shared_ptr<const Engine>& engine, const nlohmann::json& given,
                                    Date today, const std::string& db, std::vector<std::string>& problems);

}  // namespace ectflow::scenario
