// The in-memory Store, and the transaction that buffers a body's changes until it commits.
#include "store/memory_store.hpp"

#include "ectflow/pending_changes.hpp"
#include "expr/unicode.hpp"

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
  explicit MemoryTransaction(MemoryStore& store) : store_(store), changes_(store.schemas_) {}

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override {
    if (changes_.empty(type)) return store_.for_each(type, visit);
    store_.for_each(type, [&](const Record& record) {
      const PendingChanges::Pending* changed = changes_.find(type, record.key_text(store_.schemas_[type]));
      if (!changed) return visit(record);
      if (changed->state != PendingChanges::State::removed) visit(changed->record);
    });
    for (const auto& [order_type, id] : changes_.order()) {
      if (order_type != type) continue;
      const PendingChanges::Pending* changed = changes_.find(type, id);
      if (changed->state == PendingChanges::State::created) visit(changed->record);
    }
  }

  // The store's index while this transaction has changed nothing of the type; else a scan that
  // sees the changes.
  void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit) const override {
    if (changes_.empty(type)) return store_.for_each_where(type, slot, value, visit);
    RecordReader::for_each_where(type, slot, value, visit);
  }
  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit) const override {
    return changes_.empty(type) && store_.for_each_where_lower(type, slot, value, visit);
  }

  const Record* find(RecordTypeId type, std::string_view id) const override {
    if (const PendingChanges::Pending* changed = changes_.find(type, id)) {
      return changed->state == PendingChanges::State::removed ? nullptr : &changed->record;
    }
    return store_.find(type, id);
  }

  void apply(RecordChange change) override { changes_.apply(std::move(change)); }

  std::string new_id(RecordTypeId type) override {
    MemoryStore::Table& table = store_.tables_.at(type);
    for (;;) {
      std::string id = store_.schemas_[type].name + "-" + std::to_string(++table.last_new_id);
      if (!find(type, id) && !changes_.find(type, id)) return id;
    }
  }

  // The first change that cannot apply to the store as it is now, or "" if all can.
  std::string conflict() const {
    if (!changes_.conflict().empty()) return changes_.conflict();
    for (const auto& [type, id] : changes_.order()) {
      const PendingChanges::Pending& entry = *changes_.find(type, id);
      const Record* current = store_.find(type, id);
      const RecordSchema& schema = store_.schemas_[type];
      if (entry.state == PendingChanges::State::created && current) {
        return schema.name + " " + id + " already exists";
      }
      if (entry.state != PendingChanges::State::created && (!current || current->version != entry.read_version)) {
        return schema.name + " " + id + " was changed by someone else";
      }
    }
    return {};
  }

  void commit() {
    for (const auto& [type, id] : changes_.order()) {
      const PendingChanges::Pending& entry = *changes_.find(type, id);
      if (entry.state == PendingChanges::State::removed) {
        store_.remove(type, id);
      } else if (entry.state == PendingChanges::State::created) {
        Record record = entry.record;
        record.version = 1;
        store_.add(type, id, std::move(record));
      } else {
        Record* current = store_.tables_[type].by_id.find(id)->second;
        store_.replace(type, *current, entry.record);
        current->version = entry.read_version + 1;
      }
    }
  }

 private:
  MemoryStore& store_;
  PendingChanges changes_;
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

void MemoryStore::for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                                 const std::function<void(const Record&)>& visit) const {
  visit_index(type, index_key(slot, false), value, visit);
}

bool MemoryStore::for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                                       const std::function<void(const Record&)>& visit) const {
  visit_index(type, index_key(slot, true), value, visit);
  return true;
}

std::optional<std::string> MemoryStore::indexed_text(const Record& record, IndexKey key) {
  const std::size_t slot = key / 2;
  const auto* text = slot < record.fields.size() ? std::get_if<std::string>(&record.fields[slot]) : nullptr;
  if (!text) return std::nullopt;
  return key % 2 ? expr::lower_text(*text) : *text;
}

void MemoryStore::visit_index(RecordTypeId type, IndexKey key, std::string_view value,
                              const std::function<void(const Record&)>& visit) const {
  Table& table = tables_.at(type);
  FieldIndex* index = nullptr;
  {
    std::lock_guard lock(indexing_);
    auto it = table.indexes.find(key);
    if (it == table.indexes.end()) {
      it = table.indexes.emplace(key, FieldIndex{}).first;
      for (const auto& record : table.records) {
        if (auto text = indexed_text(*record, key)) it->second[*text].push_back({table.sequence.at(record.get()), record.get()});
      }
    }
    index = &it->second;
  }
  auto bucket = index->find(value);
  if (bucket == index->end()) return;
  // A visitor may read the store again, even make another index (map nodes do not move); like
  // for_each, it must not commit while it visits.
  for (const Entry& entry : bucket->second) visit(*entry.record);
}

void MemoryStore::index_record(Table& table, const Record& record) const {
  for (auto& [key, index] : table.indexes) {
    auto text = indexed_text(record, key);
    if (!text) continue;
    std::vector<Entry>& entries = index[*text];
    const Entry entry{table.sequence.at(&record), &record};
    auto at = std::upper_bound(entries.begin(), entries.end(), entry.sequence,
                               [](std::uint64_t sequence, const Entry& e) { return sequence < e.sequence; });
    entries.insert(at, entry);
  }
}

void MemoryStore::unindex_record(Table& table, const Record& record) const {
  for (auto& [key, index] : table.indexes) {
    auto text = indexed_text(record, key);
    if (!text) continue;
    auto bucket = index.find(*text);
    if (bucket == index.end()) continue;
    std::erase_if(bucket->second, [&](const Entry& e) { return e.record == &record; });
    if (bucket->second.empty()) index.erase(bucket);
  }
}

void MemoryStore::put(RecordTypeId type, Record record) {
  std::string id = record.key_text(schemas_.at(type));
  auto it = tables_[type].by_id.find(id);
  if (it == tables_[type].by_id.end()) return add(type, std::move(id), std::move(record));
  replace(type, *it->second, record);
}

void MemoryStore::erase(RecordTypeId type, std::string_view id) {
  if (tables_.at(type).by_id.count(id)) remove(type, id);
}

void MemoryStore::add(RecordTypeId type, std::string id, Record record) {
  Table& table = tables_[type];
  note_id(type, id);
  table.records.push_back(std::make_unique<Record>(std::move(record)));
  const Record* added = table.records.back().get();
  table.by_id.emplace(std::move(id), table.records.back().get());
  table.sequence.emplace(added, table.next_sequence++);
  index_record(table, *added);
}

void MemoryStore::replace(RecordTypeId type, Record& current, const Record& changed) {
  Table& table = tables_[type];
  unindex_record(table, current);
  current = changed;
  index_record(table, current);
}

void MemoryStore::remove(RecordTypeId type, std::string_view id) {
  Table& table = tables_[type];
  auto it = table.by_id.find(id);
  const Record* gone = it->second;
  unindex_record(table, *gone);
  table.sequence.erase(gone);
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
