// The in-memory Store, and the transaction that buffers a body's changes until it commits.
#include "store/memory_store.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ectflow::store {

// A body's view of the store: reads go through to the store unless the body has changed that
// record, and changes wait in `pending_` (one net change per record) until the commit.
class MemoryTransaction final : public StoreTransaction {
 public:
  explicit MemoryTransaction(MemoryStore& store) : store_(store), pending_(store.schemas_.size()) {}

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override {
    const PendingMap& pending = pending_.at(type);
    if (pending.empty()) return store_.for_each(type, visit);
    store_.for_each(type, [&](const Record& record) {
      auto it = pending.find(record.key_text(store_.schemas_[type]));
      if (it == pending.end()) return visit(record);
      if (it->second.state != State::removed) visit(it->second.record);
    });
    for (const auto& [order_type, id] : order_) {
      if (order_type != type) continue;
      const Pending& entry = pending.find(id)->second;
      if (entry.state == State::created) visit(entry.record);
    }
  }

  const Record* find(RecordTypeId type, std::string_view id) const override {
    const PendingMap& pending = pending_.at(type);
    if (auto it = pending.find(id); it != pending.end()) {
      return it->second.state == State::removed ? nullptr : &it->second.record;
    }
    return store_.find(type, id);
  }

  void apply(RecordChange change) override {
    const RecordSchema& schema = store_.schemas_.at(change.type);
    std::string id = change.record.key_text(schema);
    if (id.empty()) throw std::invalid_argument("a changed " + schema.name + " has no id");
    PendingMap& pending = pending_[change.type];
    const std::int64_t read_version = change.record.version;
    auto it = pending.find(id);
    if (it == pending.end()) {
      // The first change to this record: the store checks `read_version` when it commits.
      State state = change.kind == RecordChange::Kind::create   ? State::created
                    : change.kind == RecordChange::Kind::update ? State::updated
                                                                : State::removed;
      change.record.version = state == State::created ? 0 : read_version;
      pending.emplace(id, Pending{state, read_version, std::move(change.record)});
      order_.emplace_back(change.type, std::move(id));
      return;
    }
    Pending& entry = it->second;
    if (change.kind == RecordChange::Kind::create) {
      if (entry.state != State::removed) return note_conflict(schema, id, "already exists");
      entry.state = State::updated;  // removed, then created again: it replaces the stored one
    } else if (entry.state == State::removed || read_version != entry.record.version) {
      return note_conflict(schema, id, "was changed by someone else");
    } else if (change.kind == RecordChange::Kind::remove) {
      if (entry.state == State::created) return forget(change.type, id);
      entry.state = State::removed;
    }
    change.record.version = entry.record.version;
    entry.record = std::move(change.record);
  }

  std::string new_id(RecordTypeId type) override {
    MemoryStore::Table& table = store_.tables_.at(type);
    for (;;) {
      std::string id = store_.schemas_[type].name + "-" + std::to_string(++table.last_new_id);
      if (!find(type, id) && !pending_[type].contains(id)) return id;
    }
  }

  // The first change that cannot apply to the store as it is now, or "" if all can.
  std::string conflict() const {
    if (!conflict_.empty()) return conflict_;
    for (const auto& [type, id] : order_) {
      const Pending& entry = pending_[type].find(id)->second;
      const Record* current = store_.find(type, id);
      const RecordSchema& schema = store_.schemas_[type];
      if (entry.state == State::created && current)
        return schema.name + " " + id + " already exists";
      if (entry.state != State::created && (!current || current->version != entry.read_version)) {
        return schema.name + " " + id + " was changed by someone else";
      }
    }
    return {};
  }

  void commit() {
    for (auto& [type, id] : order_) {
      Pending& entry = pending_[type].find(id)->second;
      if (entry.state == State::removed) {
        store_.remove(type, id);
      } else if (entry.state == State::created) {
        entry.record.version = 1;
        store_.add(type, id, std::move(entry.record));
      } else {
        Record* current = store_.tables_[type].by_id.find(id)->second;
        *current = std::move(entry.record);
        current->version = entry.read_version + 1;
      }
    }
  }

 private:
  enum class State { created, updated, removed };
  struct Pending {
    State state;
    std::int64_t read_version;  // the version the body read from the store (updated, removed)
    Record record;              // shows the read version (0 when created) until the commit
  };
  using PendingMap = std::unordered_map<std::string, Pending, TextHash, std::equal_to<>>;

  void note_conflict(const RecordSchema& schema, const std::string& id, const char* what) {
    if (conflict_.empty()) conflict_ = schema.name + " " + id + " " + what;
  }

  void forget(RecordTypeId type, const std::string& id) {
    pending_[type].erase(id);
    std::erase_if(order_, [&](const auto& key) { return key.first == type && key.second == id; });
  }

  MemoryStore& store_;
  std::vector<PendingMap> pending_;                          // by record type
  std::vector<std::pair<RecordTypeId, std::string>> order_;  // changed records, first change first
  std::string conflict_;
};

MemoryStore::MemoryStore(std::vector<RecordSchema> schemas)
    : schemas_(std::move(schemas)), tables_(schemas_.size()) {}

bool MemoryStore::insert(RecordTypeId type, Record record) {
  std::lock_guard lock(writer_);
  std::string id = record.key_text(schemas_.at(type));
  if (tables_[type].by_id.contains(id)) return false;
  if (record.version == 0) record.version = 1;
  add(type, std::move(id), std::move(record));
  return true;
}

void MemoryStore::for_each(RecordTypeId type,
                           const std::function<void(const Record&)>& visit) const {
  for (const auto& record : tables_.at(type).records) visit(*record);
}

const Record* MemoryStore::find(RecordTypeId type, std::string_view id) const {
  const IdMap& by_id = tables_.at(type).by_id;
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

Store::CommitResult MemoryStore::transact(const std::function<bool(StoreTransaction&)>& body) {
  std::lock_guard lock(writer_);
  MemoryTransaction transaction(*this);
  if (!body(transaction)) return {};
  if (std::string conflict = transaction.conflict(); !conflict.empty()) return {false, conflict};
  transaction.commit();
  return {true, ""};
}

void MemoryStore::add(RecordTypeId type, std::string id, Record record) {
  Table& table = tables_[type];
  note_id(type, id);
  table.records.push_back(std::make_unique<Record>(std::move(record)));
  table.by_id.emplace(std::move(id), table.records.back().get());
}

void MemoryStore::remove(RecordTypeId type, std::string_view id) {
  Table& table = tables_[type];
  auto it = table.by_id.find(id);
  const Record* gone = it->second;
  table.by_id.erase(it);
  std::erase_if(table.records, [&](const auto& record) { return record.get() == gone; });
}

// Ids like "ect-12" move the new-id counter past 12, so `new_id` never gives one already used.
void MemoryStore::note_id(RecordTypeId type, std::string_view id) {
  const std::string& prefix = schemas_[type].name;
  if (id.size() <= prefix.size() + 1 || !id.starts_with(prefix) || id[prefix.size()] != '-') return;
  std::uint64_t number = 0;
  const char* first = id.data() + prefix.size() + 1;
  const char* last = id.data() + id.size();
  auto [end, error] = std::from_chars(first, last, number);
  if (error == std::errc() && end == last) {
    tables_[type].last_new_id = std::max(tables_[type].last_new_id, number);
  }
}

}  // namespace ectflow::store
