// Coverage: steps, branches, error codes and outcome pages reached, against a journey's outline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ectflow/coverage.hpp"
#include "ectflow/scenario.hpp"

namespace ectflow::scenario {
namespace {

std::vector<JourneyOutline> outlines() {
  JourneyOutline j{"pair", "", "school", {}};
  j.steps.push_back({"choose", "question", {"nobody_free", "check_answers"}, {"choice_blank", "invalid_choice"}, {}, {}});
  j.steps.push_back({"nobody_free", "outcome", {}, {}, {}, {}});
  j.steps.push_back({"check_answers", "check_answers", {}, {}, {}, {}});
  j.steps.push_back({"confirmation", "confirmation", {}, {}, {}, {}});
  return {j};
}

TEST(Coverage, CountsWhatWasReachedAndListsWhatWasNot) {
  const std::vector<Reached> reached = {
      {"pair", "choose", -1, {}},
      {"pair", "choose", -1, {"invalid_choice"}},
      {"pair", "choose", 1, {}},
      {"pair", "check_answers", -1, {}},
      {"pair", "confirmation", -1, {}},
      {"other", "choose", 0, {}},  // another journey's: not this one's
  };
  const Coverage c = measure_coverage(outlines(), reached);
  ASSERT_EQ(c.journeys.size(), 1u);
  const JourneyCoverage& j = c.journeys[0];
  EXPECT_EQ(j.steps.reached, 3u);
  EXPECT_EQ(j.steps.total, 4u);
  EXPECT_EQ(j.steps.missed, (std::vector<std::string>{"nobody_free"}));
  EXPECT_EQ(j.branches.reached, 1u);
  EXPECT_EQ(j.branches.missed, (std::vector<std::string>{"choose -> nobody_free (next 1)"}));
  EXPECT_EQ(j.error_codes.missed, (std::vector<std::string>{"choose: choice_blank"}));
  EXPECT_EQ(j.outcomes.reached, 0u);
  EXPECT_EQ(j.outcomes.total, 1u);
  EXPECT_DOUBLE_EQ(j.steps.percent(), 75.0);
  EXPECT_EQ(c.total.steps.missed, (std::vector<std::string>{"pair: nobody_free"}));
}

TEST(Coverage, TextAndJsonSayTheSame) {
  const Coverage c = measure_coverage(outlines(), {{"pair", "choose", -1, {}}});
  const std::string text = coverage_text(c);
  EXPECT_NE(text.find("25% (1/4)"), std::string::npos) << text;
  EXPECT_NE(text.find("pair: check_answers"), std::string::npos) << text;
  const nlohmann::json json = nlohmann::json::parse(coverage_json(c));
  EXPECT_EQ(json["journeys"][0]["steps"]["reached"], 1);
  EXPECT_EQ(json["journeys"][0]["steps"]["total"], 4);
  EXPECT_EQ(json["total"]["branches"]["missed"].size(), 2u);
}

TEST(Coverage, TheReplayerCountsTheScenariosOnItsFlows) {
  ReplayOptions options;
  options.flows = std::string(ECTFLOW_SOURCE_DIR) + "/flows";
  options.db = "memory";
  Replayer replayer(options);
  const ScenarioOutcome outcome = replayer.replay_text("t.yaml", R"(scenario: Someone types no TRN
given:
  schools: [{ urn: "1", ects: [], mentors: [] }]
as: { school: "1" }
steps:
  - start: register_ect
  - submit: {}
  - expect: { errors: { trn: trn_blank, date_of_birth: dob_blank } }
  - submit: { trn: "9999999", date_of_birth: 1990-01-01 }
  - expect: { step: trn_not_found }
)");
  ASSERT_TRUE(outcome.passed()) << (outcome.problems.empty() ? outcome.failures.at(0).seen : outcome.problems[0].message);
  const Coverage c = replayer.coverage();
  const auto register_ect = std::find_if(c.journeys.begin(), c.journeys.end(),
                                         [](const JourneyCoverage& j) { return j.journey == "register_ect"; });
  ASSERT_NE(register_ect, c.journeys.end());
  EXPECT_EQ(register_ect->steps.reached, 2u);  // find_ect, trn_not_found
  EXPECT_EQ(register_ect->branches.reached, 1u);
  EXPECT_EQ(register_ect->outcomes.reached, 1u);
  EXPECT_EQ(register_ect->error_codes.reached, 2u);
}

}  // namespace
}  // namespace ectflow::scenario
