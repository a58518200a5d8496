// `ectflow replay` and `ectflow paths` as a researcher runs them: failures with file, step and line,
// the summary line and the exit code, transcripts and coverage files written, generated scenarios
// that replay green.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

const fs::path kRoot = ECTFLOW_SOURCE_DIR;

std::string scenario(const std::string& title) {
  return R"(scenario: Julie's page
flows: )" + (kRoot / "flows").string() + R"(
given:
  schools:
    - urn: "100001"
      name: Example Primary
      mentors: [{ id: m1, trn: "1234567", name: Julie Carver, cohort: 2024 }]
as: { school: "100001" }
steps:
  - view: { mentor: m1 }
  - expect: { title: )" + title + " }\n";
}

TEST(ReplayCommand, PassingAndFailingScenariosThenTheSummaryAndExitCode) {
  TempDir dir;
  dir.write("good.yaml", scenario("Julie Carver"));
  dir.write("bad.yaml", scenario("Julie Smith"));
  dir.write("broken.yml", "scenario: [\n");
  Result r = run_ectflow("replay " + quoted(dir.str()));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("ok    Julie's page (" + (dir.path() / "good.yaml").string() + ")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find((dir.path() / "bad.yaml").string() + ":11: step 2: title: expected \"Julie Smith\", saw \"Julie Carver\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find((dir.path() / "broken.yml").string() + ":2: error: this is not valid YAML"), std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.ends_with("\n1 passed, 2 failed\n")) << r.out;  // the last line, exactly
}

TEST(ReplayCommand, AllGreenExitsZeroOnEachStore) {
  TempDir dir;
  dir.write("good.yaml", scenario("Julie Carver"));
  for (const char* db : {"sqlite", "memory"}) {
    Result r = run_ectflow("replay --db " + std::string(db) + " " + quoted(dir.str()));
    EXPECT_EQ(r.exit_code, 0) << db << r.out << r.err;
    EXPECT_NE(r.out.find("1 passed, 0 failed"), std::string::npos) << r.out;
  }
}

TEST(ReplayCommand, AMissingPathIsAFailureNamingIt) {
  Result r = run_ectflow("replay /no/such/scenarios.yaml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/no/such/scenarios.yaml: no such file or folder"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("0 passed, 1 failed"), std::string::npos) << r.out;
}

TEST(ReplayCommand, AHugeFileIsRefusedUnread) {
  TempDir dir;
  const fs::path huge = dir.write("huge.yaml", "scenario: x\n");
  fs::resize_file(huge, std::uintmax_t{4} << 30);  // 4 GiB, sparse: reading it would not fit
  Result r = run_ectflow("replay " + quoted(huge.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("huge.yaml: error: the file is 4294967296 bytes; a scenario is at most 1048576"), std::string::npos)
      << r.out;
}

TEST(ReplayCommand, TranscriptsAndCoverageAreWritten) {
  TempDir dir;
  dir.write("julie.yaml", scenario("Julie Carver"));
  const std::string css = (kRoot / ".cache/govuk-frontend/dist/govuk/govuk-frontend.min.css").string();
  ASSERT_TRUE(fs::exists(css)) << css << " is missing: run scripts/fetch-govuk-frontend.sh";
  Result r = run_ectflow("replay " + quoted(dir.str()) + " --transcript " + quoted((dir.path() / "t").string()) +
                         " --govuk-css " + quoted(css) + " --coverage --coverage-json " +
                         quoted((dir.path() / "coverage.json").string()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(read_all(dir.path() / "t/julie.md").find("Julie Carver"), std::string::npos);
  EXPECT_NE(read_all(dir.path() / "t/julie.html").find("govuk-template"), std::string::npos);
  EXPECT_NE(r.out.find("register_ect"), std::string::npos) << r.out;  // the coverage table
  const auto coverage = nlohmann::json::parse(read_all(dir.path() / "coverage.json"));
  EXPECT_GT(coverage["total"]["steps"]["total"].get<int>(), 0);
  Result under = run_ectflow("replay " + quoted(dir.str()) + " --fail-under 100");
  EXPECT_EQ(under.exit_code, 1);
  EXPECT_NE(under.out.find("step coverage"), std::string::npos) << under.out;
}

TEST(PathsCommand, WritesScenariosThatReplayGreenAndListsWhatItCouldNotReach) {
  TempDir dir;
  const std::string out = (dir.path() / "assign").string();
  Result r = run_ectflow("paths change_mentor --flows " + quoted((kRoot / "flows").string()) + " --given " +
                         quoted((kRoot / "examples/world.json").string()) + " --out " + quoted(out));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("wrote "), std::string::npos) << r.out;
  Result replayed = run_ectflow("replay " + quoted(out));
  EXPECT_EQ(replayed.exit_code, 0) << replayed.out;
  EXPECT_NE(replayed.out.find(" 0 failed"), std::string::npos) << replayed.out;
  Result unknown = run_ectflow("paths fly_to_the_moon --flows " + quoted((kRoot / "flows").string()) + " --given " +
                               quoted((kRoot / "examples/world.json").string()) + " --out " + quoted(out));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no journey named fly_to_the_moon"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace ectflow::cli_test
