// assign_ect_to_mentor, the seed's story: from a mentor's page, choose an ECT, check, confirm.
#include <gtest/gtest.h>

#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

std::vector<std::string> option_values(const Page& page) {
  std::vector<std::string> values;
  for (const auto& o : page.questions.at(0).options) values.push_back(o.value);
  return values;
}

TEST(AssignEctToMentor, TheSeedsStoryEndToEnd) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_ect_to_mentor", world.context, "m1");
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "choose_ect");
  EXPECT_EQ(r.page.title, "Who would you like to assign to Julie Carver?");
  // ECTs without a mentor first, then by name; each with its hint.
  EXPECT_EQ(option_values(r.page), (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(r.page.questions[0].options[0].hint, "Not currently being mentored");
  EXPECT_EQ(r.page.questions[0].options[1].hint, "Currently mentored by Priya Patel");

  r = submit(engine, r.instance, "choose_ect", {{"ect_id", "e1"}}, world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "check_answers");
  EXPECT_EQ(r.page.title, "Check your answers");
  EXPECT_EQ(r.page.inset, "Julie Carver will mentor Sam Smith");
  ASSERT_EQ(r.page.rows.size(), 1u);
  EXPECT_EQ(r.page.rows[0].value, "Sam Smith");
  EXPECT_EQ(r.page.rows[0].change_step, "choose_ect");

  // Change, then back: check answers again.
  r = change_answer(engine, r.instance, "choose_ect", world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "choose_ect");
  EXPECT_EQ(r.page.back_step, "check_answers");
  r = go_back(engine, r.instance, world.context);
  EXPECT_EQ(r.page.step, "check_answers");

  r = submit(engine, r.instance, "check_answers", {{"confirm", "true"}}, world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "confirmation");
  EXPECT_TRUE(r.page.completed);
  EXPECT_EQ(r.page.title, "Julie Carver has been assigned to Sam Smith");
  EXPECT_TRUE(r.page.actions.empty());

  // The ECT is now complete, mentored by Julie Carver.
  ViewResult ect = show_view(engine, "ect", world.context, "e1");
  ASSERT_TRUE(ect.ok) << ect.problem;
  ViewResult school = show_view(engine, "school", world.context);
  ASSERT_TRUE(school.ok) << school.problem;
  const ViewList& ects = school.page.lists.at(0);
  ASSERT_EQ(ects.name, "ects");
  for (const ViewRow& row : ects.rows) {
    if (row.id == "e1") {
      EXPECT_EQ(row.status, "complete");
      EXPECT_EQ(row.label, "Registered");
    }
  }
}

TEST(AssignEctToMentor, NoChoiceIsEctIdBlank) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_ect_to_mentor", world.context, "m1");
  r = submit(engine, r.instance, "choose_ect", {}, world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page);
  EXPECT_EQ(r.page.step, "choose_ect");
  EXPECT_EQ(r.page.errors, (std::map<std::string, std::string>{{"ect_id", "ect_id_blank"}}));
  EXPECT_EQ(r.page.questions[0].error_message, "Select an ECT");
}

TEST(AssignEctToMentor, AnEctNotOfferedIsInvalidChoice) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_ect_to_mentor", world.context, "m1");
  r = submit(engine, r.instance, "choose_ect", {{"ect_id", "nobody"}}, world.context);
  EXPECT_EQ(r.page.errors.at("ect_id"), "invalid_choice");
  EXPECT_EQ(r.page.questions[0].error_message, "Select an option");
}

TEST(AssignEctToMentor, TheMentorsOwnMenteesAreNotOffered) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_ect_to_mentor", world.context, "m2");
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(option_values(r.page), (std::vector<std::string>{"e1"}));
}

TEST(AssignEctToMentor, ReassigningFinishesThePreviousMentorship) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_ect_to_mentor", world.context, "m1");
  r = submit(engine, r.instance, "choose_ect", {{"ect_id", "e2"}}, world.context);
  r = submit(engine, r.instance, "check_answers", {{"confirm", "true"}}, world.context);
  ASSERT_EQ(r.page.step, "confirmation") << r.problem;
  EXPECT_EQ(r.page.title, "Julie Carver has been assigned to Alex Brown");
  ViewResult mentor = show_view(engine, "mentor", world.context, "m2");
  ASSERT_TRUE(mentor.ok);
  EXPECT_TRUE(mentor.page.lists.at(0).rows.empty());
}

}  // namespace
}  // namespace ectflow
