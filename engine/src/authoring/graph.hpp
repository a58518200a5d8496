// `ectflow graph`: a journey as a DOT or Mermaid diagram, branch conditions on the arrows.
#pragma once

#include <string>

#include "ectflow/authoring.hpp"
#include "syntax/ast.hpp"

namespace ectflow {

std::string draw_journey(const syntax::Journey& journey, GraphFormat format);

}  // namespace ectflow
