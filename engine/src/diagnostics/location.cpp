// Resolves spans to line:column for the renderers, and counts errors and warnings.
#include <algorithm>

#include "diagnostics/render.hpp"

namespace ectflow::diagnostics {

std::optional<Location> locate(const SourceSet& sources, Span span) {
  if (span.file >= sources.size()) return std::nullopt;
  const std::uint32_t end = std::max(span.begin, span.end);
  return Location{span.file, sources.file(span.file).path, sources.position(span.file, span.begin),
                  sources.position(span.file, end)};
}

Totals count_severities(const std::vector<Diagnostic>& diagnostics) {
  Totals totals;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::error) ++totals.errors;
    if (diagnostic.severity == Severity::warning) ++totals.warnings;
  }
  return totals;
}

}  // namespace ectflow::diagnostics
