// YAML read as the scenario format and world files mean it: YAML 1.2's core schema, so a quoted
// scalar stays text (`trn: "0123456"` keeps its zero) and a plain one becomes null, true/false or
// a number when it reads as one (`cohort: 2025`).
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>

namespace ectflow::scenario {

nlohmann::json yaml_to_json(const YAML::Node& node);

// The node's line, counting from 1 (yaml-cpp counts from 0); 0 when it has no mark.
int line_of(const YAML::Node& node);

// A scalar as it was written, for answers and expected texts: `2025-09-01`, `true`, `Julie`.
std::string scalar_text(const YAML::Node& node);

}  // namespace ectflow::scenario
