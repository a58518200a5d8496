// `ectflow check --watch`: checks again after a flow file changes, appears or goes, and stops
// cleanly on SIGTERM.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

// Every check run ends with one summary line.
bool is_summary(const std::string& line) {
  static const std::regex summary("no problems found\n|[0-9]+ errors?, [0-9]+ warnings?\n");
  return std::regex_match(line, summary);
}

int count_summaries(const std::string& transcript) {
  int count = 0;
  std::istringstream lines(transcript);
  for (std::string line; std::getline(lines, line);) count += is_summary(line + "\n");
  return count;
}

// Reads lines until one is a summary line or the stream ends; true on a summary.
bool read_one_run(FILE* pipe, std::string& transcript) {
  char line[4096];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    transcript += line;
    if (is_summary(line)) return true;
  }
  return false;
}

struct Change {
  const char* name;
  std::function<void(const TempDir&)> apply;
};

// Test names in ctest show the case's name rather than its bytes.
void PrintTo(const Change& c, std::ostream* out) {
  *out << c.name;
}

class WatchChange : public testing::TestWithParam<Change> {};

TEST_P(WatchChange, ChecksAgain) {
  const TempDir dir;
  dir.write("mentors.flow", "# mentors\n");
  const std::string command = "timeout 60 " + quoted(ECTFLOW_BINARY) +
                              " check --watch --watch-max-runs 2 " + quoted(dir.str()) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string transcript;
  const bool first_run = read_one_run(pipe, transcript);
  if (first_run) GetParam().apply(dir);
  while (read_one_run(pipe, transcript)) {
  }
  const int exit_code = exit_code_of(::pclose(pipe));

  ASSERT_TRUE(first_run) << transcript;
  EXPECT_TRUE(exit_code == 0 || exit_code == 1) << "exit " << exit_code << "\n" << transcript;
  EXPECT_EQ(count_summaries(transcript), 2) << transcript;
  EXPECT_TRUE(std::regex_search(
      transcript, std::regex("\n--- [0-9]{2}:[0-9]{2}:[0-9]{2} flow files changed; checking")))
      << transcript;
}

INSTANTIATE_TEST_SUITE_P(
    Changes, WatchChange,
    testing::Values(
        Change{"modified", [](const TempDir& dir) { dir.write("mentors.flow", "# mentors v2\n"); }},
        Change{"created", [](const TempDir& dir) { dir.write("schools.flow", "# schools\n"); }},
        Change{"removed", [](const TempDir& dir) { fs::remove(dir.path() / "mentors.flow"); }}),
    [](const testing::TestParamInfo<Change>& info) { return info.param.name; });

TEST(Watch, StopsOnSigterm) {
  const TempDir dir;
  dir.write("mentors.flow", "# mentors\n");
  const fs::path log = dir.path() / "watch.log";
  // Start the watch, wait (at most 30 s) for its first summary, then ask it to stop.
  const std::string script =
      quoted(ECTFLOW_BINARY) + " check --watch " + quoted(dir.str()) + " > " +
      quoted(log.string()) + " 2>&1 & pid=$!; " +
      "for i in $(seq 300); do grep -qE '^(no problems found|[0-9]+ errors?, )' " +
      quoted(log.string()) + " && break; sleep 0.1; done; " +
      "kill -TERM $pid; wait $pid; echo \"exit $?\"";
  const std::string command = "timeout 60 sh -c " + quoted(script);
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[256] = {};
  const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
  ::pclose(pipe);
  ASSERT_TRUE(got) << read_all(log);
  // It stops by itself with the last check's exit code rather than being killed (143).
  EXPECT_TRUE(std::string(line) == "exit 0\n" || std::string(line) == "exit 1\n")
      << line << read_all(log);
  EXPECT_EQ(count_summaries(read_all(log)), 1) << read_all(log);
}

}  // namespace
}  // namespace ectflow::cli_test
