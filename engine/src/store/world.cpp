// Reads a world's JSON into staged records, checks them together, then fills the store.
#include "store/world.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "check/suggest.hpp"
#include "store/date_math.hpp"

namespace ectflow::store {
namespace {

using nlohmann::json;

// Fields the service works out from the records; a world cannot give them.
const std::vector<std::string> kDerivedFields = {"status", "reason", "funding", "participations"};
const std::vector<std::string> kSections = {"teachers", "schools", "appropriate_bodies",
                                            "lead_providers", "cohorts"};

// The cohorts of a world that gives none, each from 1 June to 31 May.
constexpr int kFirstDefaultCohort = 2021;
constexpr int kLastDefaultCohort = 2027;
constexpr int kLastPaymentsFrozenCohort = 2022;
// When an ECT has neither a start date nor a cohort, its mentorship started this long ago.
constexpr int kMentorshipDaysBeforeToday = 30;

// "appropriate_body" → "appropriate body"
std::string words(const std::string& type) {
  std::string text = type;
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// "appropriate_body" → "an appropriate body"
std::string a_record(const std::string& type) {
  return (std::string("aeiou").find(type[0]) == std::string::npos ? "a " : "an ") + words(type);
}

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// How one kind of record is written in a world: the stored fields it cannot give directly, and
// the keys its reader handles itself.
struct Shape {
  RecordTypeId type;
  std::vector<std::string> hidden;
  std::vector<std::string> extra;
};

struct Staged {
  RecordTypeId type;
  Record record;
  std::string path;  // where the record is written; its fields are at path + "." + field
};

class WorldReader {
 public:
  WorldReader(const std::vector<RecordSchema>& schemas, const MemoryStore& store, Date today,
              const ChoiceValues& choices)
      : schemas_(schemas), store_(store), today_(today), choices_(choices) {}

  std::vector<WorldProblem> problems;
  std::vector<Staged> staged;

  void read(const json& given) {
    if (!find_types()) return;
    if (!given.is_null() && !given.is_object()) {
      return problem("", "expected a map of " + join(kSections));
    }
    static const json kNothing = json::object();
    const json& world = given.is_null() ? kNothing : given;
    for (const auto& [key, value] : world.items()) {
      if (std::find(kSections.begin(), kSections.end(), key) == kSections.end()) {
        problem(key, unknown_key(key, "a world", kSections));
      }
    }
    const Shape teacher{teacher_, {}, {}}, body{appropriate_body_, {}, {}},
        provider{lead_provider_, {}, {}}, cohort{cohort_, {}, {}};
    read_list(world, "teachers", "", "teacher", [&](const json& item, const std::string& path) {
      stage(teacher_, read_record(item, teacher, path), path);
    });
    read_list(world, "schools", "", "school",
              [&](const json& item, const std::string& path) { read_school(item, path); });
    read_list(world, "appropriate_bodies", "", "appropriate_body", [&](const json& item, const std::string& path) {
      stage(appropriate_body_, read_record(item, body, path), path);
    });
    read_list(world, "lead_providers", "", "lead_provider", [&](const json& item, const std::string& path) {
      stage(lead_provider_, read_record(item, provider, path), path);
    });
    if (world.contains("cohorts") && !world["cohorts"].is_null()) {
      read_list(world, "cohorts", "", "cohort", [&](const json& item, const std::string& path) {
        read_cohort(read_record(item, cohort, path), path);
      });
    } else if (!missing_.count("cohort")) {
      for (int year = kFirstDefaultCohort; year <= kLastDefaultCohort; ++year) {
        Record record = blank(cohort_);
        set(record, cohort_, "year", static_cast<double>(year));
        read_cohort(std::move(record), "cohorts");
      }
    }
    check_ids();
    check_references();
  }

 private:
  bool find_types() {
    const std::pair<RecordTypeId*, const char*> wanted[] = {
        {&teacher_, "teacher"},
        {&school_, "school"},
        {&ect_, "ect"},
        {&mentor_, "mentor"},
        {&mentorship_, "mentorship"},
        {&lead_provider_, "lead_provider"},
        {&appropriate_body_, "appropriate_body"},
        {&cohort_, "cohort"}};
    for (auto [type, name] : wanted) {
      // Flows without a record type may still load worlds that do not give any of it.
      if (auto found = type_named(name)) *type = *found;
      else missing_.insert(name);
    }
    ids_.resize(schemas_.size());
    return true;
  }

  std::optional<RecordTypeId> type_named(std::string_view name) const {
    for (std::size_t i = 0; i < schemas_.size(); ++i) {
      if (schemas_[i].name == name) return static_cast<RecordTypeId>(i);
    }
    return std::nullopt;
  }

  void problem(std::string path, std::string message) {
    problems.push_back({std::move(path), std::move(message)});
  }

  std::string unknown_key(const std::string& key, const std::string& where,
                          const std::vector<std::string>& allowed) const {
    std::string message = "unknown key `" + key + "` in " + where;
    if (auto near = check::closest_name(key, allowed)) return message + check::did_you_mean(near);
    return message + " (expected " + join(allowed) + ")";
  }

  Record blank(RecordTypeId type) const {
    Record record;
    record.fields.resize(schemas_[type].fields.size());
    return record;
  }

  // Sets a field the reader fills in itself; the flows must declare it.
  void set(Record& record, RecordTypeId type, std::string_view field, FieldValue value) {
    if (auto slot = schemas_[type].slot(field)) {
      record.fields[*slot] = std::move(value);
    } else if (missing_fields_.insert(schemas_[type].name + "." + std::string(field)).second) {
      problem("", "the flows' " + schemas_[type].name + " record has no field `" +
                      std::string(field) + "`");
    }
  }

  const FieldValue& get(const Record& record, RecordTypeId type, std::string_view field) const {
    static const FieldValue kEmpty;
    auto slot = schemas_[type].slot(field);
    return slot ? record.fields[*slot] : kEmpty;
  }

  void stage(RecordTypeId type, Record record, const std::string& path) {
    staged.push_back({type, std::move(record), path});
  }

  void read_list(const json& parent, const char* key, const std::string& prefix, const char* type_name,
                 const std::function<void(const json&, const std::string&)>& read_item) {
    if (!parent.contains(key) || parent[key].is_null()) return;
    const json& list = parent[key];
    if (!list.is_array()) return problem(prefix + key, "expected a list");
    if (!list.empty() && missing_.count(type_name)) {
      return problem(prefix + key, std::string("the flows declare no record type `") + type_name + "`");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = prefix + key + "[" + std::to_string(i) + "]";
      if (!list[i].is_object()) {
        problem(path, "expected a map of fields");
        continue;
      }
      read_item(list[i], path);
    }
  }

  // The fields `item` gives, converted by kind; its key is required.
  Record read_record(const json& item, const Shape& shape, const std::string& path) {
    const RecordSchema& schema = schemas_[shape.type];
    Record record = blank(shape.type);
    std::vector<std::string> allowed;
    for (const auto& field : schema.fields) {
      if (std::find(shape.hidden.begin(), shape.hidden.end(), field.name) == shape.hidden.end()) {
        allowed.push_back(field.name);
      }
    }
    allowed.insert(allowed.end(), shape.extra.begin(), shape.extra.end());
    bool key_problem = false;
    for (const auto& [key, value] : item.items()) {
      const std::string key_path = path + "." + key;
      if (std::find(shape.extra.begin(), shape.extra.end(), key) != shape.extra.end()) continue;
      if (std::find(kDerivedFields.begin(), kDerivedFields.end(), key) != kDerivedFields.end()) {
        problem(key_path, "`" + key + "` is worked out by the service and cannot be given");
        continue;
      }
      auto slot = schema.slot(key);
      if (!slot || std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        problem(key_path, unknown_key(key, a_record(schema.name), allowed));
        continue;
      }
      ConvertedValue converted = convert_value(value, schema.fields[*slot], choices_);
      if (!converted.error.empty()) {
        problem(key_path + converted.sub_path, converted.error);
        key_problem |= *slot == schema.key;
        continue;
      }
      record.fields[*slot] = std::move(converted.value);
    }
    if (!key_problem && record.key_text(schema).empty()) {
      problem(path, a_record(schema.name) + " needs its `" + schema.fields[schema.key].name + "`");
    }
    return record;
  }

  void read_school(const json& item, const std::string& path) {
    const Shape shape{school_,
                      {"induction_tutor_name", "induction_tutor_email"},
                      {"induction_tutor", "mentors", "ects"}};
    Record school = read_record(item, shape, path);
    if (schemas_[school_].slot("kind") && std::holds_alternative<std::monostate>(get(school, school_, "kind"))) {
      set(school, school_, "kind", std::string("state_funded"));
    }
    if (item.contains("induction_tutor")) {
      read_induction_tutor(item["induction_tutor"], school, path + ".induction_tutor");
    }
    const std::string urn = school.key_text(schemas_[school_]);
    stage(school_, std::move(school), path);
    const Shape mentor{mentor_, {"school_id"}, {}}, ect{ect_, {"school_id"}, {"mentor_id"}};
    read_list(item, "mentors", path + ".", "mentor", [&](const json& fields, const std::string& at) {
      Record record = read_record(fields, mentor, at);
      if (!urn.empty()) set(record, mentor_, "school_id", urn);
      stage(mentor_, std::move(record), at);
    });
    read_list(item, "ects", path + ".", "ect", [&](const json& fields, const std::string& at) {
      Record record = read_record(fields, ect, at);
      if (!urn.empty()) set(record, ect_, "school_id", urn);
      if (fields.contains("mentor_id")) open_mentorship(record, fields["mentor_id"], at);
      stage(ect_, std::move(record), at);
    });
  }

  void read_induction_tutor(const json& tutor, Record& school, const std::string& path) {
    if (tutor.is_null()) return;
    if (!tutor.is_object()) return problem(path, "expected a map with name and email");
    const RecordSchema& schema = schemas_[school_];
    for (const auto& [key, value] : tutor.items()) {
      auto slot = schema.slot("induction_tutor_" + key);
      if (key != "name" && key != "email") slot.reset();
      if (!slot) {
        problem(path + "." + key, unknown_key(key, "an induction tutor", {"name", "email"}));
        continue;
      }
      ConvertedValue converted = convert_value(value, schema.fields[*slot], choices_);
      if (converted.error.empty()) {
        school.fields[*slot] = std::move(converted.value);
      } else {
        problem(path + "." + key, converted.error);
      }
    }
  }

  // An ECT's `mentor_id` opens a mentorship: from the ECT's start date, or 1 June of its cohort,
  // or some days before today. Its path is the ECT's, so a bad mentor_id is named there.
  void open_mentorship(const Record& ect, const json& mentor_id, const std::string& path) {
    if (mentor_id.is_null()) return;
    if (!mentor_id.is_string()) {
      return problem(path + ".mentor_id", "expected the id of a mentor, as text, or null for none");
    }
    if (missing_.count("mentorship")) {
      return problem(path + ".mentor_id", "the flows declare no record type `mentorship` to pair them with");
    }
    const std::string& ect_id = ect.key_text(schemas_[ect_]);
    if (ect_id.empty()) return;
    Record mentorship = blank(mentorship_);
    set(mentorship, mentorship_, "id", next_mentorship_id());
    set(mentorship, mentorship_, "ect_id", ect_id);
    set(mentorship, mentorship_, "mentor_id", mentor_id.get<std::string>());
    set(mentorship, mentorship_, "started_on", mentorship_start(ect));
    stage(mentorship_, std::move(mentorship), path);
  }

  Date mentorship_start(const Record& ect) const {
    if (const auto* start = std::get_if<Date>(&get(ect, ect_, "start_date"))) return *start;
    if (const auto* cohort = std::get_if<double>(&get(ect, ect_, "cohort"))) {
      if (*cohort == static_cast<int>(*cohort) && *cohort >= 1000 && *cohort <= 9999) {
        return Date::from_ymd(static_cast<int>(*cohort), 6, 1);
      }
    }
    return add_days(today_, -kMentorshipDaysBeforeToday);
  }

  std::string next_mentorship_id() {
    for (;;) {
      std::string id = "mentorship-" + std::to_string(++mentorships_);
      if (!store_.find(mentorship_, id)) return id;
    }
  }

  // A cohort's missing fields take the defaults of a world without cohorts.
  void read_cohort(Record record, const std::string& path) {
    const auto* year = std::get_if<double>(&get(record, cohort_, "year"));
    if (!year)
      return stage(cohort_, std::move(record), path);  // already named: a cohort needs its year
    if (*year != static_cast<int>(*year) || *year < 1000 || *year > 9999) {
      problem(path + ".year", "expected a year, like 2025");
      return stage(cohort_, std::move(record), path);
    }
    const int y = static_cast<int>(*year);
    const Date start = Date::from_ymd(y, 6, 1);
    auto fill = [&](std::string_view field, FieldValue value) {
      if (std::holds_alternative<std::monostate>(get(record, cohort_, field))) {
        set(record, cohort_, field, std::move(value));
      }
    };
    fill("start", start);
    fill("end", Date::from_ymd(y + 1, 5, 31));
    fill("open_for_registration", start <= today_);
    fill("payments_frozen", y <= kLastPaymentsFrozenCohort);
    stage(cohort_, std::move(record), path);
  }

  // Every record's key is unique within its type, in the world and against the store.
  void check_ids() {
    for (const Staged& s : staged) {
      const RecordSchema& schema = schemas_[s.type];
      std::string id = s.record.key_text(schema);
      if (id.empty()) continue;
      const std::string path = s.path + "." + schema.fields[schema.key].name;
      auto [it, fresh] = ids_[s.type].emplace(id, s.path);
      if (!fresh) {
        problem(path, "another " + schema.name + " has the same " + schema.fields[schema.key].name +
                          " `" + id + "` (" + it->second + ")");
      } else if (store_.find(s.type, id)) {
        problem(path, "the store already has " + a_record(schema.name) + " `" + id + "`");
      }
    }
  }

  // Every reference names a record of the world (or one already in the store).
  void check_references() {
    for (const Staged& s : staged) {
      const RecordSchema& schema = schemas_[s.type];
      for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        const FieldSchema& field = schema.fields[i];
        if (field.kind != FieldKind::reference) continue;
        auto target = type_named(field.type_name);
        if (!target) continue;
        const std::string path = s.path + "." + field.name;
        if (const auto* id = std::get_if<std::string>(&s.record.fields[i])) {
          check_reference(*target, *id, path);
        } else if (const auto* list =
                       std::get_if<std::shared_ptr<const FieldList>>(&s.record.fields[i])) {
          for (std::size_t k = 0; k < (*list)->items.size(); ++k) {
            if (const auto* item = std::get_if<std::string>(&(*list)->items[k])) {
              check_reference(*target, *item, path + "[" + std::to_string(k) + "]");
            }
          }
        }
      }
    }
  }

  void check_reference(RecordTypeId target, const std::string& id, const std::string& path) {
    if (id.empty() || ids_[target].contains(id) || store_.find(target, id)) return;
    std::vector<std::string> known;
    for (const auto& [known_id, at] : ids_[target]) known.push_back(known_id);
    std::string message =
        "no " + words(schemas_[target].name) + " in this world has id `" + id + "`";
    problem(path, message + check::did_you_mean(check::closest_name(id, known)));
  }

  const std::vector<RecordSchema>& schemas_;
  const MemoryStore& store_;
  Date today_;
  const ChoiceValues& choices_;
  std::set<std::string> missing_;  // record types these flows do not declare
  RecordTypeId teacher_ = 0, school_ = 0, ect_ = 0, mentor_ = 0, mentorship_ = 0,
               lead_provider_ = 0, appropriate_body_ = 0, cohort_ = 0;
  std::vector<std::map<std::string, std::string>> ids_;  // by type: id → where it is written
  std::set<std::string> missing_fields_;
  int mentorships_ = 0;
};

}  // namespace

std::vector<WorldProblem> load_world(const nlohmann::json& given, MemoryStore& store,
                                     const std::vector<RecordSchema>& schemas, Date today,
                                     const ChoiceValues& choices, const FieldNormaliser& normalise) {
  if (schemas.size() != store.schemas().size()) {
    return {{"", "the store holds different record types from the flows"}};
  }
  WorldReader reader(schemas, store, today, choices);
  reader.read(given);
  if (!reader.problems.empty()) return std::move(reader.problems);
  std::vector<WorldProblem> problems;
  for (Staged& s : reader.staged) {
    const RecordSchema& schema = schemas[s.type];
    for (std::size_t slot = 0; normalise && slot < schema.fields.size(); ++slot) {
      auto* text = std::get_if<std::string>(&s.record.fields[slot]);
      if (!text || schema.fields[slot].kind != FieldKind::text || schema.fields[slot].type_name.empty()) continue;
      std::string error;
      std::optional<std::string> normal = normalise(s.type, slot, *text, error);
      if (normal) *text = std::move(*normal);
      else problems.push_back({s.path + "." + schema.fields[slot].name, error});
    }
  }
  if (!problems.empty()) return problems;
  for (Staged& s : reader.staged) {
    if (!store.insert(s.type, std::move(s.record))) problems.push_back({s.path, "already stored"});
  }
  return problems;
}

}  // namespace ectflow::store
