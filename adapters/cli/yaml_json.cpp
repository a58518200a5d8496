// YAML to JSON for world files (yaml_json.hpp).
#include "yaml_json.hpp"

#include <nlohmann/json.hpp>
#include <regex>

#ifdef ECTFLOW_HAVE_YAML
#include <yaml-cpp/yaml.h>
#endif

namespace ectflow::cli {

#ifdef ECTFLOW_HAVE_YAML
namespace {

using nlohmann::json;

// A plain scalar by YAML 1.2's core schema: null, a boolean, an integer, a float, or text.
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

json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
    case YAML::NodeType::Scalar:
      // "!" marks a quoted scalar; an explicit tag (!!str) keeps the text too.
      return node.Tag() == "?" ? plain_scalar(node.Scalar()) : json(node.Scalar());
    case YAML::NodeType::Sequence: {
      json list = json::array();
      for (const YAML::Node& item : node) list.push_back(to_json(item));
      return list;
    }
    case YAML::NodeType::Map: {
      json map = json::object();
      for (const auto& entry : node) map[entry.first.as<std::string>()] = to_json(entry.second);
      return map;
    }
  }
  return nullptr;
}

}  // namespace

bool yaml_supported() { return true; }

std::optional<std::string> yaml_to_json(std::string_view yaml, std::string& error) {
  try {
    return to_json(YAML::Load(std::string(yaml))).dump();
  } catch (const YAML::Exception& e) {
    // Marks count from 0 (TOOLCHAIN.md); some errors have none.
    error = e.mark.is_null() ? e.msg
                             : "line " + std::to_string(e.mark.line + 1) + ", column " +
                                   std::to_string(e.mark.column + 1) + ": " + e.msg;
    return std::nullopt;
  }
}

#else

bool yaml_supported() { return false; }

std::optional<std::string> yaml_to_json(std::string_view, std::string& error) {
  error = "this ectflow was built without YAML support (yaml-cpp); give the world as JSON";
  return std::nullopt;
}

#endif

}  // namespace ectflow::cli
