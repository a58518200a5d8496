// `ectflow fmt`: one canonical layout per flow file, so flow diffs show only what changed.
#pragma once

#include <string>
#include <string_view>

#include "syntax/ast.hpp"

namespace ectflow {

// The canonical text of a parsed file. `source_text` is the text it was parsed from: comments
// are placed back by their offsets in it. Formatting formatted text changes nothing.
std::string format_flow(const syntax::FlowFile& file, std::string_view source_text);

}  // namespace ectflow
