// `ectflow fmt` and `ectflow graph` failures that do not depend on the grammar.
#include <gtest/gtest.h>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

TEST(Fmt, MissingFileFails) {
  const Result run = run_ectflow("fmt /no/such/file.flow");
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
  EXPECT_FALSE(run.err.empty()) << describe(run);
}

TEST(Graph, UnknownJourneyFailsWithNothingOnStdout) {
  const TempDir dir;
  const Result run = run_ectflow("graph no_such_journey --flows " + quoted(dir.str()));
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
  EXPECT_FALSE(run.err.empty()) << describe(run);
}

}  // namespace
}  // namespace ectflow::cli_test
