// Buffering a transaction body's changes (see ectflow/pending_changes.hpp).
#include "ectflow/pending_changes.hpp"

#include <algorithm>
#include <stdexcept>


namespace ectflow {

PendingChanges::PendingChanges(const std::vector<RecordSchema>& schemas)
    : schemas_(schemas), pending_(schemas.size()) {}

void PendingChanges::apply(RecordChange change) {
  const RecordSchema& schema = schemas_.at(change.type);
  std::string id = change.record.key_text(schema);
  if (id.empty()) throw std::invalid_argument("a changed " + schema.name + " has no id");
  PendingMap& pending = pending_[change.type];
  const std::int64_t read_version = change.record.version;
  auto it = pending.find(id);
  if (it == pending.end()) {
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

void PendingChanges::forget(RecordTypeId type, const std::string& id) {
  pending_[type].erase(id);
  std::erase_if(order_, [&](const auto& key) { return key.first == type && key.second == id; });
}

const PendingChanges::Pending* PendingChanges::find(RecordTypeId type, std::string_view id) const {
  const PendingMap& pending = pending_.at(type);
  auto it = pending.find(id);
  return it == pending.end() ? nullptr : &it->second;
}

void PendingChanges::note_conflict(const RecordSchema& schema, const std::string& id,
                                   const char* what) {
  if (conflict_.empty()) conflict_ = schema.name + " " + id + " " + what;
}

}  // namespace ectflow
