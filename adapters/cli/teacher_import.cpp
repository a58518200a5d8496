// Checking and writing imported teachers (teacher_import.hpp).
#include "teacher_import.hpp"

#include <algorithm>
#include <unordered_map>

#include "ectflow/field_input.hpp"

namespace ectflow::cli {
namespace {

struct CheckedTeacher {
  Record record;
  std::string id;
};

class TeacherChecker {
 public:
  TeacherChecker(const Engine& engine, Date today, std::vector<std::string>& problems)
      : type_(*engine.record_type("teacher")),
        schema_(engine.schemas()[type_]),
        parser_(engine, today),
        problems_(problems) {}

  // Every column the teachers need is in a CSV file's header.
  bool check_columns(const InputFile& file) {
    if (file.columns.empty()) return true;
    bool ok = true;
    for (const std::string& name : kRequiredTeacherFields) {
      if (std::find(file.columns.begin(), file.columns.end(), name) == file.columns.end()) {
        problems_.push_back(file.header_where + ": error: the header has no " + name +
                            " column; every teacher needs one");
        ok = false;
      }
    }
    return ok;
  }

  std::optional<CheckedTeacher> check(const InputRecord& input) {
    Record record;
    record.fields.resize(schema_.fields.size());
    enum class Given : char { no, valid, refused };
    std::vector<Given> given(schema_.fields.size(), Given::no);
    bool ok = true;
    for (const auto& [name, text] : input.fields) {
      const std::size_t slot = *schema_.slot(name);
      ParsedField parsed = parser_.parse(type_, slot, text);
      if (!parsed.ok()) {
        problems_.push_back(input.where + ": error: " + name + " \"" + text + "\": " + parsed.error);
        given[slot] = Given::refused;
        ok = false;
        continue;
      }
      given[slot] = Given::valid;
      record.fields[slot] = std::move(parsed.value);
    }
    for (const std::string& name : kRequiredTeacherFields) {
      const std::size_t slot = *schema_.slot(name);
      if (given[slot] == Given::refused || !std::holds_alternative<std::monostate>(record.fields[slot])) continue;
      problems_.push_back(input.where + ": error: " + name + (given[slot] == Given::no ? " is missing" : " is blank") +
                          "; every teacher needs one");
      ok = false;
    }
    if (!ok) return std::nullopt;
    std::string id = record.key_text(schema_);
    return CheckedTeacher{std::move(record), std::move(id)};
  }

  const RecordSchema& schema() const { return schema_; }
  RecordTypeId type() const { return type_; }

 private:
  RecordTypeId type_;
  RecordSchema schema_;
  FieldParser parser_;
  std::vector<std::string>& problems_;
};

}  // namespace

std::string teacher_record_problem(const Engine& engine) {
  auto type = engine.record_type("teacher");
  if (!type) return "the flows declare no teacher record to import into";
  const RecordSchema schema = engine.schemas()[*type];
  for (const std::string& name : kRequiredTeacherFields) {
    if (!schema.slot(name)) return "the flows' teacher record has no field " + name;
  }
  return "";
}

std::vector<std::string> teacher_fields(const Engine& engine) {
  std::vector<std::string> names;
  if (auto type = engine.record_type("teacher")) {
    const std::vector<RecordSchema> schemas = engine.schemas();  // a copy: keep it while reading it
    for (const FieldSchema& field : schemas[*type].fields) names.push_back(field.name);
  }
  return names;
}

TeacherImport import_teachers(const Engine& engine, Store& store, const InputFile& file, Date today,
                              ProgressBar& progress) {
  TeacherImport result;
  result.problems = file.problems;
  TeacherChecker checker(engine, today, result.problems);
  if (!checker.check_columns(file)) return result;

  std::vector<CheckedTeacher> teachers;
  teachers.reserve(file.records.size());
  std::unordered_map<std::string, const InputRecord*> first_with_trn;
  progress.stage("Checking", file.records.size());
  for (std::size_t i = 0; i < file.records.size(); ++i) {
    const InputRecord& input = file.records[i];
    progress.update(i + 1);
    std::optional<CheckedTeacher> teacher = checker.check(input);
    if (!teacher) continue;
    auto [first, fresh] = first_with_trn.emplace(teacher->id, &input);
    if (!fresh) {
      result.problems.push_back(input.where + ": error: trn " + teacher->id + " is given twice (also at " +
                                first->second->where + "); give each teacher once");
      continue;
    }
    teachers.push_back(std::move(*teacher));
  }
  if (!result.problems.empty()) return result;

  progress.stage("Saving " + std::to_string(teachers.size()) + " teachers", 0);
  const RecordTypeId type = checker.type();
  Store::CommitResult commit = store.transact([&](StoreTransaction& tx) {
    result.added = result.updated = result.unchanged = 0;
    // One read of the stored teachers, rather than one lookup per teacher in the file.
    std::unordered_map<std::string, const Record*> stored;
    const RecordSchema& schema = checker.schema();
    tx.for_each(type, [&](const Record& record) { stored.emplace(record.key_text(schema), &record); });
    for (CheckedTeacher& teacher : teachers) {
      auto found = stored.find(teacher.id);
      if (found == stored.end()) {
        ++result.added;
        tx.apply({RecordChange::Kind::create, type, std::move(teacher.record)});
      } else if (found->second->fields != teacher.record.fields) {
        ++result.updated;
        teacher.record.version = found->second->version;
        tx.apply({RecordChange::Kind::update, type, std::move(teacher.record)});
      } else {
        ++result.unchanged;
      }
    }
    return true;
  });
  progress.clear();
  if (!commit.committed) {
    result.conflict = commit.conflict.empty() ? "the database refused the changes" : commit.conflict;
    result.added = result.updated = result.unchanged = 0;
  }
  return result;
}

}  // namespace ectflow::cli
