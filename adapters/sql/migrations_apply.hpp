// Applying migrations on an open connection (a scratch in-memory database too) and reading back
// which ones a database has.
#pragma once

#include <string>
#include <vector>

#include "connection.hpp"
#include "ectflow/sql_migrations.hpp"

namespace ectflow::sql {

// Where migrations are applied, and how messages name it (`ectflow db migrate --db <shown>`).
struct MigrationTarget {
  Connection& connection;
  std::string shown;   // the database as the user gave it, password hidden
  std::string folder;  // the migrations folder, for messages
};

// The rows of ectflow_migrations, in version order; none when the table does not exist yet.
std::vector<AppliedMigration> read_applied(MigrationTarget& target);

// The files not yet applied. Throws MigrationError when an applied migration has changed or is
// missing from the folder, or a file is older than one already applied.
std::vector<MigrationFile> pending_migrations(const MigrationTarget& target,
                                              const std::vector<AppliedMigration>& applied,
                                              const std::vector<MigrationFile>& files);

// Applies the pending files one transaction each, under the migration lock, and returns those
// it applied.
std::vector<MigrationFile> apply_migrations(MigrationTarget& target,
                                            const std::vector<MigrationFile>& files);

// An in-memory SQLite database, for applying the repository's migrations to see what they make.
Connection scratch_sqlite();

}  // namespace ectflow::sql
