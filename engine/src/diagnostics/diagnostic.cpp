// The small operations on diagnostics: severity names, stable order, and choosing a renderer.
#include <algorithm>
#include <tuple>

#include "diagnostics/render.hpp"

namespace ectflow {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.file, a.span.begin, a.code) <
                            std::tie(b.span.file, b.span.begin, b.code);
                   });
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources,
                               DiagnosticFormat format) {
  switch (format) {
    case DiagnosticFormat::json:
      return diagnostics::render_json(diagnostics, sources);
    case DiagnosticFormat::sarif:
      return diagnostics::render_sarif(diagnostics, sources);
    case DiagnosticFormat::text:
      break;
  }
  return diagnostics::render_text(diagnostics, sources);
}

}  // namespace ectflow
