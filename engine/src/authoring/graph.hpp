// `ectflow graph`: a journey drawn as a diagram (Graphviz DOT or Mermaid), so policy teams can
// see its routes, with each branch's condition on its arrow.
#pragma once

#include <string>

#include "ectflow/authoring.hpp"
#include "syntax/ast.hpp"

namespace ectflow {

std::string draw_journey(const syntax::Journey& journey, GraphFormat format);

}  // namespace ectflow
