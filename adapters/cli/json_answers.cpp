#include "json_answers.hpp"

namespace ectflow::cli {

Answers answers_from_json(const nlohmann::json& answers) {
  Answers out;
  if (!answers.is_object()) return out;
  for (const auto& [name, value] : answers.items()) {
    if (name == "confirm") {
      if (value.is_boolean() && value.get<bool>()) out.emplace(name, "true");
    } else if (value.is_string()) {
      out.emplace(name, value.get_ref<const std::string&>());
    }
  }
  return out;
}

}  // namespace ectflow::cli
