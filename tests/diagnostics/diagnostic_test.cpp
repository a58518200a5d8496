// Severity names, the stable order of diagnostics, and has_errors.
#include <gtest/gtest.h>

#include "ectflow/diagnostics.hpp"

namespace ectflow {
namespace {

Diagnostic make(Severity severity, FileId file, std::uint32_t begin, std::string code) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.span = {file, begin, begin + 1};
  diagnostic.code = std::move(code);
  return diagnostic;
}

TEST(Severity, Names) {
  EXPECT_EQ(to_string(Severity::error), "error");
  EXPECT_EQ(to_string(Severity::warning), "warning");
  EXPECT_EQ(to_string(Severity::note), "note");
}

TEST(SortDiagnostics, ByFileThenOffsetThenCode) {
  std::vector<Diagnostic> diagnostics = {
      make(Severity::error, 1, 0, "a"), make(Severity::error, 0, 9, "a"),
      make(Severity::warning, 0, 3, "z"), make(Severity::error, 0, 3, "b")};
  sort_diagnostics(diagnostics);
  std::vector<std::pair<FileId, std::string>> order;
  for (const Diagnostic& d : diagnostics) order.emplace_back(d.span.file, d.code);
  const std::vector<std::pair<FileId, std::string>> expected = {
      {0, "b"}, {0, "z"}, {0, "a"}, {1, "a"}};
  EXPECT_EQ(order, expected);
  EXPECT_EQ(diagnostics[2].span.begin, 9u);
}

TEST(SortDiagnostics, KeepsEqualKeysInOrder) {
  std::vector<Diagnostic> diagnostics = {make(Severity::error, 0, 1, "same"),
                                         make(Severity::error, 0, 1, "same")};
  diagnostics[0].message = "first";
  diagnostics[1].message = "second";
  sort_diagnostics(diagnostics);
  EXPECT_EQ(diagnostics[0].message, "first");
}

TEST(HasErrors, OnlyErrorsCount) {
  EXPECT_FALSE(has_errors({}));
  EXPECT_FALSE(has_errors({make(Severity::warning, 0, 0, "w"), make(Severity::note, 0, 0, "n")}));
  EXPECT_TRUE(has_errors({make(Severity::warning, 0, 0, "w"), make(Severity::error, 0, 0, "e")}));
}

}  // namespace
}  // namespace ectflow
