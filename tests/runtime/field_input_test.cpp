// FieldParser: an import file's text as stored values, by each field's declared type.
#include <gtest/gtest.h>

#include "ectflow/field_input.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::service_engine;

struct Case {
  std::string record;
  std::string field;
  std::string text;
  FieldValue expected;  // when accepted
  std::string code;     // when refused
};

std::size_t slot_of(const std::string& record, const std::string& field) {
  const auto schemas = service_engine()->schemas();
  return *schemas[*service_engine()->record_type(record)].slot(field);
}

TEST(FieldParser, ReadsEachKindAndRefusesWithACode) {
  const Date dob = Date::from_ymd(1980, 2, 3);
  const std::vector<Case> cases = {
      {"teacher", "first_name", "  Julie ", std::string("Julie"), ""},
      {"teacher", "first_name", "", std::monostate{}, ""},
      {"teacher", "date_of_birth", "1980-02-03", dob, ""},
      {"teacher", "date_of_birth", "1980-02-30", {}, "invalid_date"},
      {"teacher", "date_of_birth", "03/02/1980", {}, "invalid_date"},
      {"teacher", "prohibited", "yes", true, ""},
      {"teacher", "prohibited", "No", false, ""},
      {"teacher", "prohibited", "FALSE", false, ""},
      {"teacher", "prohibited", "maybe", {}, "invalid_yes_no"},
      {"teacher", "induction_status", "in_progress", std::string("in_progress"), ""},
      {"teacher", "induction_status", "pased", {}, "invalid_choice"},
      // Answer types normalise and check, as a journey's answers are.
      {"teacher", "trn", "RP99/12345", std::string("9912345"), ""},
      {"teacher", "trn", "12345", std::string("0012345"), ""},
      {"teacher", "trn", "12", {}, "trn_too_short"},
      {"teacher", "trn", "12345678", {}, "trn_too_long"},
      {"teacher", "national_insurance_number", "ab 12 34 56 c", std::string("AB123456C"), ""},
      {"teacher", "national_insurance_number", "AB1234", {}, "nino_format"},
      {"ect", "cohort", "2025", 2025.0, ""},
      {"ect", "cohort", "twenty", {}, "invalid_number"},
  };
  FieldParser parser(*service_engine(), Date::from_ymd(2025, 9, 1));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.field + " \"" + c.text + "\"");
    ParsedField parsed = parser.parse(*service_engine()->record_type(c.record), slot_of(c.record, c.field), c.text);
    if (c.code.empty()) {
      EXPECT_TRUE(parsed.ok()) << parsed.error;
      EXPECT_EQ(parsed.value, c.expected);
    } else {
      EXPECT_FALSE(parsed.ok());
      EXPECT_EQ(parsed.code, c.code);
      EXPECT_TRUE(std::holds_alternative<std::monostate>(parsed.value));
    }
  }
}

TEST(FieldParser, MessagesSayHowToFix) {
  FieldParser parser(*service_engine(), Date::from_ymd(2025, 9, 1));
  const RecordTypeId teacher = *service_engine()->record_type("teacher");
  EXPECT_EQ(parser.parse(teacher, slot_of("teacher", "induction_status"), "pased").error,
            "not a valid induction_status; write one of none, in_progress, passed, failed, exempt; did you mean `passed`?");
  EXPECT_EQ(parser.parse(teacher, slot_of("teacher", "trn"), "12").error,
            "Teacher reference number must include at least 5 digits");
  EXPECT_EQ(parser.parse(teacher, slot_of("teacher", "qts_awarded"), "2025-13-01").error,
            "not a real date; write it as YYYY-MM-DD, like 2025-09-01");
}

TEST(FieldParser, ListsAreSeparatedBySemicolons) {
  FieldParser parser(*service_engine(), Date::from_ymd(2025, 9, 1));
  ParsedField parsed =
      parser.parse(*service_engine()->record_type("lead_provider"), slot_of("lead_provider", "cohorts"), "2024; 2025");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const auto& list = std::get<std::shared_ptr<const FieldList>>(parsed.value);
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->items[1], FieldValue(2025.0));
  EXPECT_EQ(parser.choice_codes("working_pattern"), (std::vector<std::string>{"full_time", "part_time"}));
  EXPECT_TRUE(parser.choice_codes("nothing").empty());
}

}  // namespace
}  // namespace ectflow
