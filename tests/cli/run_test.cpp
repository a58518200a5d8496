// `ectflow run`: the scripted demo's transcript (a golden file), answers from a pipe, and the
// clear errors for a bad world or journey.
#include <gtest/gtest.h>

#include <cstdlib>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

const fs::path kRoot = ECTFLOW_SOURCE_DIR;

// `rest` first: --flows takes several values and would swallow a journey's name after it.
std::string run_args(const std::string& rest, const fs::path& input = "/dev/null") {
  return "run " + rest + " --world " + quoted((kRoot / "examples/world.json").string()) +
         " --as 100001 --today 2025-09-01 --flows " + quoted((kRoot / "flows").string()) + " < " +
         quoted(input.string());
}

TEST(Run, TheDemoTranscript) {
  Result r = run_ectflow(run_args("--view school", kRoot / "examples/demo.txt"));
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  const fs::path golden = kRoot / "tests/cli/fixtures/demo_transcript.txt";
  if (std::getenv("ECTFLOW_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << r.out;
    return;
  }
  EXPECT_EQ(read_all(golden), r.out);
  // The seed's story, in the words a school sees.
  EXPECT_NE(r.out.find("Chloe Brown (e3) [Action required] A mentor needs to be assigned to Chloe Brown"),
            std::string::npos);
  EXPECT_NE(r.out.find("== Who would you like to assign to Priya Shah? =="), std::string::npos);
  EXPECT_NE(r.out.find("== Priya Shah has been assigned to Chloe Brown =="), std::string::npos);
  EXPECT_NE(r.out.find("Chloe Brown (e3) [Registered]"), std::string::npos);
}

TEST(Run, AJourneyWithPipedAnswersShowsErrorsThenGoesOn) {
  TempDir dir;
  Result r = run_ectflow(run_args("assign_mentor --with e3", dir.write("answers.txt", "\n1\nconfirm\n")));
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_NE(r.out.find("! Select a mentor from the list provided or choose to register a new mentor [mentor_blank]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("== Julie Carver will mentor Chloe Brown =="), std::string::npos) << r.out;
}

TEST(Run, ProblemsAreClear) {
  Result nothing_to_run = run_ectflow("run --as 100001 --world " + quoted((kRoot / "examples/world.json").string()));
  EXPECT_EQ(nothing_to_run.exit_code, 2) << describe(nothing_to_run);
  EXPECT_NE(nothing_to_run.err.find("give a JOURNEY or --view NAME"), std::string::npos) << describe(nothing_to_run);

  TempDir dir;
  fs::path bad = dir.write("world.json", R"({"schools": [{"urn": "1", "nmae": "x"}]})");
  Result bad_world = run_ectflow("run assign_mentor --with e1 --as 1 --world " + quoted(bad.string()) + " --flows " +
                                 quoted((kRoot / "flows").string()) + " < /dev/null");
  EXPECT_EQ(bad_world.out, "");
  EXPECT_EQ(bad_world.exit_code, 1) << describe(bad_world);
  EXPECT_NE(bad_world.err.find("nmae"), std::string::npos) << describe(bad_world);

  Result unknown = run_ectflow(run_args("nosuch"));
  EXPECT_EQ(unknown.exit_code, 1) << describe(unknown);
  EXPECT_NE(unknown.out.find("[unknown-journey]"), std::string::npos) << describe(unknown);
}

}  // namespace
}  // namespace ectflow::cli_test
