// One JSON value of a world file as a stored field's value, converted by the field's kind.
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::store {

// The values of a choice ("school_kind" → state_funded, independent), or nullopt if unknown.
using ChoiceValues =
    std::function<std::optional<std::vector<std::string>>(const std::string& choice)>;

struct ConvertedValue {
  FieldValue value;
  std::string error;     // empty when the value converted
  std::string sub_path;  // where in a list the error is: "[2]"
};

// null is empty; text, choices and references take strings; numbers numbers; dates ISO strings;
// yes_no booleans; list fields arrays. A choice is checked against `choices` when it knows it.
ConvertedValue convert_value(const nlohmann::json& value, const FieldSchema& field,
                             const ChoiceValues& choices);

}  // namespace ectflow::store
