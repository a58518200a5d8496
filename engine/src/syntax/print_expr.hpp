// Prints an expression as canonical flow text that parses back to the same tree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.hpp"

namespace ectflow::syntax {

// What comes after the expression where it is printed. A query or if-then-else would swallow
// following text (`where`, `sort by`, `,`, an operator), so before more text it is parenthesised.
enum class ExprEnd { last, more_follows };

std::string print_expr(const Expr& expr, ExprEnd end = ExprEnd::last);
// The keys of a `sort by` clause: `casefold(e.name), e.start_date descending`.
std::string print_sort_keys(const std::vector<SortKey>& keys, ExprEnd end = ExprEnd::last);

// A string literal's text between its quotes, with \" \\ \{ \} \n escaped.
std::string escape_string_text(std::string_view text);

}  // namespace ectflow::syntax
