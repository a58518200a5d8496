// Generated paths: every scenario the generator writes replays green as written, together they
// reach what the world allows, and what they cannot reach is listed with a reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ectflow/paths.hpp"
#include "ectflow/scenario.hpp"

namespace ectflow::scenario {
namespace {

const std::string kSource = ECTFLOW_SOURCE_DIR;

std::string example_world() {
  std::ifstream in(kSource + "/examples/world.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<const Engine> service_flows() {
  LoadedEngine loaded = Engine::load({kSource + "/flows"}, EngineOptions{kSource});
  EXPECT_TRUE(loaded.engine);
  return loaded.engine;
}

PathsResult generate(const std::string& journey) {
  PathsOptions options;
  options.journey = journey;
  options.world_json = example_world();
  return generate_paths(service_flows(), options);
}

TEST(GeneratedPaths, EveryScenarioReplaysGreenAsWritten) {
  for (const char* journey : {"register_ect", "assign_mentor", "change_mentor", "ect_leaving"}) {
    const PathsResult result = generate(journey);
    ASSERT_TRUE(result.problems.empty()) << result.problems.front();
    ASSERT_FALSE(result.scenarios.empty()) << journey;
    ReplayOptions options;
    options.flows = kSource + "/flows";
    options.db = "memory";
    Replayer replayer(options);
    for (const GeneratedScenario& s : result.scenarios) {
      EXPECT_NE(s.yaml.find("  - expect: "), std::string::npos) << s.file_name;
      const ScenarioOutcome outcome = replayer.replay_text(s.file_name, s.yaml);
      EXPECT_TRUE(outcome.passed()) << s.file_name << "\n"
                                    << (report_lines(outcome).empty() ? "" : report_lines(outcome).front());
    }
  }
}

TEST(GeneratedPaths, TheyReachEveryBranchTheWorldAllowsAndSayWhyNotTheRest) {
  const PathsResult result = generate("register_ect");
  auto reached = [&](const std::string& target) {
    return std::any_of(result.scenarios.begin(), result.scenarios.end(), [&](const GeneratedScenario& s) {
      return std::find(s.reaches.begin(), s.reaches.end(), target) != s.reaches.end();
    });
  };
  EXPECT_TRUE(reached("step trn_not_found"));  // a TRN of the right shape that no teacher has
  EXPECT_TRUE(reached("branch find_ect -> national_insurance_number (next 2)"));
  EXPECT_TRUE(reached("code find_ect: trn_too_long"));
  EXPECT_TRUE(reached("code review_details: name_blank"));  // "no" with no name: both answers at once
  EXPECT_TRUE(reached("code appropriate_body: ab_local_authority"));  // an id the page does not offer
  EXPECT_TRUE(reached("step confirmation"));
  // The example world has no prohibited teacher: that outcome cannot be reached, and says so.
  auto unreached = std::find_if(result.unreached.begin(), result.unreached.end(), [](const std::string& u) {
    return u.rfind("step cannot_register:", 0) == 0;
  });
  ASSERT_NE(unreached, result.unreached.end());
  EXPECT_NE(unreached->find("no answers tried"), std::string::npos) << *unreached;
}

TEST(GeneratedPaths, AJourneyTheFlowsDoNotHaveIsAProblem) {
  const PathsResult result = generate("fly_to_the_moon");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].find("no journey named fly_to_the_moon"), std::string::npos);
}

TEST(GeneratedPaths, ABrokenWorldIsAProblem) {
  PathsOptions options;
  options.journey = "register_ect";
  options.world_json = R"({"schools": [{"urn": "1", "colour": "red"}]})";
  const PathsResult result = generate_paths(service_flows(), options);
  ASSERT_FALSE(result.problems.empty());
  EXPECT_NE(result.problems[0].find("colour"), std::string::npos) << result.problems[0];
}

}  // namespace
}  // namespace ectflow::scenario
