// Transactions: the body reads through a view that sees its own buffered changes; the commit
// writes them with version checks (`... WHERE id = :id AND version = :read`) and names the first
// record that moved on. SQLite runs BEGIN IMMEDIATE (one writer at a time, waiting up to the busy
// timeout); PostgreSQL runs REPEATABLE READ, where another transaction's write to the same row is
// a serialization failure, reported as the same conflict.
#include <soci/soci.h>

#include <random>
#include <thread>

#include "errors.hpp"
#include "row_codec.hpp"
#include "store_impl.hpp"

namespace ectflow::sql {

namespace {

using State = PendingChanges::State;

class SqlTransaction final : public StoreTransaction {
 public:
  explicit SqlTransaction(SqlStore::Impl& store) : store_(store), pending_(store.schemas) {}

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override {
    if (pending_.empty(type)) return store_.for_each(type, visit);
    const RecordSchema& schema = store_.schemas[type];
    store_.for_each(type, [&](const Record& record) {
      const PendingChanges::Pending* entry = pending_.find(type, record.key_text(schema));
      if (!entry) return visit(record);
      if (entry->state != State::removed) visit(entry->record);
    });
    for (const auto& [order_type, id] : pending_.order()) {
      if (order_type != type) continue;
      const PendingChanges::Pending* entry = pending_.find(type, id);
      if (entry->state == State::created) visit(entry->record);
    }
  }

  void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit) const override {
    if (pending_.empty(type) && store_.for_each_where(type, slot, value, visit)) return;
    RecordReader::for_each_where(type, slot, value, visit);  // a scan that sees the changes
  }

  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit) const override {
    return pending_.empty(type) && store_.for_each_where_lower(type, slot, value, visit);
  }

  const Record* find(RecordTypeId type, std::string_view id) const override {
    if (const PendingChanges::Pending* entry = pending_.find(type, id)) {
      return entry->state == State::removed ? nullptr : &entry->record;
    }
    return store_.find(type, id);
  }

  void apply(RecordChange change) override { pending_.apply(std::move(change)); }

  std::string new_id(RecordTypeId type) override {
    for (;;) {
      std::string id = store_.next_id(type);
      if (!find(type, id) && !pending_.find(type, id)) return id;
    }
  }

  const PendingChanges& pending() const { return pending_; }

 private:
  SqlStore::Impl& store_;
  PendingChanges pending_;
};

void quietly(soci::session& session, const char* sql) {
  try {
    session << sql;
  } catch (...) {
    // The connection may be gone; the server rolls back what it cannot finish.
  }
}

void rollback_quietly(soci::session& session) { quietly(session, "ROLLBACK"); }

// Undoes a nested change's writes and leaves the unit's transaction usable (in PostgreSQL, also
// after the statement that failed).
void rollback_savepoint_quietly(soci::session& session) {
  quietly(session, "ROLLBACK TO SAVEPOINT ectflow_change");
  quietly(session, "RELEASE SAVEPOINT ectflow_change");
}

// SQLite: one writer at a time. PostgreSQL: SERIALIZABLE, because two people pairing the same
// ECT each insert a new mentorship after reading that there is none: under REPEATABLE READ both
// commit (write skew); under SERIALIZABLE one of them is refused and runs again.
const char* begin_sql(Dialect dialect) {
  return dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL SERIALIZABLE";
}

// A transaction PostgreSQL refused runs again, after a short random pause that grows each time,
// so racing writers fall out of step.
constexpr int kAttempts = 12;

void pause_before_retry(int attempt) {
  static thread_local std::mt19937 random{std::random_device{}()};
  const int most = std::min(200, 2 << attempt);
  std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, most)(random)));
}

const char* kTooBusy = "the database was too busy to save this in time: try again";

}  // namespace

std::string SqlStore::Impl::next_id(RecordTypeId type) {
  soci::session& s = *connection.session;
  const std::string& name = schemas.at(type).name;
  long long number = 0;
  try {
    if (connection.dialect == Dialect::sqlite) {
      long long floor = static_cast<long long>(last_new_id[type]);
      s << "INSERT INTO ectflow_ids (record_type, last_id) VALUES (:t, 0) ON CONFLICT "
           "(record_type) DO NOTHING",
          soci::use(name);
      s << "UPDATE ectflow_ids SET last_id = MAX(last_id, :floor) + 1 WHERE record_type = :t",
          soci::use(floor), soci::use(name);
      s << "SELECT last_id FROM ectflow_ids WHERE record_type = :t", soci::use(name),
          soci::into(number);
    } else {
      // Sequences never roll back, so concurrent transactions never share a number.
      s << "SELECT nextval('" + id_sequence(layouts[type]) + "')", soci::into(number);
    }
  } catch (...) {
    fail("numbering a new " + name);
  }
  last_new_id[type] =
      std::max<std::uint64_t>(last_new_id[type], static_cast<std::uint64_t>(number));
  return name + "-" + std::to_string(number);
}

Store::CommitResult SqlStore::Impl::transact(const std::function<bool(StoreTransaction&)>& body) {
  // Inside a unit of work a lost race undoes the whole unit, which runs again.
  if (in_unit) return transact_once(body);
  reconnect_if_lost();
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    try {
      return transact_once(body);
    } catch (const LostRace&) {
      pause_before_retry(attempt);
    }
  }
  return {false, kTooBusy};
}

Store::CommitResult SqlStore::Impl::transact_once(const std::function<bool(StoreTransaction&)>& body) {
  soci::session& s = *connection.session;
  const bool nested = in_unit;
  if (transaction != 0 && !nested) {
    throw std::logic_error("SqlStore::transact called inside a transaction");
  }
  try {
    s << (nested ? "SAVEPOINT ectflow_change" : begin_sql(connection.dialect));
  } catch (...) {
    fail("starting a transaction");
  }
  if (!nested) transaction = ++transactions_started;
  struct Finish {
    SqlStore::Impl& store;
    bool nested;
    bool open = true;
    ~Finish() {
      if (open) {
        nested ? rollback_savepoint_quietly(*store.connection.session)
               : rollback_quietly(*store.connection.session);
      }
      if (!nested) store.transaction = 0;
    }
  } finish{*this, nested};
  // BEGIN IMMEDIATE holds the write lock: no one else commits until this transaction ends.
  if (!nested) check_mirror();

  SqlTransaction view(*this);
  if (!body(view)) return {};
  const PendingChanges& changes = view.pending();
  if (!changes.conflict().empty()) return {false, changes.conflict()};

  std::string racing;  // the change being written: named if another writer got there first
  try {
    for (const auto& [type, id] : changes.order()) {
      const PendingChanges::Pending& entry = *changes.find(type, id);
      const std::string& name = schemas[type].name;
      Bindings values;
      if (entry.state == State::created) {
        racing = name + " " + id + " already exists";
        values.text(id);
        values.fields(layouts[type], entry.record);
        values.int64(1);
        if (values.execute(s, statements[type].insert) == 0) return {false, racing};
        note_id(type, id);
        continue;
      }
      racing = name + " " + id + " was changed by someone else";
      if (entry.state == State::updated) {
        values.fields(layouts[type], entry.record);
        values.int64(entry.read_version + 1);
        values.text(id);
        values.int64(entry.read_version);
        if (values.execute(s, statements[type].update) == 0) return {false, racing};
      } else {
        values.text(id);
        values.int64(entry.read_version);
        if (values.execute(s, statements[type].remove) == 0) return {false, racing};
      }
    }
    s << (nested ? "RELEASE SAVEPOINT ectflow_change" : "COMMIT");
    finish.open = false;
  } catch (...) {
    if (is_lost_race(std::current_exception())) throw LostRace(racing);
    fail("saving changes");
  }
  // Nested: the unit may still roll back, but reads outside a transaction always go to the
  // database, so boxes showing these changes are refreshed then.
  after_commit(changes);
  return {true, ""};
}

SqlStore::Impl::UnitResult SqlStore::Impl::run_unit(const std::function<bool()>& work) {
  reconnect_if_lost();
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    try {
      return run_unit_once(work) ? UnitResult::committed : UnitResult::rolled_back;
    } catch (const LostRace&) {
      pause_before_retry(attempt);
    }
  }
  return UnitResult::lost_race;
}

bool SqlStore::Impl::run_unit_once(const std::function<bool()>& work) {
  soci::session& s = *connection.session;
  if (transaction != 0) throw std::logic_error("SqlStore: a unit of work inside a transaction");
  try {
    s << begin_sql(connection.dialect);
  } catch (...) {
    fail("starting a transaction");
  }
  transaction = ++transactions_started;
  in_unit = true;
  struct Finish {
    SqlStore::Impl& store;
    bool open = true;
    ~Finish() {
      if (open) {
        rollback_quietly(*store.connection.session);
        // A nested change committed to the mirror is undone in the database with the unit.
        if (store.mirror) store.mirror->forget();
      }
      store.transaction = 0;
      store.in_unit = false;
    }
  } finish{*this};
  check_mirror();
  try {
    if (!work()) return false;
    s << "COMMIT";
    finish.open = false;
  } catch (...) {
    if (is_lost_race(std::current_exception())) throw LostRace("a concurrent transaction went first");
    fail("saving a journey");
  }
  return true;
}

void SqlStore::Impl::after_commit(const PendingChanges& changes) {
  if (mirror) mirror->apply(changes);
  for (const auto& [type, id] : changes.order()) {
    const PendingChanges::Pending& entry = *changes.find(type, id);
    auto it = cache[type].find(id);
    if (it == cache[type].end()) continue;
    if (entry.state == State::removed) {
      cache[type].erase(it);
      continue;
    }
    Record committed = entry.record;
    committed.version = entry.state == State::created ? 1 : entry.read_version + 1;
    if (it->second.record) *it->second.record = std::move(committed);
    it->second.gone = false;
  }
  // Only the boxes found gone, not the whole cache: a commit costs what it changed.
  for (const auto& [type, id] : found_gone) {
    auto it = cache[type].find(id);
    if (it != cache[type].end() && it->second.gone) cache[type].erase(it);
  }
  found_gone.clear();
}

}  // namespace ectflow::sql
