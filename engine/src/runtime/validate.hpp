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
  bool ok() const { return errors.empty(); }
};

// `answered` are the journey's answers so far, which `session` evaluates with; `submitted` those
// given for `step` now. The session is left evaluating with `answered` and the accepted values.
// Hooks that fail are the session's hook_problems.
// Every error code checking `step` can give, in the order it checks them, each once.
std::vector<std::string> possible_error_codes(const model::Model& m, const model::Step& step);

StepCheck check_step(Session& session, const model::Step& step, const std::map<std::string, std::string>& answered,
                     const Answers& submitted);

}  // namespace ectflow::runtime
