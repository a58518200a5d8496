// Turns the parse tree of one declaration into its AST node.
#pragma once

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/ast.hpp"

namespace ectflow::syntax {

using ParseNode = tao::pegtl::parse_tree::node;

struct AstBuilder {
  FileId file;
  const char* text_begin;  // the whole file's first byte: node offsets are relative to it
  ExprId& next_expr_id;
  const std::vector<Comment>& comments;  // of the whole file, to trim them off spans

  Declaration declaration(const ParseNode& node);
};

}  // namespace ectflow::syntax
