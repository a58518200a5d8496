// assign_mentor: from an ECT's page, choose a mentor (or register a new one), check, confirm.
#include <gtest/gtest.h>

#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

TEST(AssignMentor, ChooseCheckConfirm) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_mentor", world.context, "e1");
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "choose_mentor");
  EXPECT_EQ(r.page.title, "Who will mentor Sam Smith?");
  ASSERT_EQ(r.page.questions.size(), 1u);
  EXPECT_EQ(r.page.questions[0].label, "Who will mentor Sam Smith?");
  std::vector<std::string> values, labels;
  for (const auto& o : r.page.questions[0].options) {
    values.push_back(o.value);
    labels.push_back(o.label);
  }
  // The school's open mentors by name, then "Register a new mentor".
  EXPECT_EQ(values, (std::vector<std::string>{"m1", "m2", "new"}));
  EXPECT_EQ(labels, (std::vector<std::string>{"Julie Carver", "Priya Patel", "Register a new mentor"}));

  r = submit(engine, r.instance, "choose_mentor", {{"mentor_id", "m1"}}, world.context);
  ASSERT_EQ(r.page.step, "check_answers") << r.problem;
  EXPECT_EQ(r.page.title, "Check your answers");
  EXPECT_EQ(r.page.inset, "Julie Carver will mentor Sam Smith");
  EXPECT_EQ(r.page.back_step, "choose_mentor");

  r = submit(engine, r.instance, "check_answers", {{"confirm", "true"}}, world.context);
  ASSERT_EQ(r.page.step, "confirmation") << r.problem;
  EXPECT_TRUE(r.instance.completed);
  EXPECT_EQ(r.page.title, "Julie Carver will mentor Sam Smith");

  ViewResult ect = show_view(engine, "ect", world.context, "e1");
  ASSERT_TRUE(ect.ok);
  EXPECT_EQ(ect.page.body, (std::vector<std::string>{"Registered", "Julie Carver"}));
}

TEST(AssignMentor, NoChoiceIsMentorBlank) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_mentor", world.context, "e1");
  r = submit(engine, r.instance, "choose_mentor", {{"mentor_id", ""}}, world.context);
  EXPECT_EQ(r.page.step, "choose_mentor");
  EXPECT_EQ(r.page.errors, (std::map<std::string, std::string>{{"mentor_id", "mentor_blank"}}));
  EXPECT_EQ(r.page.questions[0].error_message,
            "Select a mentor from the list provided or choose to register a new mentor");
}

TEST(AssignMentor, RegisterANewMentorHandsOverToAddMentor) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_mentor", world.context, "e1");
  r = submit(engine, r.instance, "choose_mentor", {{"mentor_id", "new"}}, world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  ASSERT_TRUE(r.hand_over.has_value());
  EXPECT_EQ(r.hand_over->target, "add_mentor");
  EXPECT_EQ(r.hand_over->record_id, "e1");
  EXPECT_FALSE(r.instance.completed);
}

TEST(AssignMentor, AMentorOfAnotherSchoolIsInvalidChoice) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult r = start_journey(engine, "assign_mentor", world.context, "e1");
  r = submit(engine, r.instance, "choose_mentor", {{"mentor_id", "e2"}}, world.context);
  EXPECT_EQ(r.page.errors.at("mentor_id"), "invalid_choice");
}

TEST(AssignMentor, TwoPeoplePairingTheSameEctOneGetsAConflict) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  JourneyResult a = start_journey(engine, "assign_mentor", world.context, "e1");
  JourneyResult b = start_journey(engine, "assign_mentor", world.context, "e1");
  a = submit(engine, a.instance, "choose_mentor", {{"mentor_id", "m1"}}, world.context);
  b = submit(engine, b.instance, "choose_mentor", {{"mentor_id", "m2"}}, world.context);
  a = submit(engine, a.instance, "check_answers", {{"confirm", "true"}}, world.context);
  ASSERT_EQ(a.page.step, "confirmation");
  b = submit(engine, b.instance, "check_answers", {{"confirm", "true"}}, world.context);
  EXPECT_EQ(b.kind, JourneyResult::Kind::conflict);
  EXPECT_EQ(b.page.step, "check_answers");
  EXPECT_FALSE(b.problem.empty());
}

}  // namespace
}  // namespace ectflow
