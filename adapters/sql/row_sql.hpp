// The statements that read and write one record type's rows, built from a checked TableLayout.
// Values are always bound; only checked table and column names are written into the text.
#pragma once

#include <string>

#include "schema_sql.hpp"

namespace ectflow::sql {

struct RowStatements {
  std::string select_one;  // binds id; yields id, columns..., version
  std::string select_all;  // yields the same, in insertion order
  std::string insert;      // binds id, columns..., version; no row when the id exists
  std::string update;      // binds columns..., version, id, read version
  std::string remove;      // binds id, read version
};

RowStatements row_statements(Dialect dialect, const TableLayout& layout);

// The rows whose `column` (a checked name, or "id") holds the bound text, in insertion order;
// binds it as `:id`, as select_one does.
std::string select_where(Dialect dialect, const TableLayout& layout, const std::string& column);

}  // namespace ectflow::sql
