#include "yaml_values.hpp"

#include "ectflow/yaml_json.hpp"

#include <regex>

namespace ectflow::scenario {
namespace {

using nlohmann::json;

json plain_scalar(const std::string& text) {
  static const std::regex kNull("null|Null|NULL|~|");
  static const std::regex kTrue("true|True|TRUE");
  static const std::regex kFalse("false|False|FALSE");
  static const std::regex kInteger("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(text, kNull)) return nullptr;
  if (std::regex_match(text, kTrue)) return true;
  if (std::regex_match(text, kFalse)) return false;
  if (std::regex_match(text, kInteger)) {
    try {
      return std::stoll(text);
    } catch (const std::out_of_range&) {
      return text;  // too long for a number: keep every digit as text
    }
  }
  if (std::regex_match(text, kFloat)) return std::stod(text);
  return text;
}

}  // namespace

json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
    case YAML::NodeType::Scalar:
      // "!" marks a quoted scalar; an explicit tag (!!str) keeps the text too.
      return node.Tag() == "?" ? plain_scalar(node.Scalar()) : json(node.Scalar());
    case YAML::NodeType::Sequence: {
      json list = json::array();
      for (const YAML::Node& item : node) list.push_back(yaml_to_json(item));
      return list;
    }
    case YAML::NodeType::Map: {
      json map = json::object();
      for (const auto& entry : node) map[entry.first.as<std::string>()] = yaml_to_json(entry.second);
      return map;
    }
  }
  return nullptr;
}

int line_of(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

std::string scalar_text(const YAML::Node& node) { return node.IsScalar() ? node.Scalar() : ""; }

std::optional<std::string> yaml_text_to_json(std::string_view yaml, std::string& error) {
  try {
    return yaml_to_json(YAML::Load(std::string(yaml))).dump();
  } catch (const YAML::Exception& e) {
    // Marks count from 0 (TOOLCHAIN.md); some errors have none.
    error = e.mark.is_null() ? e.msg
                             : "line " + std::to_string(e.mark.line + 1) + ", column " +
                                   std::to_string(e.mark.column + 1) + ": " + e.msg;
    return std::nullopt;
  }
}

}  // namespace ectflow::scenario
