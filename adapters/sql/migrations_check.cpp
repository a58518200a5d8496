// The schema diff: a database against the flows, and the repository's migrations against the
// flows, so the message can say whether to run `ectflow db migrate` or write a new migration.
#include "connection.hpp"
#include "ectflow/sql_migrations.hpp"
#include "migrations_apply.hpp"
#include "migrations_schema.hpp"

namespace ectflow::sql {

namespace {

std::string bullets(const std::vector<SchemaDifference>& differences) {
  std::string text;
  for (const SchemaDifference& difference : differences) text += "  - " + difference.describe() + "\n";
  return text;
}

std::string file_names(const std::vector<MigrationFile>& files) {
  std::string text;
  for (const MigrationFile& file : files) text += (text.empty() ? "" : ", ") + file.file_name;
  return text;
}

std::string explain(const SchemaCheck& check, const std::string& shown, const std::string& folder) {
  if (check.database.empty() && check.pending.empty()) return {};
  const std::string migrate = "ectflow db migrate --db " + shown;
  std::string text;
  if (check.empty) {
    text = "database " + shown + " has no ectflow tables yet: run " + migrate +
           " to create them";
  } else {
    if (!check.database.empty()) {
      text = "database " + shown + " does not match the flows:\n" + bullets(check.database);
    }
    if (!check.pending.empty()) {
      text += (check.pending.size() == 1 ? "Migration " : "Migrations ") +
              file_names(check.pending) + " (in " + folder + "/) " +
              (check.pending.size() == 1 ? "is" : "are") + " not applied to " + shown + ": run " +
              migrate;
    } else if (check.repository.empty()) {
      text += "Every migration in " + folder +
              "/ is applied, yet it differs: it was changed by hand, or the postgresql and "
              "sqlite migrations do not make the same tables; compare them";
    }
  }
  if (!check.repository.empty()) {
    text += "\nNo migration in " + folder + "/ makes the schema the flows need:\n" +
            bullets(check.repository) +
            "write one with ectflow db new-migration NAME, then run " + migrate;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

std::vector<SchemaDifference> migrations_against_flows(const std::vector<RecordSchema>& schemas,
                                                       const std::string& folder) {
  const std::vector<TableLayout> layouts = layouts_of(schemas);
  const std::vector<MigrationFile> files = read_migrations(folder, kSqliteMigrations);
  Connection scratch = scratch_sqlite();
  MigrationTarget target{scratch, "a scratch in-memory database", folder};
  apply_migrations(target, files);
  return compare_shapes(expected_shape(Dialect::sqlite, layouts), read_shape(scratch));
}

SchemaCheck check_schema(const std::string& db, const std::vector<RecordSchema>& schemas,
                         const std::string& folder, const SqlOptions& options) {
  const std::vector<TableLayout> layouts = layouts_of(schemas);
  const std::vector<MigrationFile> files = read_migrations(folder, migrations_dialect(db));
  SchemaCheck check;
  check.repository = migrations_against_flows(schemas, folder);
  Connection connection = connect(db, options);
  MigrationTarget target{connection, shown_database(db), folder};
  check.pending = pending_migrations(target, read_applied(target), files);
  const SchemaShape actual = read_shape(connection);
  check.empty = !actual.has_ectflow_tables();
  check.database = compare_shapes(expected_shape(connection.dialect, layouts), actual);
  check.message = explain(check, target.shown, folder);
  return check;
}

}  // namespace ectflow::sql
