// Checking one step's answers, in the order DOMAIN.md gives: blank, the answer type's rules,
// the step's checks, then whether a choice is among the options. Each answer shows its first
// failing check.
#pragma once

#include <map>
#include <string>

#include "ectflow/engine.hpp"
#include "model/model.hpp"
#include "runtime/session.hpp"

namespace ectflow::runtime {

struct StepCheck {
  std::map<std::string, std::string> values;    // answer -> normalised value
  std::map<std::string, std::string> errors;    // answer -> code
  std::map<std::string, std::string> messages;  // answer -> message
  std::vector<std::string> hook_problems;
  bool ok() const { return errors.empty(); }
};

// `answers` are the journey's answers so far; `submitted` those given for `step` now.
StepCheck check_step(const Engine& engine, const model::Journey& journey, const model::Step& step,
                     const Reads& reads, const JourneyInstance& instance, const Answers& submitted);

}  // namespace ectflow::runtime
