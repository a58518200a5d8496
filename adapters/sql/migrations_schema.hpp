// The shape of a schema (tables, their columns and types, sequences): what the flows' records
// need, generated from the same DDL the store runs, and what a database has, read from its
// catalogue; and the differences between the two.
#pragma once

#include <string>
#include <vector>

#include "connection.hpp"
#include "ectflow/sql_migrations.hpp"
#include "schema_sql.hpp"

namespace ectflow::sql {

struct ColumnShape {
  std::string name;
  std::string type;        // lower case, as the catalogue reports it: "text", "double precision"
  std::string definition;  // the DDL after the name: "TEXT NOT NULL" (expected shapes only)
};

struct TableShape {
  std::string name;
  std::string record;  // the record type whose rows it holds; empty for the fixed tables
  std::vector<ColumnShape> columns;
  std::vector<std::string> create_sql;  // CREATE TABLE, then its indexes (expected shapes only)
  const ColumnShape* column(const std::string& name) const;
};

struct SequenceShape {
  std::string name;
  std::string record;
  std::string create_sql;  // expected shapes only
};

struct SchemaShape {
  std::vector<TableShape> tables;
  std::vector<SequenceShape> sequences;
  const TableShape* table(const std::string& name) const;
  // Whether any table is ectflow's (a record's `rec_` table or a fixed `ectflow_` one).
  bool has_ectflow_tables() const;
};

// What `layouts` need in `dialect`: the fixed tables, the record tables, the new-id counters.
SchemaShape expected_shape(Dialect dialect, const std::vector<TableLayout>& layouts);

// What the database holds (SQLite: sqlite_master and pragma_table_info; PostgreSQL:
// information_schema in the connection's schema). Throws StoreError when the database fails.
SchemaShape read_shape(Connection& connection);

// How `actual` falls short of, or goes beyond, `expected`.
std::vector<SchemaDifference> compare_shapes(const SchemaShape& expected,
                                             const SchemaShape& actual);

std::vector<TableLayout> layouts_of(const std::vector<RecordSchema>& schemas);

}  // namespace ectflow::sql
