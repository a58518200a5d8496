// Golden tests: each tests/golden/cases/NAME.flow is checked on its own and its text report must
// equal NAME.expected byte for byte. Refresh with `scripts/update-golden.sh`, then review the diff.
//
// Two directives, on a case's first line, make inputs a file cannot hold:
//   # golden: repeat-past-size-limit   the text is repeated until it exceeds kMaxFlowFileBytes
//   # golden: missing-path              check a path that does not exist instead of the file
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "ectflow/engine.hpp"

namespace ectflow {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = ECTFLOW_SOURCE_DIR;
const fs::path kCases = kRoot / "tests" / "golden" / "cases";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string report_for(const fs::path& case_file) {
  const std::string relative = fs::relative(case_file, kRoot).generic_string();
  std::string text = read(case_file);
  CheckReport report;
  // Loading an engine, as `ectflow check` does: hooks' Lua files resolve in the cases folder.
  const EngineOptions options{kCases.string()};
  if (text.rfind("# golden: missing-path", 0) == 0) {
    report = Engine::load({relative + ".missing"}, options).report;
  } else {
    if (text.rfind("# golden: repeat-past-size-limit", 0) == 0) {
      const std::string unit = text;
      while (text.size() <= kMaxFlowFileBytes) text += unit;
    }
    report = Engine::load_sources({SourceFile{relative, std::move(text)}}, options).report;
  }
  return render_diagnostics(report.diagnostics, report.sources, DiagnosticFormat::text);
}

std::vector<fs::path> cases() {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.path().extension() == ".flow") found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST(Golden, EveryCaseGivesItsExpectedReport) {
  const bool update = std::getenv("ECTFLOW_UPDATE_GOLDEN") != nullptr;
  auto all = cases();
  ASSERT_GE(all.size(), 30u) << "at least 30 golden cases";
  for (const fs::path& flow : all) {
    fs::path expected_path = flow;
    expected_path.replace_extension(".expected");
    std::string actual = report_for(flow);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing; run scripts/update-golden.sh";
    EXPECT_EQ(read(expected_path), actual) << "golden mismatch for " << flow.filename();
  }
}

// Every code docs/diagnostics.md documents has a golden case that produces it.
TEST(Golden, EveryDocumentedCodeHasACase) {
  std::string docs = read(kRoot / "docs" / "diagnostics.md");
  std::regex heading(R"(^### `([a-z0-9-]+)`)", std::regex::multiline);
  std::set<std::string> documented;
  for (auto it = std::sregex_iterator(docs.begin(), docs.end(), heading); it != std::sregex_iterator(); ++it) {
    documented.insert((*it)[1]);
  }
  ASSERT_GE(documented.size(), 30u);
  std::string all_expected;
  for (const fs::path& flow : cases()) {
    fs::path expected = flow;
    all_expected += read(expected.replace_extension(".expected"));
  }
  for (const std::string& code : documented) {
    EXPECT_NE(all_expected.find("[" + code + "]"), std::string::npos)
        << "documented code `" << code << "` has no golden case producing it";
  }
}

}  // namespace
}  // namespace ectflow
