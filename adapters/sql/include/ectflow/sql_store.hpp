// The SQL Store: records in SQLite (a file, by default) or PostgreSQL (by URL), through SOCI.
// Standard library types only; SOCI stays inside adapters/sql.
#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::sql {

// Broken infrastructure: a file that is not a database, a server that is down, a lock held past
// the timeout, a full disk. The message names the database and says what to do.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SqlOptions {
  // SQLite: how long a writer waits for another writer before failing.
  std::chrono::milliseconds busy_timeout{5000};
  // SQLite: whether each commit waits for the disk (synchronous = FULL). false: NORMAL, where in
  // write-ahead logging a commit is lost only if the machine (not the process) stops before the
  // next checkpoint, and the file stays consistent; what the benchmark's hand-written peer uses.
  bool sqlite_sync_every_commit = true;
  // PostgreSQL: how long to wait for the server to answer a connection.
  std::chrono::seconds connect_timeout{5};
  // PostgreSQL: the longest one statement may run (lock waits included).
  std::chrono::milliseconds statement_timeout{30000};
  // PostgreSQL: how the server's activity views name this connection (pg_stat_activity).
  std::string application_name = "ectflow";
};

// One connection to one database. Tables are `rec_<record>`, one column per stored field, a TEXT
// primary key `id` holding the key's text and a `version` column (DESIGN.md: Storage).
//
// SQLite: reads come from a copy of the tables in memory, checked against SQLite's data_version
// before each read outside a transaction and when a transaction begins (sqlite_mirror.hpp).
// PostgreSQL: reads go to the database every time, except that inside one transaction a record
// already read is not read again (the transaction's view cannot change but by its own writes). A pointer from
// `find` or `for_each` points into a cache the store owns: the record is refreshed in place when
// read again, and the pointer stays valid until this store commits a transaction after the record
// was removed (by this store or another writer). Like MemoryStore, one thread at a time per
// SqlStore (a mutex guards the connection); open one store per thread to run writers in parallel.
class SqlStore : public Store {
 public:
  struct Impl;
  explicit SqlStore(std::unique_ptr<Impl> impl);
  ~SqlStore() override;

  const std::vector<RecordSchema>& schemas() const;
  // The database as messages name it: the SQLite path, or the URL without its password.
  const std::string& database() const;
  // Creates the fixed tables, the record tables and the new-id counters that do not exist yet
  // (tests and scratch databases; a service database is set up by `ectflow db migrate`).
  void ensure_schema();
  // Creates the indexes the flows' queries use (`x.F = E and …` finds records by F) that do not
  // exist yet. They follow the flows, not the migrations: a service opening its database after
  // `ectflow db migrate` calls this, and ensure_schema makes them too.
  void ensure_indexes();

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override;
  const Record* find(RecordTypeId type, std::string_view id) const override;
  void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit) const override;
  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit) const override;
  CommitResult transact(const std::function<bool(StoreTransaction&)>& body) override;

  // For the journey services in this library (sql_journeys.hpp).
  Impl& internals() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// `db` is a SQLite file path (created if absent; WAL, busy timeout, foreign keys on) or a URL
// `postgresql://user[:password]@host[:port]/dbname[?schema=NAME]` (the tables live in schema NAME,
// default `public`). Throws StoreError when the database cannot be opened or a record, field or
// schema name is not an identifier [a-z_][a-z0-9_]*.
std::unique_ptr<SqlStore> open_sql_store(const std::string& db,
                                         const std::vector<RecordSchema>& schemas,
                                         const SqlOptions& options = {});

// Whether `db` names a PostgreSQL database (postgresql:// or postgres://) rather than a SQLite file.
bool is_postgres_url(const std::string& db);

}  // namespace ectflow::sql
