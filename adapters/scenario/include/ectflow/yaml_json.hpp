// YAML documents (scenario files, world files in the `given:` shape) as the JSON text the
// engine's world loader reads, by YAML 1.2's core schema: quoted scalars stay text
// (`trn: "0123456"` keeps its zero), plain ones become null, true/false or numbers when they read
// as such (`cohort: 2025`). Standard library types only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ectflow::scenario {

// The document as JSON text; on failure nothing, and `error` says where ("line 3, column 5: ...").
std::optional<std::string> yaml_text_to_json(std::string_view yaml, std::string& error);

}  // namespace ectflow::scenario
