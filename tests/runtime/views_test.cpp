// The school, mentor and ect views: each action's text and visibility rule, list order and text.
#include <gtest/gtest.h>

#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

std::vector<std::string> texts(const std::vector<PageLink>& links) {
  std::vector<std::string> out;
  for (const auto& l : links) out.push_back(l.text);
  return out;
}

const ViewList& list_named(const ViewPage& page, const std::string& name) {
  for (const auto& l : page.lists) {
    if (l.name == name) return l;
  }
  throw std::runtime_error("no list " + name);
}

ViewPage view(const testing::World& world, const std::string& name, std::optional<std::string> id = std::nullopt) {
  ViewResult r = show_view(*service_engine(), name, world.context, id);
  EXPECT_TRUE(r.ok) << r.problem;
  return r.page;
}

TEST(SchoolView, IncompleteEctsFirstThenByNameWithTheirAction) {
  auto world = make_world();
  ViewPage page = view(world, "school");
  EXPECT_EQ(page.title, "Example Primary");
  EXPECT_EQ(texts(page.actions), (std::vector<std::string>{"Register an ECT"}));
  const ViewList& ects = list_named(page, "ects");
  ASSERT_EQ(ects.rows.size(), 2u);
  EXPECT_EQ(ects.rows[0].id, "e1");  // Sam Smith: incomplete comes first
  EXPECT_EQ(ects.rows[0].status, "incomplete");
  EXPECT_EQ(ects.rows[0].reason, "mentor_required");
  EXPECT_EQ(ects.rows[0].label, "Action required");
  EXPECT_EQ(ects.rows[0].text, "A mentor needs to be assigned to Sam Smith");
  EXPECT_EQ(texts(ects.rows[0].actions), (std::vector<std::string>{"Assign a mentor for this ECT"}));
  EXPECT_EQ(ects.rows[0].actions[0].target, "assign_mentor");
  EXPECT_EQ(ects.rows[0].actions[0].record_id, "e1");
  EXPECT_EQ(ects.rows[1].id, "e2");
  EXPECT_EQ(ects.rows[1].status, "complete");
  EXPECT_EQ(ects.rows[1].reason, std::nullopt);
  EXPECT_EQ(ects.rows[1].label, "Registered");
  EXPECT_EQ(ects.rows[1].text, std::nullopt);
  EXPECT_TRUE(ects.rows[1].actions.empty());
}

TEST(SchoolView, MentorsByNameWithTheirMentees) {
  auto world = make_world();
  ViewPage page = view(world, "school");
  const ViewList& mentors = list_named(page, "mentors");
  ASSERT_EQ(mentors.rows.size(), 2u);
  EXPECT_EQ(mentors.rows[0].id, "m1");
  EXPECT_EQ(mentors.rows[0].text, "No ECTs assigned");
  EXPECT_EQ(mentors.rows[1].id, "m2");
  EXPECT_EQ(mentors.rows[1].text, "Alex Brown");
}

TEST(SchoolView, AnotherSchoolsListsAreThereButEmpty) {
  auto world = make_world(testing::kExampleWorld, "100002");
  ViewPage page = view(world, "school");
  EXPECT_EQ(page.title, "Other Academy");
  EXPECT_TRUE(list_named(page, "ects").rows.empty());
  EXPECT_TRUE(list_named(page, "mentors").rows.empty());
}

TEST(MentorView, MentoringNobodyOffersAssignAnEct) {
  auto world = make_world();
  ViewPage page = view(world, "mentor", "m1");
  EXPECT_EQ(page.title, "Julie Carver");
  EXPECT_EQ(texts(page.actions),
            (std::vector<std::string>{"Assign an ECT to this mentor", "Report that Julie Carver is leaving"}));
  EXPECT_NE(std::find(page.body.begin(), page.body.end(), "Not currently mentoring"), page.body.end());
  EXPECT_TRUE(list_named(page, "mentees").rows.empty());
}

TEST(MentorView, MentoringSomeoneOffersAssignAnotherAndChangePerMentee) {
  auto world = make_world();
  ViewPage page = view(world, "mentor", "m2");
  EXPECT_EQ(texts(page.actions),
            (std::vector<std::string>{"Assign another ECT to this mentor", "Report that Priya Patel is leaving"}));
  const ViewList& mentees = list_named(page, "mentees");
  ASSERT_EQ(mentees.rows.size(), 1u);
  EXPECT_EQ(mentees.rows[0].id, "e2");
  EXPECT_EQ(texts(mentees.rows[0].actions), (std::vector<std::string>{"Change"}));
  EXPECT_EQ(mentees.rows[0].actions[0].target, "change_mentor");
  EXPECT_EQ(std::find(page.body.begin(), page.body.end(), "Not currently mentoring"), page.body.end());
}

TEST(MentorView, NoAssignActionWhenEveryEctIsTheirs) {
  const std::string world_json = R"({
    "schools": [{"urn": "1", "name": "Small School",
      "mentors": [{"id": "m1", "trn": "1111111", "name": "Kim Lee", "cohort": 2024,
                   "left_on": "2025-12-31"}],
      "ects": [{"id": "e1", "trn": "2222222", "name": "Ola Nowak", "cohort": 2024, "mentor_id": "m1"}]}]})";
  auto world = make_world(world_json, "1");
  ViewPage page = view(world, "mentor", "m1");
  // Leaving (left_on set): no "Report that ... is leaving"; every ECT is theirs: no assign action.
  EXPECT_TRUE(page.actions.empty()) << texts(page.actions).size();
}

TEST(EctView, WithoutAMentor) {
  auto world = make_world();
  ViewPage page = view(world, "ect", "e1");
  EXPECT_EQ(page.title, "Sam Smith");
  EXPECT_EQ(page.body, (std::vector<std::string>{"Action required", "No mentor assigned"}));
  EXPECT_EQ(texts(page.actions),
            (std::vector<std::string>{"Assign a mentor for this ECT", "Report that Sam Smith is leaving"}));
}

TEST(EctView, WithAMentor) {
  auto world = make_world();
  ViewPage page = view(world, "ect", "e2");
  EXPECT_EQ(page.body, (std::vector<std::string>{"Registered", "Priya Patel"}));
  EXPECT_EQ(texts(page.actions), (std::vector<std::string>{"Change mentor", "Report that Alex Brown is leaving"}));
}

TEST(Views, ProblemsAreValuesNotCrashes) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  EXPECT_EQ(show_view(engine, "nosuch", world.context).problem_code, "unknown-view");
  EXPECT_EQ(show_view(engine, "mentor", world.context).problem_code, "missing-record");
  EXPECT_EQ(show_view(engine, "mentor", world.context, "m99").problem_code, "unknown-record");
  auto other = make_world(testing::kExampleWorld, "100002");
  EXPECT_EQ(show_view(engine, "mentor", other.context, "m1").problem_code, "not-yours");
}

}  // namespace
}  // namespace ectflow

namespace ectflow {
namespace {

TEST(EctView, ALeavingEctHasNoLeavingActionAndIsStillListed) {
  const std::string world_json = R"({
    "schools": [{"urn": "1", "name": "Small School",
      "mentors": [],
      "ects": [{"id": "e1", "trn": "2222222", "name": "Ola Nowak", "cohort": 2024, "left_on": "2025-10-31"}]}]})";
  auto world = testing::make_world(world_json, "1");
  ViewResult ect = show_view(*testing::service_engine(), "ect", world.context, "e1");
  ASSERT_TRUE(ect.ok) << ect.problem;
  EXPECT_EQ(ect.page.body.at(0), "Leaving school");
  ASSERT_EQ(ect.page.actions.size(), 1u);
  EXPECT_EQ(ect.page.actions[0].text, "Assign a mentor for this ECT");
  ViewResult school = show_view(*testing::service_engine(), "school", world.context);
  ASSERT_EQ(school.page.lists.at(0).rows.size(), 1u);
  EXPECT_EQ(school.page.lists.at(0).rows[0].status, "leaving");
}

}  // namespace
}  // namespace ectflow
