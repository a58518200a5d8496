// SqlStore's insides: the connection, the tables' layouts and statements, and the owned cache of
// records that `find` and `for_each` hand out pointers into.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "connection.hpp"
#include "ectflow/sql_store.hpp"
#include "ectflow/pending_changes.hpp"
#include "row_sql.hpp"
#include "schema_sql.hpp"
#include "sqlite_mirror.hpp"

namespace ectflow::sql {

struct SqlStore::Impl {
  Impl(Connection connection, std::vector<RecordSchema> schemas);

  // Reads (the mutex must be held). Throw StoreError when the database fails.
  const Record* find(RecordTypeId type, std::string_view id);
  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit);
  // The database finds them (WHERE column = value). False, having visited nothing, for a field
  // it cannot be asked about that way (a date, a number, a list).
  bool for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit);
  // SQLite: from the mirror's index of the lowercased field. False (PostgreSQL) otherwise.
  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit);
  // SQLite: the mirror, with this type's table copied and current; nullptr on PostgreSQL. Outside
  // a transaction it first asks whether another connection committed; inside one (BEGIN
  // IMMEDIATE: no other writer) that was asked when it began.
  const store::MemoryStore* mirrored(RecordTypeId type);
  // SQLite: asks whether another connection committed (the mirror forgets its tables if so).
  // Nothing on PostgreSQL. Throws StoreError when it cannot ask.
  void check_mirror();

  // Transactions: sql_transaction.cpp. Inside a unit of work, `transact` runs as a savepoint of
  // the unit's transaction, so a conflict undoes only its own writes.
  CommitResult transact(const std::function<bool(StoreTransaction&)>& body);

  // A unit of work: one database transaction around `work`, which may call `transact` and run its
  // own statements on the session. Committed when `work` returns true, else rolled back. When
  // PostgreSQL refuses a statement because a concurrent transaction went first, the unit is rolled
  // back and `work` runs again (so it must start from scratch each time); `lost_race` when it
  // kept losing.
  enum class UnitResult { committed, rolled_back, lost_race };
  UnitResult run_unit(const std::function<bool()>& work);
  std::string next_id(RecordTypeId type);  // inside a transaction

  void ensure_schema();
  void ensure_indexes();
  void run_ddl(const std::function<void(soci::session&)>& statements, const std::string& doing);

  // The reads of one request outside a transaction (a page, a step that does not complete): the
  // mirror is checked once, at the first read, not before every read, and the request sees one
  // state of the tables throughout. Holds the store's mutex while it lasts.
  class RequestReads {
   public:
    explicit RequestReads(Impl& impl);
    ~RequestReads();
    RequestReads(const RequestReads&) = delete;
    RequestReads& operator=(const RequestReads&) = delete;

   private:
    Impl& impl_;
    std::lock_guard<std::recursive_mutex> lock_;
  };

  // PostgreSQL: a connection the server dropped (a restart, a fail-over, an idle timeout) fails
  // the request that found it gone; the next transaction connects again.
  void reconnect_if_lost();

 private:
  // One attempt; a lost race throws LostRace.
  CommitResult transact_once(const std::function<bool(StoreTransaction&)>& body);
  bool run_unit_once(const std::function<bool()>& work);

 public:
  [[noreturn]] void fail(const std::string& doing) const { rethrow_as_store_error_(doing); }

  struct Cached {
    std::unique_ptr<Record> record;  // the box a pointer from find points to
    bool gone = false;               // found removed: freed at this store's next commit
    std::uint64_t read_in = 0;       // the transaction that last read it (0: outside any)
  };
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using CacheMap = std::unordered_map<std::string, Cached, TextHash, std::equal_to<>>;

  // Puts a record read from the database in its box (in place, if it has one) and returns it.
  const Record* remember(RecordTypeId type, const std::string& id, Record loaded);
  // After a commit: the committed changes shown in their boxes, removed records' boxes freed.
  void after_commit(const PendingChanges& changes);
  void note_id(RecordTypeId type, std::string_view id);

  Connection connection;
  std::vector<RecordSchema> schemas;
  std::vector<TableLayout> layouts;
  std::vector<RowStatements> statements;
  std::map<std::pair<RecordTypeId, std::size_t>, std::string> select_where_sql;  // made on first use
  std::recursive_mutex mutex;
  std::unique_ptr<SqliteMirror> mirror;  // SQLite only: reads come from here
  int visiting = 0;  // mirror visits under way: the mirror is not refreshed beneath them
  int request_reads = 0;           // RequestReads under way
  bool checked_for_request = false;  // the mirror was checked since the outermost began
  std::vector<CacheMap> cache;    // by record type (PostgreSQL)
  std::vector<std::pair<RecordTypeId, std::string>> found_gone;  // boxes to free at the next commit
  std::uint64_t transaction = 0;  // the running transaction's number, 0 outside
  bool in_unit = false;           // a unit of work holds the transaction; transact nests in it
  std::uint64_t transactions_started = 0;
  std::vector<std::uint64_t> last_new_id;  // by record type: new ids count on from here

 private:
  [[noreturn]] void rethrow_as_store_error_(const std::string& doing) const;
};

}  // namespace ectflow::sql
