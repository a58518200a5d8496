// The replayer: scenario files read exactly as SCENARIOS.md writes them, every mistake in a file
// reported with its line, every failed expectation with the step, line, expected and seen, and
// the same scenario green in memory, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "ectflow/scenario.hpp"

namespace ectflow::scenario {
namespace {

const std::string kFlows = std::string(ECTFLOW_SOURCE_DIR) + "/flows";

const char* kWorld = R"(
given:
  teachers:
    - { trn: "1234567", first_name: Julie, last_name: Carver, date_of_birth: 1980-02-03,
        qts_awarded: 2005-07-01, prohibited: false, completed_mentor_training: false }
    - { trn: "7654321", first_name: Sam, last_name: Smith, date_of_birth: 1999-05-06,
        qts_awarded: 2024-07-01, prohibited: false, completed_mentor_training: false }
  schools:
    - urn: "100001"
      name: Example Primary
      mentors:
        - { id: m1, trn: "1234567", name: Julie Carver, cohort: 2024 }
      ects:
        - { id: e1, trn: "7654321", name: Sam Smith, email: sam@example.org, cohort: 2024,
            programme_type: provider_led, mentor_id: null }
as: { school: "100001" }
)";

std::string scenario(const std::string& steps) {
  return std::string("scenario: A test\ntoday: 2025-09-01\n") + kWorld + "steps:\n" + steps;
}

ScenarioOutcome replay(const std::string& text, const std::string& db = "memory") {
  ReplayOptions options;
  options.flows = kFlows;
  options.db = db;
  options.project_root = ECTFLOW_SOURCE_DIR;
  return Replayer(options).replay_text("test.yaml", text);
}

std::string all(const ScenarioOutcome& outcome) {
  std::string out;
  for (const std::string& line : report_lines(outcome)) out += line + "\n";
  return out;
}

// The steps (from line 22 of the file) that pair Julie with Sam from her page.
const char* kPairing = R"(  - view: { mentor: m1 }
  - expect: { title: Julie Carver, actions: ["Assign an ECT to this mentor", "Report that Julie Carver is leaving"] }
  - action: Assign an ECT to this mentor
  - expect: { journey: assign_ect_to_mentor, step: choose_ect, options: [e1], hints: { e1: Not currently being mentored } }
  - submit: { ect_id: e1 }
  - expect: { step: check_answers, content: ["Julie Carver will mentor Sam Smith"] }
  - submit: { confirm: true }
  - expect: { step: confirmation, completed: true, actions: [] }
  - expect_records:
      ects: [{ id: e1, mentor_id: m1, status: complete, reason: null }]
      mentors: [{ id: m1, funding: eligible, participations: [2024] }]
      mentorships: [{ ect_id: e1, mentor_id: m1 }, { ect_id: e1, mentor_id: m2, absent: true }]
)";

int first_step_line() {
  std::string text = scenario("");
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

TEST(Replay, APairingFromTheMentorsPagePassesInMemory) {
  ScenarioOutcome outcome = replay(scenario(kPairing));
  EXPECT_TRUE(outcome.passed()) << all(outcome);
  EXPECT_EQ(outcome.name, "A test");
}

TEST(Replay, APairingFromTheMentorsPagePassesOnSqliteThroughTheService) {
  ScenarioOutcome outcome = replay(scenario(kPairing), "sqlite");
  EXPECT_TRUE(outcome.passed()) << all(outcome);
}

TEST(Replay, APairingFromTheMentorsPagePassesOnPostgres) {
  const char* url = std::getenv("ECTFLOW_TEST_POSTGRES");
  ASSERT_TRUE(url && *url) << "ECTFLOW_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh";
  ScenarioOutcome outcome = replay(scenario(kPairing), url);
  EXPECT_TRUE(outcome.passed()) << all(outcome);
  ScenarioOutcome again = replay(scenario(kPairing), url);  // the same database, emptied first
  EXPECT_TRUE(again.passed()) << all(again);
}

TEST(Replay, EachFailedExpectationNamesItsStepLineAndWhatWasSeen) {
  ScenarioOutcome outcome = replay(scenario(R"(  - view: { mentor: m1 }
  - expect: { title: Julie Smith, actions: [] }
  - expect_records: { mentors: [{ id: m1, funding: ineligible }] }
)"));
  ASSERT_EQ(outcome.failures.size(), 3u) << all(outcome);
  const int line = first_step_line();
  EXPECT_EQ(outcome.failures[0].step, 2u);
  EXPECT_EQ(outcome.failures[0].line, line + 1);
  EXPECT_EQ(outcome.failures[0].key, "title");
  EXPECT_EQ(outcome.failures[0].expected, "\"Julie Smith\"");
  EXPECT_EQ(outcome.failures[0].seen, "\"Julie Carver\"");
  EXPECT_EQ(outcome.failures[1].key, "actions");
  EXPECT_EQ(outcome.failures[2].key, "expect_records mentors");
  EXPECT_NE(outcome.failures[2].seen.find("not_yet_eligible"), std::string::npos) << outcome.failures[2].seen;
  EXPECT_NE(all(outcome).find("test.yaml:" + std::to_string(line + 1) + ": step 2: title: expected \"Julie Smith\", saw \"Julie Carver\""),
            std::string::npos)
      << all(outcome);
}

TEST(Replay, AWrongAnswerIsTheStepsOwnErrorNotAScenarioError) {
  ScenarioOutcome outcome = replay(scenario(R"(  - start: assign_mentor
    with: { ect_id: e1 }
  - submit: { mentor_id: nobody }
  - expect: { step: choose_mentor, errors: { mentor_id: invalid_choice } }
)"));
  EXPECT_TRUE(outcome.passed()) << all(outcome);
}

struct BadFile {
  const char* name;
  std::string text;
  int line;  // 0: the file as a whole
  const char* message;
};

class BadScenario : public ::testing::TestWithParam<BadFile> {};

TEST_P(BadScenario, IsAnErrorNamingItsLine) {
  const BadFile& bad = GetParam();
  ScenarioOutcome outcome = replay(bad.text);
  ASSERT_FALSE(outcome.problems.empty()) << bad.name << " was accepted";
  EXPECT_EQ(outcome.problems.front().line, bad.line) << all(outcome);
  EXPECT_NE(outcome.problems.front().message.find(bad.message), std::string::npos) << all(outcome);
}

const int kSteps = first_step_line();

INSTANTIATE_TEST_SUITE_P(
    Files, BadScenario,
    ::testing::Values(
        BadFile{"unknown_top_key", "scenario: x\ncolour: red\nsteps: []\n", 2, "unknown key `colour`"},
        BadFile{"no_name", "steps: []\n", 1, "needs `scenario:`"},
        BadFile{"no_steps", "scenario: x\n", 1, "needs `steps:`"},
        BadFile{"unknown_verb", scenario("  - view: { mentor: m1 }\n  - frobnicate: 1\n"), kSteps + 1, "unknown step `frobnicate`"},
        BadFile{"unknown_scalar_verb", scenario("  - forward\n"), kSteps, "unknown step `forward`"},
        BadFile{"two_verbs", scenario("  - { back: ~, submit: {} }\n"), kSteps, "exactly one verb"},
        BadFile{"with_without_start", scenario("  - view: { mentor: m1 }\n    with: { ect_id: e1 }\n"), kSteps + 1,
                "`with` only goes beside `start`"},
        BadFile{"unknown_expect_key", scenario("  - expect: { title: x, colour: red }\n"), kSteps, "unknown key `colour` in expect"},
        BadFile{"answer_not_one_value", scenario("  - submit: { trn: [1, 2] }\n"), kSteps, "must be one value"},
        BadFile{"bad_today", "scenario: x\ntoday: 2025-02-30\nsteps: []\n", 2, "`today:` must be a date"},
        BadFile{"malformed_yaml", "scenario: x\nsteps: [\n", 3, "not valid YAML"},
        BadFile{"binary", std::string("scenario: x\0\x01\x02", 15), 0, "not text"},
        BadFile{"huge", std::string(2 << 20, '#'), 0, "at most"},
        BadFile{"submit_without_journey", scenario("  - submit: { trn: \"1234567\" }\n"), kSteps,
                "needs a journey in progress"},
        BadFile{"link_not_on_page", scenario("  - view: { mentor: m1 }\n  - action: Delete everything\n"), kSteps + 1,
                "shows no link \"Delete everything\""},
        BadFile{"unknown_record_in_view", scenario("  - view: { mentor: m9 }\n"), kSteps, "there is no mentor m9"},
        BadFile{"unknown_record_in_with", scenario("  - start: assign_mentor\n    with: { ect_id: e9 }\n"), kSteps,
                "there is no ect e9"},
        BadFile{"unknown_journey", scenario("  - start: fly_to_the_moon\n"), kSteps, "no journey named fly_to_the_moon"},
        BadFile{"unknown_key_in_given", "scenario: x\ngiven:\n  schools:\n    - urn: \"1\"\n      colour: red\nsteps: []\n",
                5, "unknown key `colour`"},
        BadFile{"unknown_mentor_in_given",
                "scenario: x\ngiven:\n  schools:\n    - urn: \"1\"\n      ects:\n        - { id: e1, mentor_id: m9 }\nsteps: []\n",
                6, "m9"},
        BadFile{"key_given_twice", scenario("  - expect: { title: Julie Carver, title: Julie Smith }\n"), kSteps,
                "`title` is given twice"},
        BadFile{"nobody_acting", "scenario: x\nsteps:\n  - view: { school: \"1\" }\n", 3, "nobody acts yet"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Replay, OtherScenariosStillRunAfterABadOne) {
  ReplayOptions options;
  options.flows = kFlows;
  options.db = "memory";
  Replayer replayer(options);
  EXPECT_FALSE(replayer.replay_text("bad.yaml", "scenario: [\n").passed());
  EXPECT_TRUE(replayer.replay_text("good.yaml", scenario(kPairing)).passed());
}

}  // namespace
}  // namespace ectflow::scenario
