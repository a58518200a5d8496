// World files in YAML (the `given:` of a scenario), turned into the JSON the engine's world loader
// reads. Only when ectflow is built with yaml-cpp (ECTFLOW_HAVE_YAML).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ectflow::cli {

// Whether this build reads YAML.
bool yaml_supported();

// The YAML document as JSON text. Quoted scalars stay text; plain ones become null, true/false or
// numbers when they read as such (YAML 1.2's core schema), so `trn: "0123456"` keeps its zero and
// `cohort: 2025` is a number. On failure, nothing, and `error` says where ("line 3, column 5: ...").
std::optional<std::string> yaml_to_json(std::string_view yaml, std::string& error);

}  // namespace ectflow::cli
