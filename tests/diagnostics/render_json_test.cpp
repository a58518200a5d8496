// The json format: one object per diagnostic with resolved positions, plus the totals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "diagnostic_builders.hpp"

namespace ectflow {
namespace {

using nlohmann::json;
using testing_support::diagnostic;
using testing_support::span_of;

json render(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  return json::parse(render_diagnostics(diagnostics, sources, DiagnosticFormat::json));
}

TEST(RenderJson, Empty) {
  EXPECT_EQ(render({}, SourceSet{}),
            json::parse(R"({"diagnostics": [], "errors": 0, "warnings": 0})"));
}

TEST(RenderJson, DiagnosticWithReplacementAndNote) {
  SourceSet sources;
  const FileId id = sources.add("flows/r\xC3\xA9gister.flow", "step \xC3\xA9tape\n  next emial\n");
  Diagnostic d = diagnostic(Severity::error, "unknown-step", span_of(sources, id, "emial"), "bad");
  d.replacement = "email";
  d.notes.push_back({span_of(sources, id, "tape"), "declared here"});
  const json expected = json::parse(R"({
    "diagnostics": [{
      "file": "flows/régister.flow", "line": 2, "column": 8, "end_line": 2, "end_column": 13,
      "severity": "error", "code": "unknown-step", "message": "bad", "replacement": "email",
      "notes": [{"file": "flows/régister.flow", "line": 1, "column": 7, "message": "declared here"}]
    }],
    "errors": 1, "warnings": 0})");
  EXPECT_EQ(render({d}, sources), expected);
}

TEST(RenderJson, KeysInDocumentedOrderAndReplacementOnlyWhenSet) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "x\ny\n");
  const std::string text = render_diagnostics({diagnostic(Severity::warning, "w", {id, 0, 3}, "m")},
                                              sources, DiagnosticFormat::json);
  const json document = json::parse(text);
  const json& object = document["diagnostics"][0];
  EXPECT_FALSE(object.contains("replacement"));
  EXPECT_EQ(object["end_line"], 2);
  EXPECT_EQ(object["end_column"], 2);
  EXPECT_EQ(object["notes"], json::array());
  EXPECT_EQ(document["warnings"], 1);
  EXPECT_LT(text.find("\"file\""), text.find("\"line\""));
  EXPECT_LT(text.find("\"severity\""), text.find("\"message\""));
  EXPECT_LT(text.find("\"diagnostics\""), text.find("\"errors\""));
}

TEST(RenderJson, InvalidUtf8BecomesReplacementCharacter) {
  SourceSet sources;
  const FileId id = sources.add("bad\xFF.flow", "x");
  const json document =
      render({diagnostic(Severity::error, "c", {id, 0, 1}, "odd \xC3 byte")}, sources);
  EXPECT_EQ(document["diagnostics"][0]["file"], "bad\xEF\xBF\xBD.flow");
  EXPECT_EQ(document["diagnostics"][0]["message"], "odd \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace ectflow
