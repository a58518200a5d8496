// Flow snapshots: an engine can be stored as its sources and loaded again later, after the files
// on disk have changed, and keeps its version; the version covers the hooks' Lua files too.
#include <gtest/gtest.h>

#include "ectflow/engine.hpp"
#include "runtime/size_up_flow.hpp"

namespace ectflow {
namespace {

using testing::kSizeUpFlow;

const char* kSmallOrLarge = "function band(size) if size > 500 then return 'large' end return 'small' end\n";
const char* kAlwaysHuge = "function band(size) return 'huge' end\n";

std::shared_ptr<const Engine> load(const char* lua) {
  EngineOptions options;
  options.hook_sources = std::vector<SourceFile>{{"rules/band.lua", lua}};
  LoadedEngine loaded = Engine::load_sources({SourceFile{"size.flow", kSizeUpFlow}}, options);
  EXPECT_TRUE(loaded.engine) << render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                   DiagnosticFormat::text);
  return loaded.engine;
}

std::string outcome_title(const Engine& engine, const std::string& size) {
  auto store = make_memory_store(engine, R"({"schools": [{"urn": "100", "name": "Oak"}]})",
                                 Date::from_ymd(2025, 9, 1), *std::make_unique<std::vector<std::string>>());
  RunContext context{*store, Date::from_ymd(2025, 9, 1), "100"};
  JourneyResult started = start_journey(engine, "size_up", context);
  EXPECT_EQ(started.kind, JourneyResult::Kind::page) << started.problem;
  JourneyResult done = submit(engine, started.instance, "size", {{"size", size}}, context);
  EXPECT_EQ(done.kind, JourneyResult::Kind::page) << done.problem;
  return done.page.title;
}

TEST(FlowSnapshot, HoldsTheFlowsAndTheHookFilesButNotTheBuiltInLibrary) {
  auto engine = load(kSmallOrLarge);
  const FlowSnapshot& snapshot = engine->snapshot();
  EXPECT_EQ(snapshot.flow_version, engine->flow_version());
  ASSERT_EQ(snapshot.flows.size(), 1u);
  EXPECT_EQ(snapshot.flows[0].path, "size.flow");
  EXPECT_EQ(snapshot.flows[0].text, kSizeUpFlow);
  ASSERT_EQ(snapshot.hooks.size(), 1u);
  EXPECT_EQ(snapshot.hooks[0].path, "rules/band.lua");
  EXPECT_EQ(snapshot.hooks[0].text, kSmallOrLarge);
}

TEST(FlowSnapshot, AChangedHookFileIsANewVersion) {
  EXPECT_NE(load(kSmallOrLarge)->flow_version(), load(kAlwaysHuge)->flow_version());
  EXPECT_EQ(load(kSmallOrLarge)->flow_version(), load(kSmallOrLarge)->flow_version());
}

TEST(FlowSnapshot, ALoadedSnapshotRunsTheRulesItWasStoredWith) {
  auto old_engine = load(kSmallOrLarge);
  FlowSnapshot stored = old_engine->snapshot();
  auto new_engine = load(kAlwaysHuge);  // the files have moved on since
  LoadedEngine restored = Engine::load_snapshot(stored);
  ASSERT_TRUE(restored.engine);
  EXPECT_EQ(restored.engine->flow_version(), stored.flow_version);
  EXPECT_EQ(outcome_title(*restored.engine, "600"), "This school is large");
  EXPECT_EQ(outcome_title(*new_engine, "600"), "This school is huge");
}

TEST(FlowSnapshot, KeepsItsStoredVersionEvenWhenTheSourcesWouldHashDifferently) {
  // A newer ectflow may ship a different built-in library; the stored label still names it.
  FlowSnapshot stored = load(kSmallOrLarge)->snapshot();
  stored.flow_version = "0123456789abcdef";
  LoadedEngine restored = Engine::load_snapshot(stored);
  ASSERT_TRUE(restored.engine);
  EXPECT_EQ(restored.engine->flow_version(), "0123456789abcdef");
}

TEST(FlowSnapshot, ASnapshotMissingAHookFileIsADiagnostic) {
  FlowSnapshot stored = load(kSmallOrLarge)->snapshot();
  stored.hooks.clear();
  LoadedEngine restored = Engine::load_snapshot(stored);
  EXPECT_FALSE(restored.engine);
  ASSERT_FALSE(restored.report.diagnostics.empty());
  EXPECT_EQ(restored.report.diagnostics[0].code, "hook-file-missing");
}

}  // namespace
}  // namespace ectflow
