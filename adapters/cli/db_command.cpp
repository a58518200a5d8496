// `ectflow db`: migrate a database, show its migrations, write the next migration, and check
// the repository's migrations against the flows (docs/database.md).
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "ectflow/engine.hpp"
#include "ectflow/sql_migrations.hpp"
#include "project_store.hpp"

namespace ectflow::cli {
namespace {

struct DbOptions {
  std::string db = kDefaultDatabase;
  std::string flows = "flows";
  std::string migrations;  // empty: `migrations` beside the flows' folder
  std::string name;        // new-migration

  std::string folder() const {
    return migrations.empty() ? default_migrations_folder({flows}) : migrations;
  }
};

// The flows' record schemas, or nothing (their problems printed) when they do not load.
std::optional<std::vector<RecordSchema>> load_schemas(const DbOptions& options,
                                                      std::string_view command) {
  const LoadedEngine loaded = Engine::load({options.flows});
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                     DiagnosticFormat::text));
    print(stderr, "ectflow db " + std::string(command) + ": the flows have errors; fix them first\n");
    return std::nullopt;
  }
  return loaded.engine->schemas();
}

int run_migrate(const DbOptions& options) {
  const std::string shown = sql::shown_database(options.db);
  const std::vector<sql::MigrationFile> applied = sql::migrate(options.db, options.folder());
  for (const sql::MigrationFile& file : applied) print(stdout, "applied " + file.path + "\n");
  print(stdout, "database " + shown + " is up to date\n");
  // Then compare with the flows, when there are flows here to compare with.
  std::error_code error;
  if (!std::filesystem::exists(options.flows, error)) return kExitOk;
  const auto schemas = load_schemas(options, "migrate");
  if (!schemas) return kExitProblems;
  const sql::SchemaCheck check = sql::check_schema(options.db, *schemas, options.folder());
  if (check.ok()) return kExitOk;
  print(stderr, check.message + "\n");
  return kExitProblems;
}

int run_status(const DbOptions& options) {
  const std::string shown = sql::shown_database(options.db);
  const sql::MigrationStatus status = sql::migration_status(options.db, options.folder());
  std::string text = "database " + shown + ", migrations in " + options.folder() + "/" +
                     sql::migrations_dialect(options.db) + ":\n";
  for (const sql::AppliedMigration& row : status.applied) {
    text += "  applied  " + row.version + "_" + row.name + ".sql  " + row.applied_at + "\n";
  }
  for (const sql::MigrationFile& file : status.pending) text += "  pending  " + file.file_name + "\n";
  if (status.pending.empty()) {
    text += "up to date (" + std::to_string(status.applied.size()) + " applied)\n";
  } else {
    text += std::to_string(status.pending.size()) + " pending: run ectflow db migrate --db " +
            shown + "\n";
  }
  print(stdout, text);
  return status.pending.empty() ? kExitOk : kExitProblems;
}

int run_new_migration(const DbOptions& options) {
  const auto schemas = load_schemas(options, "new-migration");
  if (!schemas) return kExitProblems;
  const std::optional<sql::NewMigration> migration =
      sql::plan_migration(*schemas, options.folder(), options.name);
  if (!migration) {
    print(stderr, "ectflow db new-migration: nothing to write: the migrations in " +
                      options.folder() + "/ already make the tables the flows need\n");
    return kExitProblems;
  }
  for (const std::string& path : sql::write_migration(*migration, options.folder())) {
    print(stdout, "wrote " + path + "\n");
  }
  if (!migration->to_finish.empty()) {
    std::string text = "Finish these by hand in both files before applying them (each is "
                       "commented SQL marked FINISH BY HAND):\n";
    for (const std::string& line : migration->to_finish) text += "  - " + line + "\n";
    print(stdout, text);
  }
  return kExitOk;
}

int run_check(const DbOptions& options) {
  const auto schemas = load_schemas(options, "check");
  if (!schemas) return kExitProblems;
  const std::vector<sql::SchemaDifference> differences =
      sql::migrations_against_flows(*schemas, options.folder());
  if (differences.empty()) {
    print(stdout, "the migrations in " + options.folder() + "/ make the tables the flows need\n");
    return kExitOk;
  }
  std::string text = "No migration in " + options.folder() + "/ makes the schema the flows need:\n";
  for (const sql::SchemaDifference& difference : differences) {
    text += "  - " + difference.describe() + "\n";
  }
  print(stdout, text + "write one with ectflow db new-migration NAME\n");
  return kExitProblems;
}

void add_folder_options(CLI::App* sub, DbOptions& options) {
  sub->add_option("--flows", options.flows, "The flows' folder (default: flows)")
      ->option_text("DIR");
  sub->add_option("--migrations", options.migrations,
                  "The migrations folder (default: migrations beside the flows' folder)")
      ->option_text("DIR");
}

void add_db_option(CLI::App* sub, DbOptions& options) {
  sub->add_option("--db", options.db,
                  "A SQLite file or a postgresql:// URL (default: ectflow.db)")
      ->option_text("DB");
}

}  // namespace

Command add_db_command(CLI::App& app) {
  auto options = std::make_shared<DbOptions>();
  CLI::App* db = app.add_subcommand("db", "Migrate a database and write migrations");
  db->require_subcommand(1);
  CLI::App* migrate = db->add_subcommand("migrate", "Apply the migrations not yet applied");
  add_db_option(migrate, *options);
  add_folder_options(migrate, *options);
  CLI::App* status = db->add_subcommand("status", "List applied and pending migrations");
  add_db_option(status, *options);
  add_folder_options(status, *options);
  CLI::App* create = db->add_subcommand(
      "new-migration", "Write the next migration: what the flows need that the migrations lack");
  create->add_option("name", options->name, "The migration's name, like add_left_on_to_ect")
      ->required();
  add_folder_options(create, *options);
  CLI::App* check = db->add_subcommand(
      "check", "Check the migrations make the tables the flows need (no database)");
  add_folder_options(check, *options);
  return {db, [=] {
            if (migrate->parsed()) return run_migrate(*options);
            if (status->parsed()) return run_status(*options);
            if (create->parsed()) return run_new_migration(*options);
            if (check->parsed()) return run_check(*options);
            return kExitUsage;
          }};
}

}  // namespace ectflow::cli
