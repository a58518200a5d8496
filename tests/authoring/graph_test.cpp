// `ectflow graph` output: golden DOT and Mermaid for a fixture journey, and Graphviz accepts the
// DOT of it and of every journey in flows/. Refresh the golden files with
//   ECTFLOW_UPDATE_GOLDEN=1 build/dev/tests/test_authoring --gtest_filter='DrawJourney.*'
// and review the diff.
#include "authoring/graph.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "syntax/parser.hpp"

namespace ectflow {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(ECTFLOW_SOURCE_DIR) / "tests/authoring/fixtures";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Parsed {
  SourceSet sources;
  syntax::ParseResult result;
};

std::unique_ptr<Parsed> parse_file(const fs::path& path) {
  auto parsed = std::make_unique<Parsed>();
  FileId id = parsed->sources.add(path.string(), read(path));
  syntax::ExprId next = 1;
  parsed->result = syntax::parse_flow(parsed->sources, id, next);
  EXPECT_FALSE(has_errors(parsed->result.diagnostics))
      << render_diagnostics(parsed->result.diagnostics, parsed->sources, DiagnosticFormat::text);
  return parsed;
}

std::vector<const syntax::Journey*> journeys(const Parsed& parsed) {
  std::vector<const syntax::Journey*> found;
  for (const auto& d : parsed.result.file.declarations) {
    if (const auto* j = std::get_if<syntax::Journey>(&d)) found.push_back(j);
  }
  return found;
}

void expect_golden(const std::string& actual, const fs::path& expected_file) {
  const char* update = std::getenv("ECTFLOW_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(expected_file, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_file))
      << expected_file << " is missing; run with ECTFLOW_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, read(expected_file))
      << "differs from " << expected_file
      << "; if the change is right, run with ECTFLOW_UPDATE_GOLDEN=1";
}

TEST(DrawJourney, DotMatchesGolden) {
  auto parsed = parse_file(kFixtures / "graph_journey.flow");
  ASSERT_EQ(journeys(*parsed).size(), 1u);
  expect_golden(draw_journey(*journeys(*parsed).front(), GraphFormat::dot),
                kFixtures / "graph_journey.dot");
}

TEST(DrawJourney, MermaidMatchesGolden) {
  auto parsed = parse_file(kFixtures / "graph_journey.flow");
  ASSERT_EQ(journeys(*parsed).size(), 1u);
  expect_golden(draw_journey(*journeys(*parsed).front(), GraphFormat::mermaid),
                kFixtures / "graph_journey.mmd");
}

TEST(DrawJourney, IsDeterministic) {
  auto first = parse_file(kFixtures / "graph_journey.flow");
  auto second = parse_file(kFixtures / "graph_journey.flow");
  for (GraphFormat format : {GraphFormat::dot, GraphFormat::mermaid}) {
    EXPECT_EQ(draw_journey(*journeys(*first).front(), format),
              draw_journey(*journeys(*second).front(), format));
  }
}

// Runs Graphviz on the DOT text; a missing `dot` fails (the shell's exit status 127), never skips.
void expect_graphviz_renders(const std::string& dot_text, const std::string& what) {
  SCOPED_TRACE(what);
  fs::path input =
      fs::temp_directory_path() / ("ectflow_graph_test_" + std::to_string(getpid()) + ".dot");
  std::ofstream(input, std::ios::binary) << dot_text;
  std::string command = "dot -Tsvg '" + input.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr) << "cannot run " << command;
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  int status = pclose(pipe);
  fs::remove(input);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "`dot -Tsvg` failed (Graphviz must be installed for these tests):\n"
      << output << "\n"
      << dot_text;
  EXPECT_NE(output.find("<svg"), std::string::npos) << output;
}

TEST(DrawJourney, GraphvizRendersTheFixture) {
  auto parsed = parse_file(kFixtures / "graph_journey.flow");
  expect_graphviz_renders(draw_journey(*journeys(*parsed).front(), GraphFormat::dot),
                          "graph_journey.flow");
}

TEST(DrawJourney, GraphvizRendersEveryProjectJourney) {
  fs::path flows = fs::path(ECTFLOW_SOURCE_DIR) / "flows";
  if (!fs::is_directory(flows)) GTEST_SKIP() << "no flows/ yet";
  for (const auto& entry : fs::recursive_directory_iterator(flows)) {
    if (entry.path().extension() != ".flow") continue;
    auto parsed = parse_file(entry.path());
    for (const syntax::Journey* j : journeys(*parsed)) {
      expect_graphviz_renders(draw_journey(*j, GraphFormat::dot),
                              entry.path().filename().string() + ": " + j->name.text);
    }
  }
}

}  // namespace
}  // namespace ectflow
