// The text format, character for character: header, quoted line, caret, help, notes, summary.
#include <gtest/gtest.h>

#include "diagnostic_builders.hpp"

namespace ectflow {
namespace {

using testing_support::diagnostic;
using testing_support::span_of;

std::string text_of(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  return render_diagnostics(diagnostics, sources, DiagnosticFormat::text);
}

// One diagnostic on a one-line file, underlining `needle`.
std::string render_one(std::string line, std::string_view needle) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", std::move(line));
  return text_of({diagnostic(Severity::error, "c", span_of(sources, id, needle), "m")}, sources);
}

TEST(RenderText, NoDiagnostics) {
  EXPECT_EQ(text_of({}, SourceSet{}), "no problems found\n");
}

TEST(RenderText, ErrorWithReplacementAndNote) {
  SourceSet sources;
  const FileId id = sources.add("flows/register.flow",
                                "journey register_ect\n"
                                "  step start\n"
                                "    next emial\n"
                                "\n"
                                "  step email\n");
  Diagnostic d = diagnostic(Severity::error, "unknown-step", span_of(sources, id, "emial"),
                            "next goes to \"emial\", which is not a step; did you mean \"email\"?");
  d.replacement = "email";
  d.notes.push_back({span_of(sources, id, "email\n"), "\"email\" is declared here"});
  d.notes.back().span.end -= 1;
  EXPECT_EQ(text_of({d}, sources),
            "flows/register.flow:3:10: error[unknown-step]: next goes to \"emial\", which is not "
            "a step; did you mean \"email\"?\n"
            "    3 |     next emial\n"
            "      |          ^~~~~\n"
            "      = help: replace with \"email\"\n"
            "flows/register.flow:5:8: note: \"email\" is declared here\n"
            "    5 |   step email\n"
            "      |        ^~~~~\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, SummaryCountsErrorsAndWarnings) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "x\n");
  const Span span{id, 0, 1};
  const auto summary = [&](std::vector<Diagnostic> diagnostics) {
    const std::string text = text_of(diagnostics, sources);
    const std::size_t last_line = text.rfind('\n', text.size() - 2);
    return text.substr(last_line + 1);
  };
  EXPECT_EQ(summary({diagnostic(Severity::warning, "w", span, "m")}), "0 errors, 1 warning\n");
  EXPECT_EQ(summary({diagnostic(Severity::error, "e", span, "m"),
                     diagnostic(Severity::error, "e", span, "m"),
                     diagnostic(Severity::warning, "w", span, "m"),
                     diagnostic(Severity::warning, "w", span, "m"),
                     diagnostic(Severity::note, "n", span, "m")}),
            "2 errors, 2 warnings\n");
}

TEST(RenderText, SeverityInHeader) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "step x\n");
  const std::string text = text_of(
      {diagnostic(Severity::warning, "unreachable-step", {id, 5, 6}, "never reached")}, sources);
  EXPECT_EQ(text,
            "a.flow:1:6: warning[unreachable-step]: never reached\n"
            "    1 | step x\n"
            "      |      ^\n"
            "0 errors, 1 warning\n");
}

TEST(RenderText, ColumnsCountCodePointsAndCaretFollows) {
  // "café" and "€" are multi-byte: the column counts code points, the caret lines up.
  EXPECT_EQ(render_one("title \"caf\xC3\xA9 \xE2\x82\xAC\" next", "next"),
            "a.flow:1:16: error[c]: m\n"
            "    1 | title \"caf\xC3\xA9 \xE2\x82\xAC\" next\n"
            "      |                ^~~~\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, WideCharactersTakeTwoCells) {
  EXPECT_EQ(render_one("\"\xE6\x97\xA5\xE6\x9C\xAC\" x", "x"),  // "日本" x
            "a.flow:1:6: error[c]: m\n"
            "    1 | \"\xE6\x97\xA5\xE6\x9C\xAC\" x\n"
            "      |        ^\n"
            "1 error, 0 warnings\n");
  EXPECT_EQ(render_one("a \xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5\xE6\x9C\xAC"),
            "a.flow:1:3: error[c]: m\n"
            "    1 | a \xE6\x97\xA5\xE6\x9C\xAC\n"
            "      |   ^~~~\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, TabsBecomeSpacesAndCaretLinesUp) {
  EXPECT_EQ(render_one("\tnext\temial", "emial"),
            "a.flow:1:7: error[c]: m\n"
            "    1 |     next    emial\n"
            "      |             ^~~~~\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, ControlCharactersAndInvalidUtf8AreReplaced) {
  EXPECT_EQ(render_one("a\x1B[31m\xFF\x7F x", "x"),
            "a.flow:1:10: error[c]: m\n"
            "    1 | a\xEF\xBF\xBD[31m\xEF\xBF\xBD\xEF\xBF\xBD x\n"
            "      |          ^\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, MessageAndPathAreSanitised) {
  SourceSet sources;
  const FileId id = sources.add("odd\x1B.flow", "x");
  EXPECT_EQ(text_of({diagnostic(Severity::error, "c", {id, 0, 1}, "bad\ttab\x07")}, sources),
            "odd\xEF\xBF\xBD.flow:1:1: error[c]: bad tab\xEF\xBF\xBD\n"
            "    1 | x\n"
            "      | ^\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, SpanOverSeveralLinesUnderlinesToEndOfFirstLine) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "step one\n  ask x\nend\n");
  const Span span{id, 5, 20};
  EXPECT_EQ(text_of({diagnostic(Severity::error, "c", span, "m")}, sources),
            "a.flow:1:6: error[c]: m\n"
            "    1 | step one\n"
            "      |      ^~~\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, EmptySpanAtEndOfLine) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "ask name\r\nnext\r\n");
  EXPECT_EQ(text_of({diagnostic(Severity::error, "expected-as", {id, 8, 8}, "m")}, sources),
            "a.flow:1:9: error[expected-as]: m\n"
            "    1 | ask name\n"
            "      |         ^\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, EmptyFileHasNoQuote) {
  SourceSet sources;
  const FileId id = sources.add("flows/missing.flow", "");
  EXPECT_EQ(
      text_of({diagnostic(Severity::error, "file-unreadable", {id, 0, 0}, "cannot read this file")},
              sources),
      "flows/missing.flow:1:1: error[file-unreadable]: cannot read this file\n"
      "1 error, 0 warnings\n");
}

TEST(RenderText, UnknownFileHasNoLocation) {
  EXPECT_EQ(text_of({diagnostic(Severity::error, "c", {7, 0, 0}, "m")}, SourceSet{}),
            "error[c]: m\n1 error, 0 warnings\n");
}

TEST(RenderText, ReplacementIsQuotedOnOneLine) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "x");
  Diagnostic removal = diagnostic(Severity::error, "c", {id, 0, 1}, "m");
  removal.replacement = "";
  Diagnostic quoted = removal;
  quoted.replacement = "say \"hi\"\n\\";
  const std::string text = text_of({removal, quoted}, sources);
  EXPECT_NE(text.find("      = help: remove this\n"), std::string::npos) << text;
  EXPECT_NE(text.find("      = help: replace with \"say \\\"hi\\\"\\n\\\\\"\n"), std::string::npos)
      << text;
}

TEST(RenderText, GutterWidensForLongFiles) {
  SourceSet sources;
  const FileId id = sources.add("big.flow", std::string(123456, '\n') + "x");
  EXPECT_EQ(text_of({diagnostic(Severity::error, "c", span_of(sources, id, "x"), "m")}, sources),
            "big.flow:123457:1: error[c]: m\n"
            "123457 | x\n"
            "       | ^\n"
            "1 error, 0 warnings\n");
}

TEST(RenderText, LongLineShowsWindowAroundCaret) {
  const std::string line = std::string(300, 'a') + " target " + std::string(300, 'b');
  const std::string text = render_one(line, "target");
  const std::string expected_quote = "    1 | ..." + std::string(39, 'a') + " target " +
                                     std::string(113, 'b') + "...\n" + "      | " +
                                     std::string(43, ' ') + "^~~~~~\n";
  EXPECT_NE(text.find(expected_quote), std::string::npos) << text;
}

}  // namespace
}  // namespace ectflow
