// RecordFieldsReader: stored fields, derived fields and statuses as text, in file form and as
// pages show them, worked out for the context's day.
#include <gtest/gtest.h>

#include "ectflow/records.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

// The example world, plus an ECT of the 2025 cohort whom Julie Carver (2024) mentored until
// she left, and an ECT who has left.
const char* kCrossCohortWorld = R"({
  "lead_providers": [{"id": "lp1", "name": "Best Practice Network", "cohorts": [2024, 2025]}],
  "teachers": [
    {"trn": "1234567", "first_name": "Julie", "last_name": "Carver", "date_of_birth": "1980-02-03",
     "induction_status": "passed", "prohibited": false, "completed_mentor_training": true}
  ],
  "schools": [
    {"urn": "100001", "name": "Example Primary",
     "mentors": [{"id": "m1", "trn": "1234567", "name": "Julie Carver", "cohort": 2024}],
     "ects": [
       {"id": "e1", "trn": "7654321", "name": "Sam Smith", "cohort": 2025, "start_date": "2025-06-02",
        "programme_type": "provider_led", "lead_provider_id": "lp1", "mentor_id": "m1",
        "left_on": "2025-08-01"}
     ]}
  ]
})";

TEST(RecordFields, StoredFieldsInFileFormAndAsPagesShowThem) {
  auto world = make_world(kCrossCohortWorld);
  RecordFieldsReader teachers(*service_engine(), world.context, "teacher");
  std::optional<RecordFields> julie = teachers.read("1234567");
  ASSERT_TRUE(julie);
  EXPECT_EQ(julie->type, "teacher");
  EXPECT_EQ(julie->id, "1234567");
  const FieldText* born = julie->find("date_of_birth");
  ASSERT_TRUE(born);
  EXPECT_EQ(born->source, FieldText::Source::stored);
  EXPECT_EQ(born->value, "1980-02-03");
  EXPECT_EQ(born->label, "3 February 1980");
  EXPECT_EQ(julie->find("induction_status")->value, "passed");
  EXPECT_EQ(julie->find("induction_status")->label, "Induction passed");
  EXPECT_EQ(julie->find("completed_mentor_training")->value, "yes");
  EXPECT_EQ(julie->find("completed_mentor_training")->label, "Yes");
  EXPECT_EQ(julie->find("qts_awarded")->value, "");
  // Every stored field, in slot order, when no fields are named.
  ASSERT_EQ(julie->fields.size(), 10u);
  EXPECT_EQ(julie->fields[0].name, "trn");
}

TEST(RecordFields, ListsGiveTheirItems) {
  auto world = make_world(kCrossCohortWorld);
  RecordFieldsReader providers(*service_engine(), world.context, "lead_provider", {"cohorts"});
  auto lp = providers.read("lp1");
  ASSERT_TRUE(lp);
  ASSERT_EQ(lp->fields.size(), 1u);
  EXPECT_TRUE(lp->fields[0].is_list);
  EXPECT_EQ(lp->fields[0].items, (std::vector<std::string>{"2024", "2025"}));
  EXPECT_EQ(lp->fields[0].value, "2024, 2025");
}

TEST(RecordFields, DerivedFieldsCountFinishedPairings) {
  auto world = make_world(kCrossCohortWorld);
  RecordFieldsReader mentors(*service_engine(), world.context, "mentor",
                             {"name", "participations", "mentees", "funding"});
  auto m1 = mentors.read("m1");
  ASSERT_TRUE(m1);
  const FieldText* participations = m1->find("participations");
  ASSERT_TRUE(participations);
  EXPECT_EQ(participations->source, FieldText::Source::derived);
  EXPECT_EQ(participations->items, (std::vector<std::string>{"2024", "2025"}));
  // Sam Smith has left, so Julie mentors nobody today.
  EXPECT_TRUE(m1->find("mentees")->is_list);
  EXPECT_TRUE(m1->find("mentees")->items.empty());
  EXPECT_EQ(m1->value("name"), "Julie Carver");
  EXPECT_EQ(m1->value("no_such_field"), "");
}

TEST(RecordFields, StatusesGiveCodeLabelAndReason) {
  auto world = make_world();
  RecordFieldsReader mentors(*service_engine(), world.context, "mentor", {"funding"});
  auto m2 = mentors.read("m2");  // mentors a school-led ECT
  ASSERT_TRUE(m2);
  const FieldText* funding = m2->find("funding");
  ASSERT_TRUE(funding);
  EXPECT_EQ(funding->source, FieldText::Source::status);
  EXPECT_EQ(funding->value, "not_yet_eligible");
  EXPECT_EQ(funding->label, "Not yet eligible for funding");
  EXPECT_EQ(funding->reason, "school_led_only");

  RecordFieldsReader ects(*service_engine(), world.context, "ect", {"status", "mentor_id", "programme_type"});
  auto e1 = ects.read("e1");
  ASSERT_TRUE(e1);
  EXPECT_EQ(e1->value("status"), "incomplete");
  EXPECT_EQ(e1->find("status")->reason, "mentor_required");
  EXPECT_EQ(e1->find("status")->label, "Action required");
  EXPECT_EQ(e1->value("mentor_id"), "");
  EXPECT_EQ(e1->find("programme_type")->label, "Provider-led");
  EXPECT_EQ(ects.read("e2")->value("mentor_id"), "m2");
  EXPECT_TRUE(ects.hook_problems().empty());
}

TEST(RecordFields, OpenFollowsTheDay) {
  auto world = make_world(kCrossCohortWorld, "100001", "2025-07-01");
  RecordFieldsReader ects(*service_engine(), world.context, "ect", {"id"});
  EXPECT_TRUE(ects.read("e1")->open);  // leaving on 1 August
  auto later = make_world(kCrossCohortWorld, "100001", "2025-09-01");
  RecordFieldsReader after(*service_engine(), later.context, "ect", {"id"});
  EXPECT_FALSE(after.read("e1")->open);
}

TEST(RecordFields, ReadAllInStoreOrder) {
  auto world = make_world();
  RecordFieldsReader mentors(*service_engine(), world.context, "mentor", {"id"});
  std::vector<RecordFields> all = mentors.read_all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "m1");
  EXPECT_EQ(all[1].id, "m2");
  EXPECT_FALSE(mentors.read("nobody"));
}

TEST(RecordFields, UnknownNamesAreRefused) {
  auto world = make_world();
  EXPECT_THROW(RecordFieldsReader(*service_engine(), world.context, "headteacher"), std::invalid_argument);
  try {
    RecordFieldsReader(*service_engine(), world.context, "mentor", {"particpations"});
    FAIL() << "an unknown field was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "the flows' mentor record has no field or status `particpations`");
  }
}

}  // namespace
}  // namespace ectflow
