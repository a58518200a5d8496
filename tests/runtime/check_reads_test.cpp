// A step's check runs only once every answer it names has passed its own checks: a wrong date of
// birth is one error, not also "no such teacher" on the TRN beside it.
#include <gtest/gtest.h>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

const char* kFlow = R"(record school
  key urn
  field urn as text
end

record person plural persons
  key code
  field code as text
  field born as date
end

journey find "Find someone" for school
  let found = first p in persons where p.code = code

  step who "Who is it?"
    ask code "Code" as text
    ask born "Date of birth" as date
    check code = found.code and found.born = born else not_found "Nobody has this code and date of birth"
    next done
  end

  outcome done "Found them"
  end
end
)";

class CheckReads : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::TestFlow loaded = testing::load_test_flow("find.flow", kFlow, R"({"schools": [{"urn": "1"}]})", Date::from_ymd(2025, 9, 1));
    ASSERT_TRUE(loaded.engine && loaded.store);
    engine_ = loaded.engine;
    store_ = std::move(loaded.store);
  }

  std::map<std::string, std::string> errors_for(const Answers& answers) {
    RunContext context{*store_, Date::from_ymd(2025, 9, 1), "1"};
    JourneyResult started = start_journey(*engine_, "find", context);
    EXPECT_EQ(started.kind, JourneyResult::Kind::page) << started.problem;
    return submit(*engine_, started.instance, "who", answers, context).page.errors;
  }

  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Store> store_;
};

TEST_F(CheckReads, AWrongDateIsOneErrorNotAlsoTheCheckThatReadsIt) {
  EXPECT_EQ(errors_for({{"code", "X1"}, {"born", "1990-02-30"}}),
            (std::map<std::string, std::string>{{"born", "born_invalid"}}));
}

TEST_F(CheckReads, TheCheckRunsOnceEveryAnswerItReadsIsWellFormed) {
  EXPECT_EQ(errors_for({{"code", "X1"}, {"born", "1990-02-03"}}),
            (std::map<std::string, std::string>{{"code", "not_found"}}));
}

}  // namespace
}  // namespace ectflow
