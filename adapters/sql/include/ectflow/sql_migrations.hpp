// Versioned migrations for the SQL store, and the diff between a database and the flows' records.
// Standard library types only; SOCI stays inside adapters/sql (docs/database.md).
//
// A project's migrations live in `migrations/sqlite/NNNN_name.sql` and
// `migrations/postgresql/NNNN_name.sql`: the same versions and names in both folders, plain SQL,
// statements separated by `;`, `--` comments allowed. Each is applied once, in version order, in
// one transaction together with its row in `ectflow_migrations` (version, name, checksum,
// applied_at), under a lock so two processes migrating at once do not both apply it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/sql_store.hpp"

namespace ectflow::sql {

// A migration folder, file or history that cannot be used as it is: a badly named file, a gap
// in the numbering, an applied migration changed or missing, a statement the database refused.
// The message names the file and says what to do.
class MigrationError : public StoreError {
 public:
  using StoreError::StoreError;
};

// The folder names of the two dialects under a migrations folder.
inline constexpr const char* kSqliteMigrations = "sqlite";
inline constexpr const char* kPostgresMigrations = "postgresql";

struct MigrationFile {
  std::string version;    // "0002", as the file name writes it
  int number = 0;         // 2
  std::string name;       // "add_left_on"
  std::string file_name;  // "0002_add_left_on.sql"
  std::string path;       // the file, as messages show it
  std::string text;
  std::string checksum;   // SHA-256 of `text`, in hex
};

struct MigrationStatement {
  std::string sql;  // without the `;`, comments or surrounding blank space
  int line = 0;     // where it starts in the file, from 1
};

// Splits a migration's text at `;` outside quotes and `--` / `/* */` comments; empty statements
// (only comments or blanks) are dropped.
std::vector<MigrationStatement> split_statements(std::string_view text);

// The migrations of one dialect ("sqlite" or "postgresql") under `folder`, in version order.
// Throws MigrationError when a file is not named NNNN_name.sql, the versions are not 1, 2, 3...
// (a gap or a duplicate), or the other dialect's folder does not hold the same versions and
// names.
std::vector<MigrationFile> read_migrations(const std::string& folder, const std::string& dialect);

// The dialect folder name ("sqlite" or "postgresql") a database uses.
std::string migrations_dialect(const std::string& db);

// A database as messages show it: the SQLite path, or the URL with its password hidden.
std::string shown_database(const std::string& db);

struct AppliedMigration {
  std::string version, name, checksum, applied_at;
};

struct MigrationStatus {
  std::vector<AppliedMigration> applied;  // in version order
  std::vector<MigrationFile> pending;     // in the order they would be applied
};

// What has been applied to `db` and what is still to apply. Throws MigrationError when an
// applied migration's file has changed since (its checksum differs) or is no longer in the folder.
MigrationStatus migration_status(const std::string& db, const std::string& folder,
                                 const SqlOptions& options = {});

// Applies the pending migrations of `folder` to `db` and returns those this call applied (none
// when the database was up to date, or another process applied them first). A migration that
// fails leaves nothing of itself behind; the MigrationError names the file, the statement's number
// and line, and the database's message.
std::vector<MigrationFile> migrate(const std::string& db, const std::string& folder,
                                   const SqlOptions& options = {});

// One way a database (or the schema the repository's migrations make) differs from what the
// flows' records need.
struct SchemaDifference {
  enum class Kind {
    missing_table,
    missing_column,
    missing_sequence,  // PostgreSQL: the sequence numbering a record type's new ids
    changed_type,
    extra_table,   // a record type the flows no longer declare
    extra_column,  // a field the flows no longer declare
  };
  Kind kind = Kind::missing_table;
  std::string table;     // "rec_ect", or the sequence's name
  std::string column;    // for column differences
  std::string record;    // the record type, when the table is a record's
  std::string expected;  // the column type the flows need
  std::string actual;    // the column type the database has
  // "column rec_ect.left_on (field left_on of record ect, TEXT) is missing"
  std::string describe() const;
};

struct SchemaCheck {
  bool empty = false;  // the database has no ectflow tables at all
  std::vector<SchemaDifference> database;    // the database against the flows
  std::vector<MigrationFile> pending;        // migrations not yet applied to it
  std::vector<SchemaDifference> repository;  // the repository's migrations against the flows
  // What is wrong and what to run (ectflow db migrate, or ectflow db new-migration); empty
  // when the database matches the flows and has every migration.
  std::string message;
  bool ok() const { return message.empty(); }
};

// Compares `db` with the tables, columns and sequences `schemas` need, and the repository's
// migrations with them too (applied to a scratch in-memory SQLite database), so the message can
// say which migration is missing, or that none of the repository's makes the change.
SchemaCheck check_schema(const std::string& db, const std::vector<RecordSchema>& schemas,
                         const std::string& folder, const SqlOptions& options = {});

// What the repository's migrations (the sqlite dialect, applied to a scratch in-memory database)
// lack or have beyond the schema `schemas` need. Empty: they are up to date with the flows.
std::vector<SchemaDifference> migrations_against_flows(const std::vector<RecordSchema>& schemas,
                                                       const std::string& folder);

// The next migration: the DDL that takes the repository's migrations to the flows' schema.
struct NewMigration {
  std::string file_name;  // "0003_add_left_on.sql"
  std::string sqlite_sql;
  std::string postgresql_sql;
  // Changes the author must finish by hand (a changed type, a removed field or record): they are
  // written as commented SQL that does nothing until edited.
  std::vector<std::string> to_finish;
};

// Nothing when the migrations already make the flows' schema. Throws MigrationError when `name`
// is not lower-case letters, digits and underscores, or the folder cannot be read.
std::optional<NewMigration> plan_migration(const std::vector<RecordSchema>& schemas,
                                           const std::string& folder, const std::string& name);

// Writes the migration into both dialect folders (creating them) and returns the two paths.
// Throws MigrationError when a file of that name exists or cannot be written.
std::vector<std::string> write_migration(const NewMigration& migration, const std::string& folder);

}  // namespace ectflow::sql
