// What a name means while the model compiler resolves it, and the frame slots it hands out.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "ectflow/store.hpp"

namespace ectflow::model {

struct Symbol {
  enum class Kind { answer, local, let, field_of_this } kind;
  std::uint32_t index = 0;  // answer slot, frame slot or let index
  RecordTypeId type = 0;    // field_of_this: the record whose field it is
};

class Scope {
 public:
  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
  void bind(const std::string& name, Symbol symbol) { names_[name] = symbol; }
  const Symbol* find(const std::string& name) const {
    for (const Scope* s = this; s; s = s->parent_) {
      if (auto it = s->names_.find(name); it != s->names_.end()) return &it->second;
    }
    return nullptr;
  }

 private:
  const Scope* parent_;
  std::map<std::string, Symbol> names_;
};

// Slots of one frame: fixed ones first, then query variables, reused once a query ends.
class Frame {
 public:
  explicit Frame(std::uint32_t fixed) : next_(fixed), max_(fixed) {}
  std::uint32_t allocate() {
    std::uint32_t slot = next_++;
    if (next_ > max_) max_ = next_;
    return slot;
  }
  void release() { --next_; }
  std::uint32_t size() const { return max_; }

 private:
  std::uint32_t next_;
  std::uint32_t max_;
};

}  // namespace ectflow::model
