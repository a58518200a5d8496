// Completing a journey in one store transaction (see complete.cpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "model/model.hpp"

namespace ectflow::runtime {

struct Completion {
  bool committed = false;
  std::string conflict;                         // why it did not complete, for the person
  std::map<std::string, std::string> created;   // `create ... as NAME` -> id
  std::vector<std::string> hook_problems;
};

Completion complete_journey(const Engine& engine, const model::Journey& journey, const JourneyInstance& instance,
                            const RunContext& context);

}  // namespace ectflow::runtime
