// A transaction body's changes, buffered until the commit: one net change per record, first
// change first. Every Store shares these rules and their conflict messages.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow {

class PendingChanges {
 public:
  enum class State { created, updated, removed };
  struct Pending {
    State state;
    std::int64_t read_version;  // the version the body read from the store (updated, removed)
    Record record;              // shows the read version (0 when created) until the commit
  };

  explicit PendingChanges(const std::vector<RecordSchema>& schemas);

  // Throws std::invalid_argument when the record has no id.
  void apply(RecordChange change);
  void forget(RecordTypeId type, const std::string& id);

  const Pending* find(RecordTypeId type, std::string_view id) const;
  bool empty(RecordTypeId type) const { return pending_.at(type).empty(); }
  // Changed records, first change first.
  const std::vector<std::pair<RecordTypeId, std::string>>& order() const { return order_; }
  // A conflict seen while buffering (a record created twice, a stale second change), or "".
  const std::string& conflict() const { return conflict_; }

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using PendingMap = std::unordered_map<std::string, Pending, TextHash, std::equal_to<>>;

  void note_conflict(const RecordSchema& schema, const std::string& id, const char* what);

  const std::vector<RecordSchema>& schemas_;
  std::vector<PendingMap> pending_;  // by record type
  std::vector<std::pair<RecordTypeId, std::string>> order_;
  std::string conflict_;
};

}  // namespace ectflow
