// `ectflow check` output and exit codes, on paths whose outcome does not depend on the grammar.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

using nlohmann::json;

// The contract from authoring.hpp: a path that does not exist is error[file-unreadable].
TEST(Check, MissingPathIsAnError) {
  const Result run = run_ectflow("check /no/such/dir");
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_NE(run.out.find("error[file-unreadable]"), std::string::npos) << describe(run);
}

TEST(Check, JsonOutputShapeAndExitCode) {
  const TempDir dir;
  const Result run = run_ectflow("check --format json " + quoted(dir.str()));
  const json document = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(document.is_discarded()) << describe(run);
  ASSERT_TRUE(document["diagnostics"].is_array()) << describe(run);
  ASSERT_TRUE(document["errors"].is_number_unsigned()) << describe(run);
  ASSERT_TRUE(document["warnings"].is_number_unsigned()) << describe(run);
  EXPECT_EQ(run.exit_code, document["errors"] == 0 ? 0 : 1) << describe(run);
}

TEST(Check, SarifOutputIsALog) {
  const TempDir dir;
  const Result run = run_ectflow("check --format sarif " + quoted(dir.str()));
  const json log = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(log.is_discarded()) << describe(run);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["name"], "ectflow");
}

TEST(Check, TextOutputEndsWithSummary) {
  const TempDir dir;
  const Result run = run_ectflow("check " + quoted(dir.str()));
  ASSERT_FALSE(run.out.empty()) << describe(run);
  const std::size_t start = run.out.rfind('\n', run.out.size() - 2);
  const std::string last = run.out.substr(start == std::string::npos ? 0 : start + 1);
  EXPECT_TRUE(last == "no problems found\n" || last.find(" error") != std::string::npos)
      << describe(run);
}

}  // namespace
}  // namespace ectflow::cli_test
