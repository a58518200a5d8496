// Text of the per-record-type statements; placeholders appear in the order values are bound.
#include "row_sql.hpp"

namespace ectflow::sql {

RowStatements row_statements(Dialect dialect, const TableLayout& layout) {
  std::string columns;
  std::string placeholders;
  std::string assignments;
  for (const Column& column : layout.columns) {
    columns += ", " + quote(column.name);
    placeholders += ", :" + column.name;
    assignments += quote(column.name) + " = :" + column.name + ", ";
  }
  const std::string select = "SELECT id" + columns + ", version FROM " + layout.table;
  const std::string order = dialect == Dialect::sqlite ? "rowid" : "seq";
  RowStatements statements;
  statements.select_one = select + " WHERE id = :id";
  statements.select_all = select + " ORDER BY " + order;
  statements.insert = "INSERT INTO " + layout.table + " (id" + columns + ", version) VALUES (:id" +
                      placeholders + ", :version) ON CONFLICT (id) DO NOTHING";
  statements.update = "UPDATE " + layout.table + " SET " + assignments +
                      "version = :version WHERE id = :id AND version = :read_version";
  statements.remove = "DELETE FROM " + layout.table + " WHERE id = :id AND version = :read_version";
  return statements;
}

std::string select_where(Dialect dialect, const TableLayout& layout, const std::string& column) {
  std::string columns;
  for (const Column& c : layout.columns) columns += ", " + quote(c.name);
  return "SELECT id" + columns + ", version FROM " + layout.table + " WHERE " +
         (column == "id" ? std::string("id") : quote(column)) + " = :id ORDER BY " +
         (dialect == Dialect::sqlite ? "rowid" : "seq");
}

}  // namespace ectflow::sql
