// Answers given as JSON (the workload's submissions, and later scenario files and the HTTP API)
// into the engine's answers: what a form could post.
#pragma once

#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"

namespace ectflow::cli {

// A string is the text typed. `confirm` is confirmed only by JSON `true` (the string "true" is
// not), as DOMAIN.md writes it. Any other value that is not a string (a number, a list, null) is
// not something a form can send: it is left out, so the question counts as not answered.
Answers answers_from_json(const nlohmann::json& answers);

}  // namespace ectflow::cli
