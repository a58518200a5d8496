// A canonical text dump of a parsed file's meaning: every declaration, clause and expression
// tree, without spans, comments or expression ids. Two files with the same dump mean the same,
// which is how the tests prove `ectflow fmt` changes layout only.
#pragma once

#include <string>

#include "syntax/ast.hpp"

namespace ectflow::syntax {

std::string dump_model(const FlowFile& file);

}  // namespace ectflow::syntax
