#include "sqlite_mirror.hpp"

#include "row_codec.hpp"

#include <stdexcept>
#include <unordered_set>

namespace ectflow::sql {

using namespace sqlite_api;  // SQLite's C API, as SOCI's header declares it

SqliteMirror::SqliteMirror(const std::vector<RecordSchema>& schemas)
    : store_(schemas), fresh_(schemas.size(), false) {}

SqliteMirror::~SqliteMirror() { sqlite3_finalize(data_version_statement_); }

void SqliteMirror::check(soci::session& session) {
  // SOCI keeps a statement open after its row (holding a read snapshot, which makes the next
  // BEGIN IMMEDIATE fail at once after another connection commits): SQLite's own API resets it.
  sqlite3* db = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  if (prepared_on_ != db) {  // a new connection: its counter starts afresh
    sqlite3_finalize(data_version_statement_);
    data_version_statement_ = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &data_version_statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db));
    }
    prepared_on_ = db;
    data_version_ = -1;
  }
  const int step = sqlite3_step(data_version_statement_);
  const long long version = step == SQLITE_ROW ? sqlite3_column_int64(data_version_statement_, 0) : -1;
  sqlite3_reset(data_version_statement_);
  if (step != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
  if (version != data_version_) forget();
  data_version_ = version;
}

void SqliteMirror::refill(RecordTypeId type, std::vector<Record> rows) {
  const RecordSchema& schema = store_.schemas()[type];
  std::unordered_set<std::string> present;
  for (Record& row : rows) {
    std::string id = row.key_text(schema);
    // Unchanged rows stay as they are: no re-indexing of the whole table after each foreign commit.
    const Record* current = store_.find(type, id);
    if (!current || !same_record(*current, row)) store_.put(type, std::move(row));
    present.insert(std::move(id));
  }
  std::vector<std::string> gone;
  store_.for_each(type, [&](const Record& record) {
    std::string id = record.key_text(schema);
    if (!present.count(id)) gone.push_back(std::move(id));
  });
  for (const std::string& id : gone) store_.erase(type, id);
  fresh_[type] = true;
}

void SqliteMirror::apply(const PendingChanges& changes) {
  using State = PendingChanges::State;
  for (const auto& [type, id] : changes.order()) {
    if (!fresh_[type]) continue;  // copied again when next read
    const PendingChanges::Pending& entry = *changes.find(type, id);
    if (entry.state == State::removed) {
      store_.erase(type, id);
      continue;
    }
    Record committed = entry.record;
    committed.version = entry.state == State::created ? 1 : entry.read_version + 1;
    store_.put(type, std::move(committed));
  }
}

void SqliteMirror::forget() { std::fill(fresh_.begin(), fresh_.end(), false); }

}  // namespace ectflow::sql
