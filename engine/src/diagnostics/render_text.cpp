// The text format: a compiler-style header, the quoted source line with a caret, help and notes,
// and a summary line, for people reading a terminal.
#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/render.hpp"
#include "diagnostics/terminal_text.hpp"
#include "diagnostics/utf8.hpp"

namespace ectflow::diagnostics {
namespace {

// The line-number gutter is at least this wide, so most output lines up the same way.
constexpr std::size_t kMinGutterWidth = 5;

std::size_t digits(std::uint32_t number) {
  return fmt::formatted_size("{}", number);
}

std::size_t gutter_width(const Diagnostic& diagnostic, const SourceSet& sources) {
  std::size_t width = kMinGutterWidth;
  if (auto location = locate(sources, diagnostic.span)) {
    width = std::max(width, digits(location->start.line));
  }
  for (const DiagnosticNote& note : diagnostic.notes) {
    if (auto location = locate(sources, note.span)) {
      width = std::max(width, digits(location->start.line));
    }
  }
  return width;
}

// `path:line:col: ` when the span is in a known file.
std::string location_prefix(const std::optional<Location>& location) {
  if (!location) return {};
  return fmt::format("{}:{}:{}: ", sanitize_for_terminal(location->path), location->start.line,
                     location->start.column);
}

// The span's first line with a caret and tildes under it; nothing for an empty file.
void append_quote(std::string& out, const SourceSet& sources, const Location& location,
                  std::size_t gutter) {
  if (sources.file(location.file).text.empty()) return;
  const std::string_view line = sources.line_text(location.file, location.start.line);
  const std::uint32_t end_column = location.end.line == location.start.line
                                       ? location.end.column
                                       : count_units(line) + 1;  // to the end of the first line
  const QuotedLine quoted = quote_line(line, location.start.column, end_column);
  out += fmt::format("{:>{}} |", location.start.line, gutter);
  if (!quoted.text.empty()) out += ' ' + quoted.text;
  out += fmt::format("\n{:>{}} | {:>{}}^{}\n", "", gutter, "", quoted.caret_cell,
                     std::string(quoted.underline_cells - 1, '~'));
}

// The replacement as a quoted string, escaped so it stays on one line.
std::string help_for(const std::string& replacement) {
  if (replacement.empty()) return "remove this";
  std::string quoted = "replace with \"";
  for (char c : replacement) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        quoted += c;
    }
  }
  return sanitize_for_terminal(quoted + '"');
}

void append_diagnostic(std::string& out, const Diagnostic& diagnostic, const SourceSet& sources) {
  const std::size_t gutter = gutter_width(diagnostic, sources);
  const auto location = locate(sources, diagnostic.span);
  out += location_prefix(location);
  out += to_string(diagnostic.severity);
  if (!diagnostic.code.empty()) out += fmt::format("[{}]", sanitize_for_terminal(diagnostic.code));
  out += fmt::format(": {}\n", sanitize_for_terminal(diagnostic.message));
  if (location) append_quote(out, sources, *location, gutter);
  if (diagnostic.replacement) {
    out += fmt::format("{:>{}} = help: {}\n", "", gutter, help_for(*diagnostic.replacement));
  }
  for (const DiagnosticNote& note : diagnostic.notes) {
    const auto note_location = locate(sources, note.span);
    out += fmt::format("{}note: {}\n", location_prefix(note_location),
                       sanitize_for_terminal(note.message));
    if (note_location) append_quote(out, sources, *note_location, gutter);
  }
}

std::string plural(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  if (diagnostics.empty()) return "no problems found\n";
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) append_diagnostic(out, diagnostic, sources);
  const Totals totals = count_severities(diagnostics);
  out +=
      fmt::format("{}, {}\n", plural(totals.errors, "error"), plural(totals.warnings, "warning"));
  return out;
}

}  // namespace ectflow::diagnostics
