// Converts world-file JSON values to field values (see world_values.hpp).
#include "store/world_values.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "check/suggest.hpp"

namespace ectflow::store {
namespace {

std::string join(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
  return text;
}

ConvertedValue ok(FieldValue value) {
  return {std::move(value), "", ""};
}
ConvertedValue failed(std::string error, std::string sub_path = "") {
  return {{}, std::move(error), std::move(sub_path)};
}

ConvertedValue convert_one(const nlohmann::json& value, const FieldSchema& field,
                           const ChoiceValues& choices) {
  if (value.is_null()) return ok({});
  switch (field.kind) {
    case FieldKind::text:
      if (value.is_string()) return ok(value.get<std::string>());
      return failed("expected text; write numbers such as a TRN or URN in quotes");
    case FieldKind::number:
      if (value.is_number()) return ok(value.get<double>());
      return failed("expected a number");
    case FieldKind::date:
      if (value.is_string()) {
        if (auto date = Date::parse_iso(value.get<std::string>())) return ok(*date);
      }
      return failed("expected a real date in the form YYYY-MM-DD, like 2025-09-01");
    case FieldKind::yes_no:
      if (value.is_boolean()) return ok(value.get<bool>());
      return failed("expected true or false");
    case FieldKind::choice: {
      if (!value.is_string()) return failed("expected one of the values of " + field.type_name);
      std::string code = value.get<std::string>();
      auto options = choices ? choices(field.type_name) : std::nullopt;
      if (options && std::find(options->begin(), options->end(), code) == options->end()) {
        return failed("\"" + code + "\" is not a " + field.type_name + " (" + join(*options) + ")" +
                      check::did_you_mean(check::closest_name(code, *options)));
      }
      return ok(std::move(code));
    }
    case FieldKind::reference:
      if (value.is_string()) return ok(value.get<std::string>());
      return failed("expected the id of a " + field.type_name + ", as text");
  }
  return ok({});
}

}  // namespace

ConvertedValue convert_value(const nlohmann::json& value, const FieldSchema& field,
                             const ChoiceValues& choices) {
  if (!field.is_list || value.is_null()) return convert_one(value, field, choices);
  if (!value.is_array()) return failed("expected a list");
  auto list = std::make_shared<FieldList>();
  for (std::size_t i = 0; i < value.size(); ++i) {
    ConvertedValue item = convert_one(value[i], field, choices);
    if (!item.error.empty()) return failed(item.error, "[" + std::to_string(i) + "]");
    list->items.push_back(std::move(item.value));
  }
  return ok(std::shared_ptr<const FieldList>(std::move(list)));
}

}  // namespace ectflow::store
