// open_project: the flows loaded and checked, then the database opened, checked against them.
// A new SQLite file is migrated on the spot (the common local case); anything else that is not
// up to date is refused with what to run, so a service never writes to a schema it does not know.
#include "project_store.hpp"

#include <filesystem>

#include "commands.hpp"
#include "ectflow/sql_migrations.hpp"

namespace ectflow::cli {

std::string default_migrations_folder(const std::vector<std::string>& flows) {
  namespace fs = std::filesystem;
  fs::path first = fs::path(flows.empty() ? std::string("flows") : flows.front()).lexically_normal();
  if (first.filename().empty()) first = first.parent_path();  // "flows/" names the folder
  std::error_code error;
  fs::path folder = fs::is_directory(first, error) ? first : first.parent_path();
  if (folder.empty() || folder.filename() == "." || folder.filename() == "..")
    folder = fs::absolute(folder.empty() ? fs::path(".") : folder, error).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();
  const fs::path root = folder.parent_path();
  return (root.empty() ? fs::path("migrations") : root / "migrations").string();
}

int report_schema(const std::string& db, const std::vector<RecordSchema>& schemas,
                  const std::string& migrations, std::FILE* out) {
  const sql::SchemaCheck check = sql::check_schema(db, schemas, migrations);
  if (check.ok()) {
    print(out, "database " + sql::shown_database(db) + " matches the flows\n");
    return kExitOk;
  }
  print(out, check.message + "\n");
  return kExitProblems;
}

std::optional<OpenedProject> open_project(const std::vector<std::string>& flows, const std::string& db,
                                          std::string_view command, const std::string& migrations) {
  LoadedEngine loaded = Engine::load(flows);
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    print(stderr, "ectflow " + std::string(command) + ": the flows have errors; fix them first\n");
    return std::nullopt;
  }
  const std::string folder = migrations.empty() ? default_migrations_folder(flows) : migrations;
  const std::vector<RecordSchema> schemas = loaded.engine->schemas();
  sql::SchemaCheck check = sql::check_schema(db, schemas, folder);
  if (check.empty && sql::migrations_dialect(db) == sql::kSqliteMigrations) {
    std::string applied;
    for (const sql::MigrationFile& file : sql::migrate(db, folder)) {
      applied += (applied.empty() ? "" : ", ") + file.file_name;
    }
    print(stderr, "ectflow " + std::string(command) + ": set up new database " + db +
                      " with the migrations in " + folder + " (" + applied + ")\n");
    check = sql::check_schema(db, schemas, folder);
  }
  if (!check.ok()) throw sql::StoreError(check.message);
  OpenedProject project;
  project.engine = loaded.engine;
  project.store = sql::open_sql_store(db, schemas);
  project.store->ensure_indexes();
  return project;
}

}  // namespace ectflow::cli
