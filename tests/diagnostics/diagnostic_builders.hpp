// Small helpers the diagnostics tests share: find a span by its text, build a diagnostic.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "ectflow/diagnostics.hpp"

namespace ectflow::testing_support {

// The span of the first occurrence of `needle` in the file (fails the test when absent).
inline Span span_of(const SourceSet& sources, FileId file, std::string_view needle) {
  const std::string_view text = sources.file(file).text;
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << "no \"" << needle << "\" in " << sources.file(file).path;
  const auto begin = static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : at);
  return {file, begin, begin + static_cast<std::uint32_t>(needle.size())};
}

inline Diagnostic diagnostic(Severity severity, std::string code, Span span, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  return d;
}

}  // namespace ectflow::testing_support
