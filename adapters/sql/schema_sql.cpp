// DDL for the record tables and new-id counters, generated from checked names only.
#include "schema_sql.hpp"

#include "ectflow/sql_store.hpp"

namespace ectflow::sql {

namespace {

constexpr std::size_t kMaxIdentifierLength = 63;

Storage storage_of(const FieldSchema& field) {
  if (field.is_list) return Storage::text;  // a JSON array
  switch (field.kind) {
    case FieldKind::number:
      return Storage::real;
    case FieldKind::yes_no:
      return Storage::integer;
    default:
      return Storage::text;
  }
}

// `what` names the thing in messages: `record "Ect"`, `field "First name" of record ect`.
void check_identifier(std::string_view name, const std::string& what) {
  if (!is_identifier(name)) {
    throw StoreError(what +
                     " cannot name a database table or column: rename it to lower-case letters, "
                     "digits and underscores, starting with a letter (at most 63 characters)");
  }
}

}  // namespace

bool is_identifier(std::string_view name) {
  if (name.empty() || name.size() > kMaxIdentifierLength) return false;
  if (!(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z'))) return false;
  for (char c : name) {
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string quote(std::string_view identifier) {
  return "\"" + std::string(identifier) + "\"";
}

TableLayout table_layout(const RecordSchema& schema) {
  check_identifier(schema.name, "record \"" + schema.name + "\"");
  TableLayout layout;
  layout.record = schema.name;
  layout.table = "rec_" + schema.name;
  check_identifier(layout.table, "record \"" + schema.name + "\" (table " + layout.table + ")");
  layout.key_slot = schema.key;
  if (schema.key >= schema.fields.size()) {
    throw StoreError("record " + schema.name + " has no key field");
  }
  for (std::size_t slot = 0; slot < schema.fields.size(); ++slot) {
    const FieldSchema& field = schema.fields[slot];
    check_identifier(field.name, "field \"" + field.name + "\" of record " + schema.name);
    const bool text_key = slot == schema.key && !field.is_list &&
                          (field.kind == FieldKind::text || field.kind == FieldKind::choice ||
                           field.kind == FieldKind::reference);
    if (field.name == "id" && text_key) {
      layout.key_is_id_column = true;
      continue;
    }
    if (field.name == "id" || field.name == "version") {
      throw StoreError("field " + schema.name + "." + field.name +
                       " takes a column name the store keeps for itself (id, version): rename it");
    }
    Column column{field.name, slot, field.kind, field.is_list, storage_of(field)};
    column.indexed = field.looked_up && !field.is_list && column.storage == Storage::text;
    layout.columns.push_back(std::move(column));
  }
  return layout;
}

std::string column_type(Dialect dialect, const Column& column) {
  switch (column.storage) {
    case Storage::real:
      return dialect == Dialect::sqlite ? "REAL" : "DOUBLE PRECISION";
    case Storage::integer:
      return "INTEGER";
    case Storage::text:
      break;
  }
  // Dates: ISO text in SQLite, DATE in PostgreSQL (read back as ISO text, DateStyle ISO).
  if (column.kind == FieldKind::date && !column.is_list && dialect == Dialect::postgresql)
    return "DATE";
  return "TEXT";
}

std::string create_table_sql(Dialect dialect, const TableLayout& layout) {
  std::string sql = "CREATE TABLE IF NOT EXISTS " + layout.table + " (id TEXT PRIMARY KEY";
  for (const Column& column : layout.columns) {
    sql += ", " + quote(column.name) + " " + column_type(dialect, column);
  }
  sql += ", version BIGINT NOT NULL";
  // Insertion order for for_each: SQLite's rowid, a sequence column in PostgreSQL.
  if (dialect == Dialect::postgresql) sql += ", seq BIGSERIAL";
  sql += ")";
  return sql;
}

std::vector<std::string> create_indexes_sql(const TableLayout& layout) {
  std::vector<std::string> out;
  for (const Column& column : layout.columns) {
    if (!column.indexed) continue;
    out.push_back("CREATE INDEX IF NOT EXISTS " + quote(layout.table + "_by_" + column.name) + " ON " +
                  layout.table + " (" + quote(column.name) + ")");
  }
  return out;
}

std::vector<std::string> create_fixed_tables_sql(Dialect dialect) {
  const std::string serial =
      dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
  return {
      "CREATE TABLE IF NOT EXISTS ectflow_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, "
      "checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS ectflow_flow_versions (flow_version TEXT PRIMARY KEY, "
      "created_at TEXT NOT NULL, sources TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS ectflow_journeys (id TEXT PRIMARY KEY, flow_version TEXT NOT NULL, "
      "journey TEXT NOT NULL, actor_id TEXT NOT NULL, subject_id TEXT, step TEXT NOT NULL, "
      "completed INTEGER NOT NULL, instance TEXT NOT NULL, version BIGINT NOT NULL, "
      "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS ectflow_events (seq " + serial +
          ", at TEXT NOT NULL, actor_id TEXT NOT NULL, journey_id TEXT, journey TEXT NOT NULL, "
          "flow_version TEXT NOT NULL, action TEXT NOT NULL, step TEXT NOT NULL, "
          "answers TEXT NOT NULL, result TEXT NOT NULL, result_step TEXT, problem TEXT, "
          "lookups TEXT NOT NULL)",
      "CREATE INDEX IF NOT EXISTS ectflow_events_by_journey ON ectflow_events (journey_id, seq)",
  };
}

std::string id_sequence(const TableLayout& layout) {
  return "ids_" + layout.record;
}

std::vector<std::string> create_id_counters_sql(Dialect dialect,
                                                const std::vector<TableLayout>& layouts) {
  if (dialect == Dialect::sqlite) {
    return {
        "CREATE TABLE IF NOT EXISTS ectflow_ids (record_type TEXT PRIMARY KEY, last_id BIGINT NOT "
        "NULL)"};
  }
  std::vector<std::string> statements;
  for (const TableLayout& layout : layouts) {
    check_identifier(id_sequence(layout),
                     "record \"" + layout.record + "\" (sequence " + id_sequence(layout) + ")");
    statements.push_back("CREATE SEQUENCE IF NOT EXISTS " + id_sequence(layout));
  }
  return statements;
}

}  // namespace ectflow::sql
