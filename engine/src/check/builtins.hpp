// The functions every flow may call (trim, casefold, length, ...): their argument and result
// types. Their meaning, with its Unicode rules, is in docs/language.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/types.hpp"

namespace ectflow::check {

struct Builtin {
  std::string_view name;
  // Why these arguments do not fit, or nullopt when they do.
  std::optional<std::string> (*check)(const std::vector<Type>& args);
  Type (*result)(const std::vector<Type>& args);
};

const Builtin* find_builtin(std::string_view name);
std::vector<std::string> builtin_names();

}  // namespace ectflow::check
