// `ectflow db new-migration`: the DDL that takes the repository's migrations to the flows'
// schema, written for both dialects from the store's own DDL generators. Changes that lose or
// convert data are written as commented SQL for the author to finish.
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "ectflow/sql_migrations.hpp"
#include "migrations_apply.hpp"
#include "migrations_schema.hpp"

namespace ectflow::sql {

namespace {

namespace fs = std::filesystem;

using Kind = SchemaDifference::Kind;

constexpr const char* kFinish = "-- FINISH BY HAND: ";

std::string commented(const std::string& sql) {
  std::string out = "-- ";
  for (char c : sql) {
    out += c;
    if (c == '\n') out += "-- ";
  }
  return out;
}

std::string today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// What one difference becomes in one dialect; `to_finish` gets a line when it needs a person.
class Writer {
 public:
  Writer(Dialect dialect, const SchemaShape& wanted, std::vector<std::string>* to_finish)
      : dialect_(dialect), wanted_(wanted), to_finish_(to_finish) {}

  void add(const SchemaDifference& difference) {
    const TableShape* table = wanted_.table(difference.table);
    switch (difference.kind) {
      case Kind::missing_table:
        if (table) create_table(*table);
        break;
      case Kind::missing_column:
        if (table) add_column(*table, *table->column(difference.column));
        break;
      case Kind::missing_sequence:
        for (const SequenceShape& sequence : wanted_.sequences) {
          if (sequence.name == difference.table) statement(sequence.create_sql);
        }
        break;
      case Kind::changed_type:
        if (table) change_type(difference, *table->column(difference.column));
        break;
      case Kind::extra_column:
        finish(difference.describe() + ": drop the column (its data is lost), or keep the field",
               "ALTER TABLE " + difference.table + " DROP COLUMN " + quote(difference.column));
        break;
      case Kind::extra_table:
        drop_table(difference);
        break;
    }
  }

  std::string text;

 private:
  void statement(const std::string& sql) { text += sql + ";\n"; }

  void finish(const std::string& why, const std::string& sql) {
    if (to_finish_) to_finish_->push_back(why);
    text += std::string("\n") + kFinish + why + "; then uncomment:\n" + commented(sql + ";") + "\n";
  }

  void create_table(const TableShape& table) {
    text += "\n-- " + (table.record.empty() ? "ectflow's table " + table.name
                                            : "record " + table.record) + "\n";
    for (const std::string& sql : table.create_sql) statement(sql);
    // PostgreSQL numbers a record type's new ids with its own sequence.
    for (const SequenceShape& sequence : wanted_.sequences) {
      if (!table.record.empty() && sequence.record == table.record) statement(sequence.create_sql);
    }
  }

  void add_column(const TableShape& table, const ColumnShape& column) {
    const std::string sql =
        "ALTER TABLE " + table.name + " ADD COLUMN " + quote(column.name) + " " + column.definition;
    const bool needs_default = column.definition.find("NOT NULL") != std::string::npos &&
                               column.definition.find("DEFAULT") == std::string::npos;
    if (needs_default) {
      finish("column " + table.name + "." + column.name +
                 " is NOT NULL: give existing rows a value with DEFAULT",
             sql);
    } else {
      statement(sql);
    }
  }

  void change_type(const SchemaDifference& difference, const ColumnShape& column) {
    const std::string& t = difference.table;
    const std::string c = quote(difference.column);
    std::string why = difference.describe();
    if (dialect_ == Dialect::postgresql) {  // the difference was found in SQLite's types
      why = "column " + t + "." + difference.column + " changes type: " +
            (difference.record.empty() ? std::string("ectflow")
                                       : "field " + difference.column + " of record " +
                                             difference.record) +
            " needs " + column.definition;
    }
    why += ": convert the values you have";
    std::string type;
    for (char ch : column.type) type += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string sql;
    if (dialect_ == Dialect::postgresql) {
      sql = "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + type + " USING " + c + "::" + type;
    } else {
      // SQLite cannot change a column's type: copy into a new column and swap it in.
      const std::string fresh = quote(difference.column + "_new");
      sql = "ALTER TABLE " + t + " ADD COLUMN " + fresh + " " + type + ";\n" +
            "UPDATE " + t + " SET " + fresh + " = CAST(" + c + " AS " + type + ");\n" +
            "ALTER TABLE " + t + " DROP COLUMN " + c + ";\n" + "ALTER TABLE " + t +
            " RENAME COLUMN " + fresh + " TO " + c;
    }
    finish(why, sql);
  }

  void drop_table(const SchemaDifference& difference) {
    std::string sql = "DROP TABLE " + difference.table;
    if (dialect_ == Dialect::postgresql && !difference.record.empty()) {
      sql += ";\nDROP SEQUENCE IF EXISTS ids_" + difference.record;
    }
    finish(difference.describe() + ": drop it (its rows are lost), or keep the record", sql);
  }

  Dialect dialect_;
  const SchemaShape& wanted_;
  std::vector<std::string>* to_finish_;
};

bool is_migration_name(const std::string& name) {
  if (name.empty() || name.size() > 60) return false;
  for (char c : name) {
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string padded(int number) {
  std::string text = std::to_string(number);
  while (text.size() < 4) text.insert(0, "0");
  return text;
}

}  // namespace

std::optional<NewMigration> plan_migration(const std::vector<RecordSchema>& schemas,
                                           const std::string& folder, const std::string& name) {
  if (!is_migration_name(name)) {
    throw MigrationError("migration name \"" + name +
                         "\" must be lower-case letters, digits and underscores, like "
                         "add_left_on_to_ect");
  }
  std::error_code error;
  const bool fresh = !fs::exists(fs::path(folder) / kSqliteMigrations, error) &&
                     !fs::exists(fs::path(folder) / kPostgresMigrations, error);
  const std::vector<MigrationFile> files =
      fresh ? std::vector<MigrationFile>{} : read_migrations(folder, kSqliteMigrations);
  // Both dialects are written from what the sqlite migrations lack: the two folders move together.
  const std::vector<SchemaDifference> differences =
      fresh ? compare_shapes(expected_shape(Dialect::sqlite, layouts_of(schemas)), SchemaShape{})
            : migrations_against_flows(schemas, folder);
  if (differences.empty()) return std::nullopt;

  NewMigration migration;
  migration.file_name = padded(static_cast<int>(files.size()) + 1) + "_" + name + ".sql";
  const std::vector<TableLayout> layouts = layouts_of(schemas);
  const std::string header = "-- " + migration.file_name + ": written by ectflow db new-migration on " +
                             today() + " to bring the schema up to the flows' records.\n"
                             "-- Review it; once applied to a database, never edit it: write "
                             "another migration.\n";
  for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql}) {
    const SchemaShape wanted = expected_shape(dialect, layouts);
    Writer writer(dialect, wanted, dialect == Dialect::sqlite ? &migration.to_finish : nullptr);
    for (const SchemaDifference& difference : differences) writer.add(difference);
    (dialect == Dialect::sqlite ? migration.sqlite_sql : migration.postgresql_sql) =
        header + writer.text;
  }
  return migration;
}

std::vector<std::string> write_migration(const NewMigration& migration, const std::string& folder) {
  std::vector<std::pair<fs::path, const std::string*>> targets = {
      {fs::path(folder) / kSqliteMigrations / migration.file_name, &migration.sqlite_sql},
      {fs::path(folder) / kPostgresMigrations / migration.file_name, &migration.postgresql_sql}};
  for (const auto& target : targets) {
    std::error_code error;
    if (fs::exists(target.first, error)) {
      throw MigrationError("migration " + target.first.string() +
                           " already exists: choose another name");
    }
  }
  std::vector<std::string> written;
  for (const auto& target : targets) {
    std::error_code error;
    fs::create_directories(target.first.parent_path(), error);
    std::ofstream out(target.first, std::ios::binary | std::ios::trunc);
    out << *target.second;
    out.close();
    if (error || !out) {
      throw MigrationError("cannot write migration " + target.first.string() +
                           ": check the folder is writable");
    }
    written.push_back(target.first.lexically_normal().string());
  }
  return written;
}

}  // namespace ectflow::sql
