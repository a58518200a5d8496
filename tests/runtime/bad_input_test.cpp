// Bad input is a clear error value, never a crash: wrong answers, wrong steps, wrong records,
// instances from other flows or tampered with.
#include <gtest/gtest.h>

#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

JourneyResult started(testing::World& world) {
  JourneyResult r = start_journey(*service_engine(), "assign_ect_to_mentor", world.context, "m1");
  EXPECT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  return r;
}

TEST(BadInput, UnknownAnswerName) {
  auto world = make_world();
  JourneyResult r = started(world);
  JourneyResult bad = submit(*service_engine(), r.instance, "choose_ect", {{"ect", "e1"}}, world.context);
  EXPECT_EQ(bad.kind, JourneyResult::Kind::rejected);
  EXPECT_EQ(bad.problem_code, "unknown-answer");
  EXPECT_EQ(bad.instance.to_json(), r.instance.to_json());  // nothing changed
}

TEST(BadInput, SubmitForAStepThatIsNotCurrent) {
  auto world = make_world();
  JourneyResult r = started(world);
  JourneyResult bad = submit(*service_engine(), r.instance, "check_answers", {{"confirm", "true"}}, world.context);
  EXPECT_EQ(bad.problem_code, "not-current-step");
}

TEST(BadInput, CheckAnswersNeedsConfirm) {
  auto world = make_world();
  JourneyResult r = started(world);
  r = submit(*service_engine(), r.instance, "choose_ect", {{"ect_id", "e1"}}, world.context);
  EXPECT_EQ(submit(*service_engine(), r.instance, "check_answers", {}, world.context).problem_code, "confirm-required");
  EXPECT_EQ(submit(*service_engine(), r.instance, "check_answers", {{"ect_id", "e2"}}, world.context).problem_code,
            "unknown-answer");
}

TEST(BadInput, StartFromTheWrongKindOfRecord) {
  auto world = make_world();
  JourneyResult r = start_journey(*service_engine(), "assign_ect_to_mentor", world.context, "e1");
  EXPECT_EQ(r.kind, JourneyResult::Kind::rejected);
  EXPECT_EQ(r.problem_code, "wrong-record-kind");
  EXPECT_NE(r.problem.find("starts from a mentor, but e1 is an ect"), std::string::npos) << r.problem;
}

TEST(BadInput, StartProblems) {
  auto world = make_world();
  const Engine& engine = *service_engine();
  EXPECT_EQ(start_journey(engine, "nosuch", world.context).problem_code, "unknown-journey");
  EXPECT_EQ(start_journey(engine, "assign_ect_to_mentor", world.context).problem_code, "missing-with");
  EXPECT_EQ(start_journey(engine, "assign_ect_to_mentor", world.context, "m99").problem_code, "unknown-record");
  EXPECT_EQ(start_journey(engine, "register_ect", world.context, "e1").problem_code, "unexpected-with");
  auto other = make_world(testing::kExampleWorld, "100002");
  EXPECT_EQ(start_journey(engine, "assign_ect_to_mentor", other.context, "m1").problem_code, "not-yours");
  auto nobody = make_world(testing::kExampleWorld, "999999");
  EXPECT_EQ(start_journey(engine, "assign_ect_to_mentor", nobody.context, "m1").problem_code, "unknown-actor");
}

TEST(BadInput, AnInstanceFromAnotherFlowVersion) {
  auto world = make_world();
  JourneyResult r = started(world);
  JourneyInstance old = r.instance;
  old.flow_version = "0000000000000000";
  JourneyResult bad = submit(*service_engine(), old, "choose_ect", {{"ect_id", "e1"}}, world.context);
  EXPECT_EQ(bad.problem_code, "flow-version-mismatch");
}

TEST(BadInput, TamperedInstances) {
  auto world = make_world();
  JourneyResult r = started(world);
  JourneyInstance tampered = r.instance;
  tampered.step = "confirmation_please";
  tampered.path = {"confirmation_please"};
  EXPECT_EQ(show_page(*service_engine(), tampered, world.context).problem_code, "tampered-instance");
  tampered = r.instance;
  tampered.answers["salary"] = "1000000";
  EXPECT_EQ(show_page(*service_engine(), tampered, world.context).problem_code, "tampered-instance");
}

TEST(InstanceJson, RoundTripsAndStaysSmall) {
  auto world = make_world();
  JourneyResult r = started(world);
  r = submit(*service_engine(), r.instance, "choose_ect", {{"ect_id", "e1"}}, world.context);
  std::string json = r.instance.to_json();
  EXPECT_LT(json.size(), 2048u) << json;
  std::string error;
  auto back = JourneyInstance::from_json(json, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->to_json(), json);
  EXPECT_EQ(show_page(*service_engine(), *back, world.context).page.step, "check_answers");
}

TEST(InstanceJson, RefusesWhatItDidNotWrite) {
  const char* bad[] = {
      "",
      "[]",
      "not json",
      R"({"format": 2})",
      R"({"format": 1, "journey": 7})",
      R"({"format": 1, "flow_version": "x", "journey": "j", "actor_id": "a", "subject_id": "", "step": "s",
          "path": ["s"], "answers": {"a": 1}, "errors": {}, "error_messages": {}, "entered": {}, "created": {},
          "changing": false, "completed": false})",
      R"({"format": 1, "extra": true})",
  };
  for (const char* text : bad) {
    std::string error;
    EXPECT_FALSE(JourneyInstance::from_json(text, error)) << text;
    EXPECT_FALSE(error.empty()) << text;
  }
}

TEST(BadInput, CompletedJourneysTakeNoMoreAnswers) {
  auto world = make_world();
  JourneyResult r = started(world);
  r = submit(*service_engine(), r.instance, "choose_ect", {{"ect_id", "e1"}}, world.context);
  r = submit(*service_engine(), r.instance, "check_answers", {{"confirm", "true"}}, world.context);
  ASSERT_TRUE(r.instance.completed);
  EXPECT_EQ(submit(*service_engine(), r.instance, "confirmation", {}, world.context).problem_code, "journey-completed");
  EXPECT_EQ(go_back(*service_engine(), r.instance, world.context).problem_code, "journey-completed");
}

}  // namespace
}  // namespace ectflow
