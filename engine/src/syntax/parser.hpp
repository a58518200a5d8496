// Parses one flow file into its syntax tree, reporting every problem it can find in one pass:
// input that is not a flow file at all (binary, not UTF-8, too large), and each declaration's
// syntax errors (the parser starts again at the next declaration).
#pragma once

#include <vector>

#include "ectflow/diagnostics.hpp"
#include "syntax/ast.hpp"

namespace ectflow::syntax {

struct ParseResult {
  FlowFile file;
  std::vector<Diagnostic> diagnostics;
};

// `next_expr_id` numbers expressions across all files of a run, so ids are unique.
ParseResult parse_flow(const SourceSet& sources, FileId file, ExprId& next_expr_id);

}  // namespace ectflow::syntax
