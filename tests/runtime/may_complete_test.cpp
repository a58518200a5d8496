// may_complete: which submissions can complete a journey, so adapters that write only completions
// open a transaction for those alone.
#include <gtest/gtest.h>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

JourneyInstance on(const std::string& journey) {
  JourneyInstance instance;
  instance.journey = journey;
  return instance;
}

TEST(MayComplete, CheckAnswersAndAStepThatGoesNextCompleteCan) {
  const Engine& engine = *testing::service_engine();
  EXPECT_TRUE(may_complete(engine, on("assign_mentor"), "check_answers"));
  EXPECT_TRUE(may_complete(engine, on("add_mentor"), "already_registered"));  // `next complete`
}

TEST(MayComplete, AQuestionThatGoesToAnotherStepCannot) {
  const Engine& engine = *testing::service_engine();
  EXPECT_FALSE(may_complete(engine, on("assign_mentor"), "choose_mentor"));
  EXPECT_FALSE(may_complete(engine, on("add_mentor"), "review_details"));
}

TEST(MayComplete, WhatTheEngineCannotRunTakesTheCarefulPath) {
  const Engine& engine = *testing::service_engine();
  EXPECT_TRUE(may_complete(engine, on("no_such_journey"), "check_answers"));
  EXPECT_TRUE(may_complete(engine, on("assign_mentor"), "no_such_step"));
}

}  // namespace
}  // namespace ectflow
