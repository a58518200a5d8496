// Schema shapes: the expected one parsed back from the store's own DDL (so there is one source
// of truth for what a table looks like), the actual one read from the database's catalogue.
#include "migrations_schema.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "errors.hpp"

namespace ectflow::sql {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

std::string unquoted(std::string name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    return name.substr(1, name.size() - 2);
  return name;
}

// The catalogue's name for a declared type: serials are integers with a default.
std::string normal_type(std::string type) {
  type = lower(trim(type));
  if (type == "bigserial") return "bigint";
  if (type == "serial") return "integer";
  return type;
}

// The words after the name of the table in `CREATE TABLE [IF NOT EXISTS] name (` ...
std::string created_name(const std::vector<std::string>& w, std::size_t kind_word) {
  std::size_t at = kind_word + 1;
  if (w.size() > at + 3 && upper(w[at]) == "IF" && upper(w[at + 1]) == "NOT" &&
      upper(w[at + 2]) == "EXISTS") {
    at += 3;
  }
  if (at >= w.size()) return {};
  std::string name = w[at];
  if (const std::size_t paren = name.find('('); paren != std::string::npos) name.resize(paren);
  return unquoted(name);
}

// One CREATE TABLE statement of the store's DDL, taken apart: column names, types, definitions.
TableShape parse_create_table(const std::string& sql) {
  TableShape table;
  table.name = created_name(words(sql), 1);
  table.create_sql.push_back(sql);
  const std::size_t open = sql.find('(');
  const std::size_t close = sql.rfind(')');
  std::vector<std::string> parts;
  int depth = 0;
  std::string part;
  for (std::size_t i = open + 1; i < close; ++i) {
    const char c = sql[i];
    if (c == ',' && depth == 0) {
      parts.push_back(part);
      part.clear();
      continue;
    }
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    part += c;
  }
  parts.push_back(part);
  static const std::set<std::string> kConstraints = {"PRIMARY", "NOT",       "NULL",
                                                     "DEFAULT", "REFERENCES", "UNIQUE",
                                                     "CHECK",   "CONSTRAINT", "GENERATED",
                                                     "COLLATE", "FOREIGN"};
  for (const std::string& definition : parts) {
    const std::vector<std::string> w = words(definition);
    if (w.empty() || kConstraints.contains(upper(w[0]))) continue;  // a table constraint
    ColumnShape column;
    column.name = unquoted(w[0]);
    std::string type;
    for (std::size_t i = 1; i < w.size() && !kConstraints.contains(upper(w[i])); ++i) {
      type += (type.empty() ? "" : " ") + w[i];
    }
    column.type = normal_type(type);
    column.definition = trim(std::string_view(definition).substr(definition.find(w[0]) + w[0].size()));
    table.columns.push_back(std::move(column));
  }
  return table;
}

void add_statement(SchemaShape& shape, const std::string& sql, const std::string& record) {
  const std::vector<std::string> w = words(sql);
  if (w.size() < 3 || upper(w[0]) != "CREATE") return;
  if (upper(w[1]) == "TABLE") {
    TableShape table = parse_create_table(sql);
    table.record = record;
    shape.tables.push_back(std::move(table));
  } else if (upper(w[1]) == "SEQUENCE") {
    shape.sequences.push_back({created_name(w, 1), record, sql});
  } else if (upper(w[1]) == "INDEX" || (upper(w[1]) == "UNIQUE" && upper(w[2]) == "INDEX")) {
    // An index goes with its table, so a migration creating the table creates it too.
    const auto on = std::find_if(w.begin(), w.end(), [](const std::string& x) {
      return upper(x) == "ON";
    });
    if (on == w.end() || on + 1 == w.end()) return;
    std::string table_name = *(on + 1);
    if (const std::size_t paren = table_name.find('('); paren != std::string::npos)
      table_name.resize(paren);
    for (TableShape& table : shape.tables) {
      if (table.name == unquoted(table_name)) table.create_sql.push_back(sql);
    }
  }
}

bool is_ectflow_table(const std::string& name) {
  return name.starts_with("rec_") || name.starts_with("ectflow_");
}

void read_sqlite(soci::session& s, SchemaShape& shape) {
  std::vector<std::string> names;
  {
    std::string name;
    soci::statement tables = (s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite%' ORDER BY name",
                              soci::into(name));
    tables.execute();
    while (tables.fetch()) names.push_back(name);
  }
  for (const std::string& table_name : names) {
    TableShape table;
    table.name = table_name;
    std::string column, type;
    soci::indicator type_null = soci::i_ok;
    soci::statement columns =
        (s.prepare << "SELECT name, type FROM pragma_table_info(:t) ORDER BY cid",
         soci::into(column), soci::into(type, type_null), soci::use(table_name));
    columns.execute();
    while (columns.fetch()) {
      table.columns.push_back({column, type_null == soci::i_null ? "" : normal_type(type), ""});
    }
    shape.tables.push_back(std::move(table));
  }
}

void read_postgres(soci::session& s, SchemaShape& shape) {
  std::string table_name, column, type;
  {
    soci::statement tables =
        (s.prepare << "SELECT table_name::text FROM information_schema.tables "
                      "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                      "ORDER BY table_name",
         soci::into(table_name));
    tables.execute();
    while (tables.fetch()) shape.tables.push_back({table_name, "", {}, {}});
  }
  {
    soci::statement columns =
        (s.prepare << "SELECT table_name::text, column_name::text, data_type::text "
                      "FROM information_schema.columns WHERE table_schema = current_schema() "
                      "ORDER BY table_name, ordinal_position",
         soci::into(table_name), soci::into(column), soci::into(type));
    columns.execute();
    while (columns.fetch()) {
      for (TableShape& table : shape.tables) {
        if (table.name == table_name) table.columns.push_back({column, normal_type(type), ""});
      }
    }
  }
  std::string sequence;
  soci::statement sequences =
      (s.prepare << "SELECT sequence_name::text FROM information_schema.sequences "
                    "WHERE sequence_schema = current_schema() ORDER BY sequence_name",
       soci::into(sequence));
  sequences.execute();
  while (sequences.fetch()) shape.sequences.push_back({sequence, "", ""});
}

std::string shown_type(const std::string& type) {
  return upper(type.empty() ? std::string("no type") : type);
}

}  // namespace

const ColumnShape* TableShape::column(const std::string& wanted) const {
  for (const ColumnShape& c : columns) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

const TableShape* SchemaShape::table(const std::string& wanted) const {
  for (const TableShape& t : tables) {
    if (t.name == wanted) return &t;
  }
  return nullptr;
}

bool SchemaShape::has_ectflow_tables() const {
  return std::any_of(tables.begin(), tables.end(),
                     [](const TableShape& t) { return is_ectflow_table(t.name); });
}

std::vector<TableLayout> layouts_of(const std::vector<RecordSchema>& schemas) {
  std::vector<TableLayout> layouts;
  for (const RecordSchema& schema : schemas) layouts.push_back(table_layout(schema));
  return layouts;
}

SchemaShape expected_shape(Dialect dialect, const std::vector<TableLayout>& layouts) {
  // The order ensure_schema creates them in: fixed tables, record tables, new-id counters.
  SchemaShape shape;
  for (const std::string& sql : create_fixed_tables_sql(dialect)) add_statement(shape, sql, "");
  for (const TableLayout& layout : layouts) {
    add_statement(shape, create_table_sql(dialect, layout), layout.record);
    for (const std::string& sql : create_indexes_sql(layout)) add_statement(shape, sql, layout.record);
  }
  const std::vector<std::string> counters = create_id_counters_sql(dialect, layouts);
  for (std::size_t i = 0; i < counters.size(); ++i) {
    // PostgreSQL has one sequence per record type, in layout order; SQLite one shared table.
    const bool per_record = dialect == Dialect::postgresql && counters.size() == layouts.size();
    add_statement(shape, counters[i], per_record ? layouts[i].record : "");
  }
  return shape;
}

SchemaShape read_shape(Connection& connection) {
  SchemaShape shape;
  try {
    if (connection.dialect == Dialect::sqlite) {
      read_sqlite(*connection.session, shape);
    } else {
      read_postgres(*connection.session, shape);
    }
  } catch (...) {
    rethrow_as_store_error(connection, "reading which tables and columns it has");
  }
  return shape;
}

std::vector<SchemaDifference> compare_shapes(const SchemaShape& expected,
                                             const SchemaShape& actual) {
  using Kind = SchemaDifference::Kind;
  std::vector<SchemaDifference> differences;
  for (const TableShape& want : expected.tables) {
    const TableShape* have = actual.table(want.name);
    if (!have) {
      differences.push_back({Kind::missing_table, want.name, "", want.record, "", ""});
      continue;
    }
    for (const ColumnShape& column : want.columns) {
      const ColumnShape* found = have->column(column.name);
      if (!found) {
        differences.push_back(
            {Kind::missing_column, want.name, column.name, want.record, column.type, ""});
      } else if (found->type != column.type) {
        differences.push_back(
            {Kind::changed_type, want.name, column.name, want.record, column.type, found->type});
      }
    }
    for (const ColumnShape& column : have->columns) {
      if (!want.column(column.name)) {
        differences.push_back(
            {Kind::extra_column, want.name, column.name, want.record, "", column.type});
      }
    }
  }
  for (const SequenceShape& want : expected.sequences) {
    const bool found = std::any_of(actual.sequences.begin(), actual.sequences.end(),
                                   [&](const SequenceShape& s) { return s.name == want.name; });
    if (!found) differences.push_back({Kind::missing_sequence, want.name, "", want.record, "", ""});
  }
  for (const TableShape& have : actual.tables) {
    if (is_ectflow_table(have.name) && !expected.table(have.name)) {
      const std::string record = have.name.starts_with("rec_") ? have.name.substr(4) : "";
      differences.push_back({Kind::extra_table, have.name, "", record, "", ""});
    }
  }
  return differences;
}

std::string SchemaDifference::describe() const {
  const std::string where = table + "." + column;
  const std::string field = "field " + column + " of record " + record;
  switch (kind) {
    case Kind::missing_table:
      return "table " + table + (record.empty() ? "" : " (record " + record + ")") + " is missing";
    case Kind::missing_column:
      return "column " + where + " (" + (record.empty() ? "" : field + ", ") +
             shown_type(expected) + ") is missing";
    case Kind::missing_sequence:
      return "sequence " + table + " (numbering new ids of record " + record + ") is missing";
    case Kind::changed_type:
      return "column " + where + " is " + shown_type(actual) + " but " +
             (record.empty() ? std::string("ectflow") : field) + " needs " +
             shown_type(expected);
    case Kind::extra_table:
      return "table " + table + " is there but " +
             (record.empty() ? "ectflow does not use it"
                             : "the flows declare no record " + record);
    case Kind::extra_column:
      return "column " + where + " is there but " +
             (record.empty() ? "ectflow does not use it"
                             : "record " + record + " has no field " + column);
  }
  return {};
}

}  // namespace ectflow::sql
