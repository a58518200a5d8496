// How record schemas become tables: names checked as identifiers, column types per dialect, and
// the DDL that creates them (kept apart so migrations can reuse it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::sql {

enum class Dialect { sqlite, postgresql };

// How a column's value travels through SOCI.
enum class Storage { text, real, integer };

struct Column {
  std::string name;  // the field's name, checked as an identifier
  std::size_t slot = 0;
  FieldKind kind = FieldKind::text;
  bool is_list = false;
  Storage storage = Storage::text;
  bool indexed = false;  // the flows find records by it: the table has an index on it
};

// One record type's table: `id` (the key's text), the field columns, `version`.
struct TableLayout {
  std::string record;  // "ect"
  std::string table;   // "rec_ect"
  std::vector<Column> columns;
  // A text key named `id` lives in the id column alone; any other key also has its own column.
  bool key_is_id_column = false;
  std::size_t key_slot = 0;
};

// [a-z_][a-z0-9_]*, at most 63 characters (PostgreSQL's limit).
bool is_identifier(std::string_view name);

// A checked identifier in double quotes, so names SQL reserves ("end", "order") work as columns.
std::string quote(std::string_view identifier);

// Throws StoreError when a name is not an identifier or a field takes a reserved column name.
TableLayout table_layout(const RecordSchema& schema);

std::string column_type(Dialect dialect, const Column& column);

// `CREATE TABLE IF NOT EXISTS` for one record type.
std::string create_table_sql(Dialect dialect, const TableLayout& layout);
// `CREATE INDEX IF NOT EXISTS` for each column the flows find records by.
std::vector<std::string> create_indexes_sql(const TableLayout& layout);

// The new-id counters: a table in SQLite, one sequence per record type in PostgreSQL.
std::vector<std::string> create_id_counters_sql(Dialect dialect,
                                                const std::vector<TableLayout>& layouts);

// The tables every project has, whatever its records (DESIGN.md: Storage):
// - ectflow_flow_versions: each version of the flows (content hash, source texts as JSON), so a
//   journey in progress carries on under the flows it started on;
// - ectflow_journeys: journey instances in service mode (the instance as JSON, a version column);
// - ectflow_events: an append-only log of every submission (who, when, journey, step, answers,
//   result, and the lookups the step used, so a replay is deterministic);
// - ectflow_migrations: the migrations applied to this database.
std::vector<std::string> create_fixed_tables_sql(Dialect dialect);

// The PostgreSQL sequence that numbers new ids of a record type.
std::string id_sequence(const TableLayout& layout);

}  // namespace ectflow::sql
