// The builtins' meaning (their types are in check/builtins): text functions with the Unicode
// rules docs/language.md states, and list functions.
#pragma once

#include <vector>

#include "model/ir.hpp"

namespace ectflow::expr {

// `id` is the builtin's position in check::builtin_names().
model::Value call_builtin(std::uint32_t id, const std::vector<model::Value>& args);
model::Value arithmetic(model::Op op, const model::Value& a, const model::Value& b);

}  // namespace ectflow::expr
