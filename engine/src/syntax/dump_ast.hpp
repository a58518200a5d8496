// The meaning of a parsed file as text (no spans, comments or ids): equal dumps, equal meaning.
#pragma once

#include <string>

#include "syntax/ast.hpp"

namespace ectflow::syntax {

std::string dump_model(const FlowFile& file);

}  // namespace ectflow::syntax
