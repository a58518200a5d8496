// The in-memory Store: every record in process memory, one writer at a time.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::store {

// Hashing that lets maps keyed by std::string be searched with a string_view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};
using IdMap = std::unordered_map<std::string, Record*, TextHash, std::equal_to<>>;


// Records by type (RecordTypeId is the index into the schemas), each type in insertion order.
//
// Thread safety: `transact` takes a mutex for the whole body, so transactions run one at a
// time and see no other writer. Reads made directly on the store (`find`, `for_each`) take no
// lock: a caller that reads while another thread commits must keep them apart itself. A pointer
// from `find` stays valid until a commit removes that record; an update changes the record in
// place.
class MemoryStore : public Store {
 public:
  explicit MemoryStore(std::vector<RecordSchema> schemas);

  const std::vector<RecordSchema>& schemas() const { return schemas_; }

  // Adds a loaded record as it is (version 1 unless it carries one). False, and nothing added,
  // if a record of that type already has its id.
  [[nodiscard]] bool insert(RecordTypeId type, Record record);
  // Mirroring another store (the SQL store's copy of its tables): sets a record exactly as given,
  // version included, in place when its id is there (pointers to it stay valid), else added
  // last; and takes one out. Not for use while a transaction runs.
  void put(RecordTypeId type, Record record);
  void erase(RecordTypeId type, std::string_view id);

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override;
  const Record* find(RecordTypeId type, std::string_view id) const override;
  // Through an index of the field, made the first time it is asked for and kept up to date by
  // every commit after.
  void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit) const override;
  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit) const override;
  CommitResult transact(const std::function<bool(StoreTransaction&)>& body) override;

 private:
  friend class MemoryTransaction;

  // One field's index: its text values, each with the records holding it in insertion order.
  struct Entry {
    std::uint64_t sequence;
    const Record* record;
  };
  using FieldIndex = std::unordered_map<std::string, std::vector<Entry>, TextHash, std::equal_to<>>;
  // A field's slot, twice, and one more bit: whether the index holds its text lowercased.
  using IndexKey = std::size_t;
  static IndexKey index_key(std::size_t slot, bool lowered) { return slot * 2 + (lowered ? 1 : 0); }
  static std::optional<std::string> indexed_text(const Record& record, IndexKey key);
  void visit_index(RecordTypeId type, IndexKey key, std::string_view value,
                   const std::function<void(const Record&)>& visit) const;

  struct Table {
    std::vector<std::unique_ptr<Record>> records;  // insertion order; boxes keep pointers stable
    IdMap by_id;
    std::unordered_map<const Record*, std::uint64_t> sequence;  // the order records were added in
    std::uint64_t next_sequence = 0;
    std::uint64_t last_new_id = 0;  // "ect-7": new ids count on from the highest seen
    std::unordered_map<IndexKey, FieldIndex> indexes;  // made on first use
  };

  void add(RecordTypeId type, std::string id, Record record);
  void remove(RecordTypeId type, std::string_view id);
  void replace(RecordTypeId type, Record& current, const Record& changed);
  void note_id(RecordTypeId type, std::string_view id);
  void index_record(Table& table, const Record& record) const;
  void unindex_record(Table& table, const Record& record) const;

  std::vector<RecordSchema> schemas_;
  mutable std::vector<Table> tables_;  // mutable: an index is made by the first read that needs it
  std::mutex writer_;
  mutable std::mutex indexing_;
};

}  // namespace ectflow::store
