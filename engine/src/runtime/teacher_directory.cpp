// The default TeacherDirectory: the teachers imported into the store (DOMAIN.md: teacher).
#include "ectflow/engine.hpp"

namespace ectflow {

StoreTeacherDirectory::StoreTeacherDirectory(const Engine& engine, const RecordReader& store)
    : store_(store), teacher_(engine.record_type("teacher")) {}

std::optional<Record> StoreTeacherDirectory::find_by_trn(std::string_view trn) const {
  if (!teacher_) return std::nullopt;
  const Record* record = store_.find(*teacher_, trn);
  if (!record) return std::nullopt;
  return *record;
}

}  // namespace ectflow
