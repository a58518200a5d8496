// The json format: every diagnostic as an object with its resolved positions, for editors and
// scripts.
#include <nlohmann/json.hpp>

#include "diagnostics/render.hpp"

namespace ectflow::diagnostics {
namespace {

using Json = nlohmann::ordered_json;

// A span in a file the set does not hold is reported at 1:1 of an unnamed file.
Location location_or_start(const SourceSet& sources, Span span) {
  return locate(sources, span).value_or(Location{});
}

Json note_json(const DiagnosticNote& note, const SourceSet& sources) {
  const Location location = location_or_start(sources, note.span);
  return {{"file", location.path},
          {"line", location.start.line},
          {"column", location.start.column},
          {"message", note.message}};
}

Json diagnostic_json(const Diagnostic& diagnostic, const SourceSet& sources) {
  const Location location = location_or_start(sources, diagnostic.span);
  Json object = {{"file", location.path},
                 {"line", location.start.line},
                 {"column", location.start.column},
                 {"end_line", location.end.line},
                 {"end_column", location.end.column},
                 {"severity", to_string(diagnostic.severity)},
                 {"code", diagnostic.code},
                 {"message", diagnostic.message}};
  if (diagnostic.replacement) object["replacement"] = *diagnostic.replacement;
  object["notes"] = Json::array();
  for (const DiagnosticNote& note : diagnostic.notes) {
    object["notes"].push_back(note_json(note, sources));
  }
  return object;
}

}  // namespace

std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  Json list = Json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    list.push_back(diagnostic_json(diagnostic, sources));
  }
  const Totals totals = count_severities(diagnostics);
  const Json document = {
      {"diagnostics", std::move(list)}, {"errors", totals.errors}, {"warnings", totals.warnings}};
  // Invalid UTF-8 in a path or message becomes U+FFFD rather than an exception.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

}  // namespace ectflow::diagnostics
