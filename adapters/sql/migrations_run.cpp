// The public entry points that open a database: status and migrate.
#include "connection.hpp"
#include "ectflow/sql_migrations.hpp"
#include "migrations_apply.hpp"

namespace ectflow::sql {

MigrationStatus migration_status(const std::string& db, const std::string& folder,
                                 const SqlOptions& options) {
  const std::vector<MigrationFile> files = read_migrations(folder, migrations_dialect(db));
  Connection connection = connect(db, options);
  MigrationTarget target{connection, shown_database(db), folder};
  MigrationStatus status;
  status.applied = read_applied(target);
  status.pending = pending_migrations(target, status.applied, files);
  return status;
}

std::vector<MigrationFile> migrate(const std::string& db, const std::string& folder,
                                   const SqlOptions& options) {
  const std::vector<MigrationFile> files = read_migrations(folder, migrations_dialect(db));
  Connection connection = connect(db, options);
  MigrationTarget target{connection, shown_database(db), folder};
  return apply_migrations(target, files);
}

}  // namespace ectflow::sql
