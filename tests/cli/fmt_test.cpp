// `ectflow fmt`: rewrites files in place (atomically, keeping permissions), lists them with
// --check, prints them with --stdout, and never touches a file that does not parse.
#include <gtest/gtest.h>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

// Valid, but not in the canonical layout (extra spaces and trailing blank lines).
const std::string kMessy =
    "hook   cohort(start_date as date)   returns number in \"rules/cohort.lua\"   \n\n\n";
const std::string kBroken = "journey {{{\n";

TEST(Fmt, MissingFileFails) {
  const Result run = run_ectflow("fmt /no/such/file.flow");
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(run.out, "") << describe(run);
  EXPECT_NE(run.err.find("error[file-unreadable]"), std::string::npos) << describe(run);
}

TEST(Fmt, CheckListsFilesThatWouldChangeAndChangesNothing) {
  const TempDir dir;
  const fs::path messy = dir.write("messy.flow", kMessy);
  const Result run = run_ectflow("fmt --check " + quoted(dir.str()));
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(run.out, messy.string() + "\n") << describe(run);
  EXPECT_EQ(read_all(messy), kMessy);
}

TEST(Fmt, RewritesInPlaceKeepingPermissions) {
  const TempDir dir;
  const fs::path messy = dir.write("messy.flow", kMessy);
  fs::permissions(messy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const Result canonical = run_ectflow("fmt --stdout " + quoted(messy.string()));
  ASSERT_EQ(canonical.exit_code, 0) << describe(canonical);
  ASSERT_NE(canonical.out, kMessy);

  const Result run = run_ectflow("fmt " + quoted(dir.str()));
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_EQ(run.out, "formatted " + messy.string() + "\n") << describe(run);
  EXPECT_EQ(read_all(messy), canonical.out);
  EXPECT_EQ(fs::status(messy).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "a temporary file was left behind";

  const Result again = run_ectflow("fmt --check " + quoted(dir.str()));
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_EQ(again.out, "") << describe(again);
}

TEST(Fmt, FileThatDoesNotParseIsReportedAndLeftAlone) {
  const TempDir dir;
  const fs::path broken = dir.write("broken.flow", kBroken);
  const fs::path messy = dir.write("messy.flow", kMessy);
  const Result run = run_ectflow("fmt " + quoted(dir.str()));
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_EQ(read_all(broken), kBroken);
  EXPECT_NE(run.err.find(broken.string() + ":1:"), std::string::npos) << describe(run);
  EXPECT_NE(run.err.find("1 error, 0 warnings\n"), std::string::npos) << describe(run);
  EXPECT_NE(read_all(messy), kMessy) << "other files are still formatted";
}

}  // namespace
}  // namespace ectflow::cli_test
