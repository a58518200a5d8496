// A TeacherDirectory that remembers what it answered, for the event log: a replay of a
// submission then sees the same teachers, whatever the TRA holds by then.
#pragma once

#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"

namespace ectflow::sql {

class RecordingTeacherDirectory : public TeacherDirectory {
 public:
  RecordingTeacherDirectory(const TeacherDirectory& directory, const RecordSchema* teacher_schema)
      : directory_(directory), schema_(teacher_schema) {}

  std::optional<Record> find_by_trn(std::string_view trn) const override;

  // [{"trn": "1234567", "found": {field: value, ...} | null}, ...] in the order asked.
  const nlohmann::json& lookups() const { return lookups_; }

 private:
  const TeacherDirectory& directory_;
  const RecordSchema* schema_;
  mutable nlohmann::json lookups_ = nlohmann::json::array();
};

}  // namespace ectflow::sql
