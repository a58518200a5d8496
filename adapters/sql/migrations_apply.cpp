// Applying migrations: each in one transaction with its ectflow_migrations row, under a lock
// (PostgreSQL: a transaction-scoped advisory lock; SQLite: BEGIN IMMEDIATE, the one writer), so
// two processes migrating at once apply each migration once. History is re-read under the lock.
#include "migrations_apply.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>

#include "errors.hpp"

namespace ectflow::sql {

namespace {

// The advisory lock's key: one per schema, so databases sharing a server do not wait on each other.
long long lock_key(const std::string& schema) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : "ectflow migrations " + schema) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return static_cast<long long>(hash & 0x7fffffffffffffffULL);
}

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

const std::string& migrations_table_sql(Dialect dialect) {
  static const std::map<Dialect, std::string> sql = [] {
    std::map<Dialect, std::string> found;
    for (Dialect d : {Dialect::sqlite, Dialect::postgresql}) {
      for (const std::string& statement : create_fixed_tables_sql(d)) {
        if (statement.find(" ectflow_migrations ") != std::string::npos) found[d] = statement;
      }
    }
    return found;
  }();
  return sql.at(dialect);
}

bool has_migrations_table(Connection& c) {
  long long count = 0;
  if (c.dialect == Dialect::sqlite) {
    *c.session << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                  "name = 'ectflow_migrations'",
        soci::into(count);
  } else {
    *c.session << "SELECT count(*) FROM information_schema.tables WHERE "
                  "table_schema = current_schema() AND table_name = 'ectflow_migrations'",
        soci::into(count);
  }
  return count > 0;
}

void rollback(soci::session& s) {
  try {
    s << "ROLLBACK";
  } catch (...) {  // the connection may be gone; the server rolls back on its own then
  }
}

// Opens the transaction and takes the lock; the schema and the history table exist after it.
void begin_locked(MigrationTarget& target) {
  Connection& c = target.connection;
  soci::session& s = *c.session;
  if (c.dialect == Dialect::sqlite) {
    s << "BEGIN IMMEDIATE";  // waits up to the busy timeout for another writer
  } else {
    s << "BEGIN ISOLATION LEVEL READ COMMITTED";  // each statement sees what others committed
    long long key = lock_key(c.schema);
    int locked = 0;
    s << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:k)) AS l", soci::use(key),
        soci::into(locked);
    // Waiting for the lock keeps the statement timeout (a stuck migrator is an error, not a
    // hang); once it is ours, a long ALTER on a big table may take what it needs.
    s << "SET LOCAL statement_timeout = 0";
    if (!c.schema.empty()) s << "CREATE SCHEMA IF NOT EXISTS " + c.schema;  // checked identifier
  }
  s << migrations_table_sql(c.dialect);
}

// Transaction control inside a file would end the migration's own transaction half way.
void refuse_transaction_control(const MigrationFile& file,
                                const std::vector<MigrationStatement>& statements) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    std::string word;
    for (char c : statements[i].sql) {
      if (!std::isalpha(static_cast<unsigned char>(c))) break;
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (word == "BEGIN" || word == "COMMIT" || word == "ROLLBACK" || word == "END" ||
        word == "SAVEPOINT" || word == "RELEASE") {
      throw MigrationError("migration " + file.path + " statement " + std::to_string(i + 1) +
                           " (line " + std::to_string(statements[i].line) + ") is " + word +
                           ": each migration already runs in one transaction of its own; "
                           "remove it");
    }
  }
}

[[noreturn]] void statement_failed(const MigrationTarget& target, const MigrationFile& file,
                                   std::size_t index, const MigrationStatement& statement) {
  std::string message;
  try {
    throw;
  } catch (const soci::postgresql_soci_error& error) {
    message = "SQLSTATE " + error.sqlstate() + ": " + first_line(error.get_error_message());
  } catch (const soci::soci_error& error) {
    message = first_line(error.get_error_message());
  } catch (const std::exception& error) {
    message = error.what();
  }
  throw MigrationError("migration " + file.path + " failed at statement " +
                       std::to_string(index + 1) + " (line " + std::to_string(statement.line) +
                       ") on " + target.shown + ": " + message +
                       "; nothing of it was applied: fix the file and run ectflow db migrate "
                       "again");
}

void apply_one(MigrationTarget& target, const MigrationFile& file,
               const std::vector<MigrationStatement>& statements) {
  soci::session& s = *target.connection.session;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    try {
      s << statements[i].sql;  // the repository's own SQL, run as written
    } catch (...) {
      statement_failed(target, file, i, statements[i]);
    }
  }
  std::string version = file.version, name = file.name, checksum = file.checksum;
  std::string at = now_utc();
  s << "INSERT INTO ectflow_migrations (version, name, checksum, applied_at) "
       "VALUES (:v, :n, :c, :a)",
      soci::use(version), soci::use(name), soci::use(checksum), soci::use(at);
}

}  // namespace

std::vector<AppliedMigration> read_applied(MigrationTarget& target) {
  Connection& c = target.connection;
  std::vector<AppliedMigration> applied;
  try {
    if (!has_migrations_table(c)) return applied;
    AppliedMigration row;
    soci::statement rows = (c.session->prepare << "SELECT version, name, checksum, applied_at "
                                                  "FROM ectflow_migrations",
                            soci::into(row.version), soci::into(row.name),
                            soci::into(row.checksum), soci::into(row.applied_at));
    rows.execute();
    while (rows.fetch()) applied.push_back(row);
  } catch (...) {
    rethrow_as_store_error(c, "reading which migrations it has");
  }
  std::sort(applied.begin(), applied.end(), [](const auto& a, const auto& b) {
    return a.version.size() != b.version.size() ? a.version.size() < b.version.size()
                                                : a.version < b.version;
  });
  return applied;
}

std::vector<MigrationFile> pending_migrations(const MigrationTarget& target,
                                              const std::vector<AppliedMigration>& applied,
                                              const std::vector<MigrationFile>& files) {
  std::map<int, const MigrationFile*> by_number;
  for (const MigrationFile& file : files) by_number[file.number] = &file;
  std::map<int, const AppliedMigration*> done;
  for (const AppliedMigration& row : applied) {
    const int number = row.version.find_first_not_of("0123456789") == std::string::npos &&
                               !row.version.empty() && row.version.size() < 10
                           ? std::stoi(row.version)
                           : -1;
    const std::string was = row.version + "_" + row.name + ".sql";
    auto it = by_number.find(number);
    if (it == by_number.end()) {
      throw MigrationError("migration " + was + " was applied to " + target.shown + " on " +
                           row.applied_at + " but is not in " + target.folder +
                           ": restore the file (a migration applied to a database stays in the "
                           "repository), or use the migrations folder this database was made with");
    }
    const MigrationFile& file = *it->second;
    if (file.name != row.name) {
      throw MigrationError("migration " + file.path + " was applied to " + target.shown + " as " +
                           was + " on " + row.applied_at +
                           ": an applied migration keeps its version and name; rename it back");
    }
    if (file.checksum != row.checksum) {
      throw MigrationError(
          "migration " + file.path + " has changed since it was applied to " + target.shown +
          " on " + row.applied_at + " (checksum " + row.checksum.substr(0, 12) + "..., now " +
          file.checksum.substr(0, 12) +
          "...): an applied migration must not change; undo the edit and put the change in a "
          "new migration (ectflow db new-migration NAME)");
    }
    done[number] = &row;
  }
  std::vector<MigrationFile> pending;
  for (const MigrationFile& file : files) {
    if (done.contains(file.number)) continue;
    if (auto later = done.upper_bound(file.number); later != done.end()) {
      throw MigrationError("migration " + file.path + " is not applied to " + target.shown +
                           " but the later " + later->second->version + "_" +
                           later->second->name +
                           ".sql is: number it after the last applied migration");
    }
    pending.push_back(file);
  }
  return pending;
}

std::vector<MigrationFile> apply_migrations(MigrationTarget& target,
                                            const std::vector<MigrationFile>& files) {
  Connection& c = target.connection;
  soci::session& s = *c.session;
  std::vector<MigrationFile> done;
  for (;;) {
    try {
      begin_locked(target);
    } catch (...) {
      rollback(s);
      rethrow_as_store_error(c, "starting a migration");
    }
    try {
      // Under the lock: another process may have applied some since we last looked.
      const std::vector<MigrationFile> pending =
          pending_migrations(target, read_applied(target), files);
      if (pending.empty()) {
        rollback(s);
        return done;
      }
      const MigrationFile& next = pending.front();
      const std::vector<MigrationStatement> statements = split_statements(next.text);
      refuse_transaction_control(next, statements);
      apply_one(target, next, statements);
      s << "COMMIT";
      done.push_back(next);
    } catch (...) {
      rollback(s);
      rethrow_as_store_error(c, "applying migrations");
    }
  }
}

Connection scratch_sqlite() {
  Connection c;
  c.dialect = Dialect::sqlite;
  c.name = ":memory:";
  try {
    c.session = std::make_unique<soci::session>(soci::sqlite3, "db=:memory:");
  } catch (...) {
    rethrow_as_store_error(c, "opening a scratch database");
  }
  return c;
}

}  // namespace ectflow::sql
