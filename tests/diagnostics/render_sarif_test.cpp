// The sarif format: the parts of SARIF 2.1.0 the schema cannot check (rule indexes, columns,
// URIs, fixes). sarif_schema_test.cpp checks the log against the official schema.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "diagnostic_builders.hpp"

namespace ectflow {
namespace {

using nlohmann::json;
using testing_support::diagnostic;
using testing_support::span_of;

json render(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  return json::parse(render_diagnostics(diagnostics, sources, DiagnosticFormat::sarif));
}

TEST(RenderSarif, EmptyLogHasOneRun) {
  const json log = render({}, SourceSet{});
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "ectflow");
  EXPECT_TRUE(run["tool"]["driver"]["informationUri"].is_string());
  EXPECT_EQ(run["tool"]["driver"]["rules"], json::array());
  EXPECT_EQ(run["results"], json::array());
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_TRUE(run["originalUriBaseIds"].contains("SRCROOT"));
}

TEST(RenderSarif, OneRulePerCodeAndResultsPointAtTheirRule) {
  SourceSet sources;
  const FileId id = sources.add("flows/a.flow", "a b c\n");
  const json log = render({diagnostic(Severity::error, "unknown-step", {id, 0, 1}, "m"),
                           diagnostic(Severity::warning, "dead-end", {id, 2, 3}, "m"),
                           diagnostic(Severity::note, "unknown-step", {id, 4, 5}, "m")},
                          sources);
  const json& run = log["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  for (const json& result : run["results"]) {
    const json& rule = rules.at(result["ruleIndex"].get<std::size_t>());
    EXPECT_EQ(rule["id"], result["ruleId"]);
    const std::string help = rule["helpUri"].get<std::string>();
    EXPECT_NE(help.find("/docs/diagnostics.md#"), std::string::npos) << help;
    EXPECT_EQ(help.substr(help.find('#') + 1), result["ruleId"]) << help;
  }
  EXPECT_EQ(run["results"][0]["level"], "error");
  EXPECT_EQ(run["results"][1]["level"], "warning");
  EXPECT_EQ(run["results"][2]["level"], "note");
}

TEST(RenderSarif, LocationRegionNotesAndFix) {
  SourceSet sources;
  const FileId id =
      sources.add("./flows/my r\xC3\xA9gister.flow", "step \xC3\xA9tape\n  next emial\n");
  Diagnostic d = diagnostic(Severity::error, "unknown-step", span_of(sources, id, "emial"), "bad");
  d.replacement = "email";
  d.notes.push_back({span_of(sources, id, "tape"), "declared here"});
  const json result = render({d}, sources)["runs"][0]["results"][0];
  const json expected_artifact =
      json::parse(R"({"uri": "flows/my%20r%C3%A9gister.flow", "uriBaseId": "SRCROOT"})");
  const json expected_region =
      json::parse(R"({"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 13})");
  const json& physical = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"], expected_artifact);
  EXPECT_EQ(physical["region"], expected_region);
  EXPECT_EQ(result["message"]["text"], "bad");

  const json& note = result["relatedLocations"][0];
  EXPECT_EQ(note["id"], 0);
  EXPECT_EQ(note["message"]["text"], "declared here");
  EXPECT_EQ(note["physicalLocation"]["region"]["startColumn"], 7);

  const json& change = result["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"], expected_artifact);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"], expected_region);
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "email");
}

TEST(RenderSarif, AbsolutePathIsFileUri) {
  SourceSet sources;
  const FileId id = sources.add("/tmp/flows/a b.flow", "x");
  const json result =
      render({diagnostic(Severity::error, "c", {id, 0, 1}, "m")}, sources)["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"],
            json::parse(R"({"uri": "file:///tmp/flows/a%20b.flow"})"));
}

TEST(RenderSarif, NoReplacementNoFixes) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "x");
  const json result =
      render({diagnostic(Severity::error, "c", {id, 0, 1}, "m")}, sources)["runs"][0]["results"][0];
  EXPECT_FALSE(result.contains("fixes"));
  EXPECT_FALSE(result.contains("relatedLocations"));
}

}  // namespace
}  // namespace ectflow
