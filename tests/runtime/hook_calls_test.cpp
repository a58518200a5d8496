// Hooks inside journeys: typed calls into Lua; a failing hook is a problem naming the Lua file and
// line, the page still comes, and the next call is unaffected. A missing or broken file is a
// diagnostic when the flows load.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ectflow/engine.hpp"
#include "runtime/size_up_flow.hpp"

namespace ectflow {
namespace {

using testing::kSizeUpFlow;

namespace fs = std::filesystem;

const char* kLua = R"(-- Bands a school by its number of pupils.
function band(size)
  if size < 0 then
    error("a school cannot have fewer than no pupils")
  end
  if size == 13 then
    while true do end
  end
  if size == 7 then
    return 7
  end
  if size > 500 then
    return "large"
  end
  return "small"
end
)";

class HookCalls : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("ectflow-hooks-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "rules");
    std::ofstream(root_ / "rules" / "band.lua") << kLua;
    LoadedEngine loaded = Engine::load_sources({SourceFile{"size.flow", kSizeUpFlow}}, EngineOptions{root_.string()});
    ASSERT_TRUE(loaded.engine) << render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                     DiagnosticFormat::text);
    engine_ = loaded.engine;
    std::vector<std::string> problems;
    store_ = make_memory_store(*engine_, R"({"schools": [{"urn": "1", "name": "A"}]})", today_, problems);
    ASSERT_TRUE(problems.empty());
  }
  void TearDown() override { fs::remove_all(root_); }

  JourneyResult answer(const std::string& size) {
    RunContext context{*store_, today_, "1"};
    JourneyResult r = start_journey(*engine_, "size_up", context);
    return submit(*engine_, r.instance, "size", {{"size", size}}, context);
  }

  fs::path root_;
  Date today_ = *Date::parse_iso("2025-09-01");
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Store> store_;
};

TEST_F(HookCalls, ATypedCall) {
  JourneyResult r = answer("900");
  EXPECT_EQ(r.page.title, "This school is large");
  EXPECT_TRUE(r.hook_problems.empty());
}

TEST_F(HookCalls, AnErrorNamesTheLuaFileAndLineAndTheEngineCarriesOn) {
  JourneyResult r = answer("-1");
  ASSERT_EQ(r.kind, JourneyResult::Kind::page);
  EXPECT_EQ(r.page.title, "This school is ");
  ASSERT_EQ(r.hook_problems.size(), 1u);
  EXPECT_NE(r.hook_problems[0].find("rules/band.lua:4:"), std::string::npos) << r.hook_problems[0];
  EXPECT_NE(r.hook_problems[0].find("hook-error"), std::string::npos) << r.hook_problems[0];
  EXPECT_EQ(answer("20").page.title, "This school is small");  // the next call is unaffected
}

TEST_F(HookCalls, ARunawayHookIsStopped) {
  JourneyResult r = answer("13");
  ASSERT_EQ(r.hook_problems.size(), 1u);
  EXPECT_NE(r.hook_problems[0].find("hook-timeout"), std::string::npos) << r.hook_problems[0];
  EXPECT_EQ(answer("20").page.title, "This school is small");
}

TEST_F(HookCalls, AWrongResultTypeIsAProblem) {
  JourneyResult r = answer("7");
  ASSERT_EQ(r.hook_problems.size(), 1u);
  EXPECT_NE(r.hook_problems[0].find("hook-bad-result"), std::string::npos) << r.hook_problems[0];
  EXPECT_NE(r.hook_problems[0].find("rules/band.lua:2:"), std::string::npos) << r.hook_problems[0];
}

TEST(HookFiles, AMissingOrBrokenFileIsADiagnosticAtLoad) {
  fs::path root = fs::temp_directory_path() / ("ectflow-hookfiles-" + std::to_string(::getpid()));
  fs::create_directories(root / "rules");
  LoadedEngine missing = Engine::load_sources({SourceFile{"size.flow", kSizeUpFlow}}, EngineOptions{root.string()});
  EXPECT_FALSE(missing.engine);
  ASSERT_FALSE(missing.report.diagnostics.empty());
  EXPECT_EQ(missing.report.diagnostics[0].code, "hook-file-missing");

  std::ofstream(root / "rules" / "band.lua") << "function band(size)\n  return (\nend\n";
  LoadedEngine broken = Engine::load_sources({SourceFile{"size.flow", kSizeUpFlow}}, EngineOptions{root.string()});
  EXPECT_FALSE(broken.engine);
  ASSERT_FALSE(broken.report.diagnostics.empty());
  EXPECT_EQ(broken.report.diagnostics[0].code, "hook-load-error");
  EXPECT_NE(broken.report.diagnostics[0].message.find("rules/band.lua:3"), std::string::npos)
      << broken.report.diagnostics[0].message;
  fs::remove_all(root);
}

}  // namespace
}  // namespace ectflow
