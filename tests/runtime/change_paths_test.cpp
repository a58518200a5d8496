// A change that leads on to a question not yet answered (DOMAIN.md, check answers): that question
// comes next, the answers after it stay until the path is decided, and `back` from it goes to the
// page before it, not to a check answers page the path no longer reaches.
#include <gtest/gtest.h>

#include <algorithm>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::service_engine;

const char* kWorld = R"({
  "teachers": [
    {"trn": "1234567", "first_name": "Julie", "last_name": "Carver", "date_of_birth": "1990-02-03",
     "national_insurance_number": "AB123456C", "qts_awarded": "2015-07-01", "induction_status": "in_progress",
     "prohibited": false, "completed_mentor_training": false}
  ],
  "appropriate_bodies": [{"id": "ab1", "name": "North Hub", "kind": "teaching_school_hub"}],
  "lead_providers": [{"id": "lp1", "name": "Best Practice Network", "cohorts": [2024, 2025]}],
  "schools": [{"urn": "100001", "name": "Example Primary", "mentors": [], "ects": []}]
})";

class ChangePaths : public ::testing::Test {
 protected:
  ChangePaths() : world_(testing::make_world(kWorld)) {}

  JourneyResult go(const JourneyResult& at, const Answers& answers) {
    JourneyResult r = submit(*service_engine(), at.instance, at.instance.step, answers, world_.context);
    EXPECT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
    EXPECT_TRUE(r.page.errors.empty()) << at.instance.step << ": " << r.page.errors.begin()->second;
    return r;
  }

  // Julie registered as a school-led ECT, at check answers.
  JourneyResult at_check_answers() {
    JourneyResult r = start_journey(*service_engine(), "register_ect", world_.context);
    r = go(r, {{"trn", "1234567"}, {"date_of_birth", "1990-02-03"}});
    r = go(r, {{"details_correct", "yes"}});
    r = go(r, {{"email", "julie@example.org"}});
    r = go(r, {{"start_date", "2025-09-01"}});
    r = go(r, {{"working_pattern", "full_time"}});
    r = go(r, {{"appropriate_body_id", "ab1"}});
    r = go(r, {{"programme_type", "school_led"}});
    EXPECT_EQ(r.page.step, "check_answers");
    return r;
  }

  JourneyResult change(const JourneyResult& at, const std::string& step) {
    JourneyResult r = change_answer(*service_engine(), at.instance, step, world_.context);
    EXPECT_EQ(r.page.step, step) << r.problem;
    return r;
  }

  testing::World world_;
};

TEST_F(ChangePaths, AnswersAfterANewQuestionStayAndCheckAnswersComesBackOnceItIsAnswered) {
  JourneyResult r = change(at_check_answers(), "find_ect");
  r = go(r, {{"trn", "1234567"}, {"date_of_birth", "1990-03-02"}});  // not the TRA's date of birth
  ASSERT_EQ(r.page.step, "national_insurance_number");
  EXPECT_EQ(r.instance.answers.count("email"), 1u) << "the answers after it are dropped too soon";
  r = go(r, {{"national_insurance_number", "AB123456C"}});
  ASSERT_EQ(r.page.step, "check_answers") << "every later step was answered: check answers comes back";
  EXPECT_EQ(r.instance.answers.at("email"), "julie@example.org");
  EXPECT_EQ(r.instance.answers.at("programme_type"), "school_led");
  r = submit(*service_engine(), r.instance, "check_answers", {{"confirm", "true"}}, world_.context);
  EXPECT_TRUE(r.instance.completed) << r.problem;
}

TEST_F(ChangePaths, BackFromAQuestionAChangeLedOnToIsThePageBeforeIt) {
  JourneyResult r = change(at_check_answers(), "programme_type");
  EXPECT_EQ(r.page.back_step, "check_answers");  // opened by the Change link
  r = go(r, {{"programme_type", "provider_led"}});
  ASSERT_EQ(r.page.step, "lead_provider");
  EXPECT_EQ(r.page.back_step, "programme_type");
  JourneyResult back = go_back(*service_engine(), r.instance, world_.context);
  ASSERT_EQ(back.kind, JourneyResult::Kind::page) << back.problem;
  EXPECT_EQ(back.page.step, "programme_type");
  r = go(back, {{"programme_type", "provider_led"}});
  ASSERT_EQ(r.page.step, "lead_provider");
  r = go(r, {{"lead_provider_id", "lp1"}});
  ASSERT_EQ(r.page.step, "check_answers");
  r = submit(*service_engine(), r.instance, "check_answers", {{"confirm", "true"}}, world_.context);
  EXPECT_TRUE(r.instance.completed) << r.problem << " (" << r.problem_code << ")";
}

TEST_F(ChangePaths, CheckAnswersHasARowPerAnswerGivenNotForAnOptionalOneLeftBlank) {
  const JourneyResult r = at_check_answers();
  std::vector<std::string> answers;
  for (const SummaryRow& row : r.page.rows) answers.push_back(row.answer);
  EXPECT_EQ(std::count(answers.begin(), answers.end(), "corrected_name"), 0) << "the details were correct";
  EXPECT_EQ(std::count(answers.begin(), answers.end(), "details_correct"), 1);
  EXPECT_EQ(std::count(answers.begin(), answers.end(), "email"), 1);
}

TEST_F(ChangePaths, AChangeThatSkipsAStepDropsItsAnswer) {
  JourneyResult r = change(at_check_answers(), "programme_type");
  r = go(r, {{"programme_type", "provider_led"}});
  r = go(r, {{"lead_provider_id", "lp1"}});
  r = change(r, "programme_type");
  r = go(r, {{"programme_type", "school_led"}});
  ASSERT_EQ(r.page.step, "check_answers");
  EXPECT_EQ(r.instance.answers.count("lead_provider_id"), 0u);
}

}  // namespace
}  // namespace ectflow
