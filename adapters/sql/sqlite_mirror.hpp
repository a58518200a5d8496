// SQLite only: the record tables copied into an in-memory store, so that reads cost no statement
// and queries use the memory store's indexes. A table is copied whole the first time it is read.
// SQLite's `PRAGMA data_version` changes when another connection commits (never for this
// connection's own commits): then every table is copied again on its next read, in place, so
// pointers handed out stay valid. This connection's own commits are applied to the copy as they
// commit.
#pragma once

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>  // SQLite's API, in namespace sqlite_api

#include <memory>
#include <vector>

#include "ectflow/memory_store.hpp"
#include "ectflow/pending_changes.hpp"

namespace ectflow::sql {

class SqliteMirror {
 public:
  explicit SqliteMirror(const std::vector<RecordSchema>& schemas);
  ~SqliteMirror();
  SqliteMirror(const SqliteMirror&) = delete;
  SqliteMirror& operator=(const SqliteMirror&) = delete;

  // Looks at data_version (one small statement, prepared once, reset at once so it holds no read
  // snapshot): when another connection has committed since the last look, every table is stale.
  // Throws std::runtime_error with SQLite's message when it cannot.
  void check(soci::session& session);
  bool fresh(RecordTypeId type) const { return fresh_[type]; }
  // The table as the database holds it now: records updated in place, new ones added, gone ones
  // taken out.
  void refill(RecordTypeId type, std::vector<Record> rows);
  // This connection committed these changes.
  void apply(const PendingChanges& changes);
  // The copy may be ahead of the database (a unit of work rolled back after a nested commit).
  void forget();

  const store::MemoryStore& store() const { return store_; }

 private:
  store::MemoryStore store_;
  std::vector<bool> fresh_;
  long long data_version_ = -1;
  sqlite_api::sqlite3* prepared_on_ = nullptr;
  sqlite_api::sqlite3_stmt* data_version_statement_ = nullptr;
};

}  // namespace ectflow::sql
