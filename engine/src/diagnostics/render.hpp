// What the three renderers share: where a span is in line:column terms, and the totals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/diagnostics.hpp"

namespace ectflow::diagnostics {

// A span resolved for reporting: path and 1-based start and (exclusive) end positions.
struct Location {
  FileId file = 0;
  std::string_view path;
  LineColumn start;
  LineColumn end;
};

// Empty when the span names a file the set does not hold.
std::optional<Location> locate(const SourceSet& sources, Span span);

struct Totals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
Totals count_severities(const std::vector<Diagnostic>& diagnostics);

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources);
std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources);
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources);

}  // namespace ectflow::diagnostics
