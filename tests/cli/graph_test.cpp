// `ectflow graph`: the diagram goes to stdout, problems to stderr with exit 1.
#include <gtest/gtest.h>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

const std::string kFlows = quoted(std::string(ECTFLOW_SOURCE_DIR) + "/flows");

TEST(Graph, UnknownJourneyFailsWithNothingOnStdout) {
  const TempDir dir;
  const Result run = run_ectflow("graph no_such_journey --flows " + quoted(dir.str()));
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
  EXPECT_NE(run.err.find("error["), std::string::npos) << describe(run);
}

TEST(Graph, DrawsTheServiceJourneyAsDotByDefault) {
  const Result run = run_ectflow("graph assign_ect_to_mentor --flows " + kFlows);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_EQ(run.out.rfind("digraph ", 0), 0u) << describe(run);
}

TEST(Graph, DrawsMermaidOnRequest) {
  const Result run = run_ectflow("graph assign_ect_to_mentor --format mermaid --flows " + kFlows);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_EQ(run.out.rfind("flowchart ", 0), 0u) << describe(run);
}

}  // namespace
}  // namespace ectflow::cli_test
