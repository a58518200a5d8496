// The in-memory Store: every record in process memory, one writer at a time.
#pragma once

#include <memory>
#include <mutex>
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

  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override;
  const Record* find(RecordTypeId type, std::string_view id) const override;
  CommitResult transact(const std::function<bool(StoreTransaction&)>& body) override;

 private:
  friend class MemoryTransaction;

  struct Table {
    std::vector<std::unique_ptr<Record>> records;  // insertion order; boxes keep pointers stable
    IdMap by_id;
    std::uint64_t last_new_id = 0;  // "ect-7": new ids count on from the highest seen
  };

  void add(RecordTypeId type, std::string id, Record record);
  void remove(RecordTypeId type, std::string_view id);
  void note_id(RecordTypeId type, std::string_view id);

  std::vector<RecordSchema> schemas_;
  std::vector<Table> tables_;
  std::mutex writer_;
};

}  // namespace ectflow::store
