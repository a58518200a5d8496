// Command-line contract of `ectflow` that needs no flow files: usage errors exit 2, --version.
#include <gtest/gtest.h>

#include <regex>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

TEST(Usage, VersionPrintsNameAndVersion) {
  const Result run = run_ectflow("--version");
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_TRUE(std::regex_match(run.out, std::regex("ectflow [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << describe(run);
}

TEST(Usage, HelpExitsZero) {
  const Result run = run_ectflow("check --help");
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_NE(run.out.find("--format"), std::string::npos) << describe(run);
  EXPECT_EQ(run.out.find("--watch-max-runs"), std::string::npos) << "hidden option shown";
}

struct UsageCase {
  const char* name;
  const char* args;
  const char* stderr_mentions;
};

// Test names in ctest show the case's name rather than its bytes.
void PrintTo(const UsageCase& c, std::ostream* out) {
  *out << c.name;
}

class UsageError : public testing::TestWithParam<UsageCase> {};

TEST_P(UsageError, ExitsTwoAndExplains) {
  const Result run = run_ectflow(GetParam().args);
  EXPECT_EQ(run.exit_code, 2) << describe(run);
  EXPECT_NE(run.err.find(GetParam().stderr_mentions), std::string::npos) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UsageError,
    testing::Values(UsageCase{"no_command", "", "command"},
                    UsageCase{"unknown_subcommand", "frobnicate", "frobnicate"},
                    UsageCase{"unknown_option", "check --frobnicate", "frobnicate"},
                    UsageCase{"unknown_check_format", "check --format xml", "xml"},
                    UsageCase{"check_format_needs_value", "check --format", "format"},
                    UsageCase{"unknown_graph_format", "graph some_journey --format png", "png"},
                    UsageCase{"graph_needs_journey", "graph", "journey"},
                    UsageCase{"fmt_check_with_stdout", "fmt --check --stdout", "--stdout"},
                    UsageCase{"watch_runs_not_number", "check --watch --watch-max-runs x", "x"}),
    [](const testing::TestParamInfo<UsageCase>& info) { return info.param.name; });

}  // namespace
}  // namespace ectflow::cli_test
