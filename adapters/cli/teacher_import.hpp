// `ectflow import teachers`: the TRA's teacher records from a file into the store. Every record
// is checked first; only when all pass are they written, together, in one transaction.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "import_rows.hpp"
#include "progress.hpp"

namespace ectflow::cli {

// Fields every teacher must give: without them a journey could not tell whether someone may be
// registered (DOMAIN.md gives the others, QTS and the start of mentor training, as "or empty").
inline const std::vector<std::string> kRequiredTeacherFields = {
    "trn", "first_name", "last_name", "date_of_birth", "induction_status", "prohibited",
    "completed_mentor_training"};

struct TeacherImport {
  std::vector<std::string> problems;  // "WHERE: error: ...": nothing was written
  std::string conflict;               // another writer changed a teacher meanwhile: nothing was written
  std::size_t added = 0;
  std::size_t updated = 0;    // already stored, with different details
  std::size_t unchanged = 0;  // already stored, just as the file gives them
};

// Why these flows cannot take imported teachers (no teacher record, or one without a field the
// import needs), or "".
std::string teacher_record_problem(const Engine& engine);

// The teacher record's stored fields: the columns (or keys) a file may give.
std::vector<std::string> teacher_fields(const Engine& engine);

// A teacher whose TRN is already stored is updated to the file's details (the TRA's data is
// refreshed by importing again).
TeacherImport import_teachers(const Engine& engine, Store& store, const InputFile& file, Date today,
                              ProgressBar& progress);

}  // namespace ectflow::cli
