// A link within a page to another step ("They do not have a TRN"), which `next` a submission took
// (for coverage), and journey outlines: every step, branch and error code a journey has.
#include <gtest/gtest.h>

#include <algorithm>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

TEST(FollowLink, ALinkOnThePageGoesToItsStep) {
  auto world = make_world();
  JourneyResult r = start_journey(*service_engine(), "add_mentor", world.context, std::string("e1"));
  ASSERT_EQ(r.page.step, "find_mentor") << r.problem;
  const auto link = std::find_if(r.page.links.begin(), r.page.links.end(),
                                 [](const PageLink& l) { return l.text == "They do not have a TRN"; });
  ASSERT_NE(link, r.page.links.end());
  EXPECT_EQ(link->kind, PageLink::Kind::step);
  JourneyResult followed = follow_link(*service_engine(), r.instance, link->target, world.context);
  ASSERT_EQ(followed.kind, JourneyResult::Kind::page) << followed.problem;
  EXPECT_EQ(followed.page.step, "no_trn");
  EXPECT_EQ(followed.page.kind, "outcome");
  EXPECT_EQ(followed.instance.path, (std::vector<std::string>{"find_mentor", "no_trn"}));
  EXPECT_EQ(followed.page.back_step, "find_mentor");
}

TEST(FollowLink, AStepThePageDoesNotLinkToIsRefused) {
  auto world = make_world();
  JourneyResult r = start_journey(*service_engine(), "add_mentor", world.context, std::string("e1"));
  for (const char* step : {"check_answers", "no_such_step", "find_mentor"}) {
    JourneyResult refused = follow_link(*service_engine(), r.instance, step, world.context);
    EXPECT_EQ(refused.kind, JourneyResult::Kind::rejected) << step;
    EXPECT_EQ(refused.problem_code, "no-such-link") << step;
  }
}

TEST(Branches, ASubmissionSaysWhichNextItTook) {
  auto world = make_world();
  JourneyResult r = start_journey(*service_engine(), "register_ect", world.context);
  EXPECT_EQ(r.branch, -1);
  JourneyResult unknown = submit(*service_engine(), r.instance, "find_ect",
                                 {{"trn", "9999999"}, {"date_of_birth", "1999-05-06"}}, world.context);
  EXPECT_EQ(unknown.page.step, "trn_not_found");
  EXPECT_EQ(unknown.branch, 0);
  JourneyResult registered = submit(*service_engine(), r.instance, "find_ect",
                                    {{"trn", "7654321"}, {"date_of_birth", "1999-05-06"}}, world.context);
  EXPECT_EQ(registered.page.step, "already_registered");
  EXPECT_EQ(registered.branch, 2);
  JourneyResult blank = submit(*service_engine(), r.instance, "find_ect", {{"trn", ""}}, world.context);
  EXPECT_FALSE(blank.page.errors.empty());
  EXPECT_EQ(blank.branch, -1) << "a refused submission took no branch";
}

TEST(Outlines, EveryStepWithWhereItsNextsGoAndTheCodesItCanShow) {
  const std::vector<JourneyOutline> outlines = journey_outlines(*service_engine());
  auto journey = [&](const std::string& name) -> const JourneyOutline& {
    auto it = std::find_if(outlines.begin(), outlines.end(), [&](const JourneyOutline& o) { return o.name == name; });
    EXPECT_NE(it, outlines.end()) << name;
    return *it;
  };
  auto step = [&](const JourneyOutline& j, const std::string& name) -> const StepOutline& {
    auto it = std::find_if(j.steps.begin(), j.steps.end(), [&](const StepOutline& s) { return s.name == name; });
    EXPECT_NE(it, j.steps.end()) << name;
    return *it;
  };
  const JourneyOutline& register_ect = journey("register_ect");
  const StepOutline& find_ect = step(register_ect, "find_ect");
  EXPECT_EQ(find_ect.kind, "question");
  EXPECT_EQ(find_ect.nexts.front(), "trn_not_found");
  EXPECT_EQ(find_ect.nexts.back(), "review_details");
  EXPECT_EQ(find_ect.error_codes.front(), "trn_blank");
  EXPECT_EQ(step(register_ect, "trn_not_found").kind, "outcome");
  const StepOutline& start_date = step(register_ect, "start_date");
  EXPECT_NE(std::find(start_date.error_codes.begin(), start_date.error_codes.end(), "start_date_too_early"),
            start_date.error_codes.end());
  const StepOutline& choose = step(journey("assign_mentor"), "choose_mentor");
  EXPECT_EQ(choose.nexts.front(), "start add_mentor");
  EXPECT_EQ(choose.error_codes.back(), "invalid_choice");
  EXPECT_EQ(step(journey("add_mentor"), "already_registered").nexts, (std::vector<std::string>{"complete"}));
}

}  // namespace
}  // namespace ectflow
