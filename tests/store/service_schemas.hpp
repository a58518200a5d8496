// Record schemas built by hand to mirror the stored fields of flows/records.flow, so the store's
// tests need no flow compiler; and small helpers to read what a store holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ectflow/store.hpp"
#include "store/memory_store.hpp"
#include "store/world_values.hpp"

namespace ectflow::store::testing {

inline FieldSchema text(std::string name, std::string type = "") {
  return {std::move(name), FieldKind::text, std::move(type)};
}
inline FieldSchema number(std::string name) {
  return {std::move(name), FieldKind::number, ""};
}
inline FieldSchema date(std::string name) {
  return {std::move(name), FieldKind::date, ""};
}
inline FieldSchema yes_no(std::string name) {
  return {std::move(name), FieldKind::yes_no, ""};
}
inline FieldSchema choice(std::string name, std::string type) {
  return {std::move(name), FieldKind::choice, std::move(type)};
}
inline FieldSchema reference(std::string name, std::string type) {
  return {std::move(name), FieldKind::reference, std::move(type)};
}

inline std::vector<RecordSchema> service_schemas() {
  return {
      {"teacher",
       "teachers",
       {text("trn", "trn"), text("first_name"), text("last_name"), date("date_of_birth"),
        text("national_insurance_number", "nino"), date("qts_awarded"),
        choice("induction_status", "induction_status"), yes_no("prohibited"),
        yes_no("completed_mentor_training"), date("started_mentor_training")}},
      {"school",
       "schools",
       {text("urn"), text("name"), choice("kind", "school_kind"), text("induction_tutor_name"),
        text("induction_tutor_email", "email")}},
      {"ect",
       "ects",
       {text("id"), reference("school_id", "school"), text("trn", "trn"), text("name"),
        text("email", "email"), date("start_date"), choice("working_pattern", "working_pattern"),
        reference("appropriate_body_id", "appropriate_body"),
        choice("programme_type", "programme_type"), reference("lead_provider_id", "lead_provider"),
        number("cohort"), date("left_on")}},
      {"mentor",
       "mentors",
       {text("id"), reference("school_id", "school"), text("trn", "trn"), text("name"),
        text("email", "email"), date("start_date"), number("cohort"), date("left_on")}},
      {"mentorship",
       "mentorships",
       {text("id"), reference("ect_id", "ect"), reference("mentor_id", "mentor"),
        date("started_on"), date("finished_on")}},
      {"lead_provider",
       "lead_providers",
       {text("id"), text("name"), {"cohorts", FieldKind::number, "", true}}},
      {"appropriate_body",
       "appropriate_bodies",
       {text("id"), text("name"), choice("kind", "appropriate_body_kind")}},
      {"cohort",
       "cohorts",
       {number("year"), date("start"), date("end"), yes_no("open_for_registration"),
        yes_no("payments_frozen")}},
  };
}

// The values of records.flow's choices.
inline std::optional<std::vector<std::string>> service_choices(const std::string& choice) {
  if (choice == "induction_status") {
    return std::vector<std::string>{"none", "in_progress", "passed", "failed", "exempt"};
  }
  if (choice == "school_kind") return std::vector<std::string>{"state_funded", "independent"};
  if (choice == "working_pattern") return std::vector<std::string>{"full_time", "part_time"};
  if (choice == "programme_type") return std::vector<std::string>{"provider_led", "school_led"};
  if (choice == "appropriate_body_kind") {
    return std::vector<std::string>{"teaching_school_hub", "national", "local_authority"};
  }
  return std::nullopt;
}

inline RecordTypeId type_of(const std::vector<RecordSchema>& schemas, std::string_view name) {
  for (std::size_t i = 0; i < schemas.size(); ++i) {
    if (schemas[i].name == name) return static_cast<RecordTypeId>(i);
  }
  throw std::invalid_argument("no record type " + std::string(name));
}

// A field of a stored record, by name; empty if the record or field is missing.
inline FieldValue field(const MemoryStore& store, std::string_view type, std::string_view id,
                        std::string_view name) {
  RecordTypeId t = type_of(store.schemas(), type);
  const Record* record = store.find(t, id);
  auto slot = store.schemas()[t].slot(name);
  if (!record || !slot) return {};
  return record->fields[*slot];
}

inline std::size_t count(const RecordReader& reader, RecordTypeId type) {
  std::size_t n = 0;
  reader.for_each(type, [&](const Record&) { ++n; });
  return n;
}

}  // namespace ectflow::store::testing
