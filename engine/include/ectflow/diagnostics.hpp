// Diagnostics: problems found in a flow file, reported like a good compiler's.
// A diagnostic is a value (code, span, message, optional fix), collected and never thrown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ectflow {

// Which source file a span points into: an index into a SourceSet.
using FileId = std::uint32_t;

// A half-open byte range [begin, end) in one file. Offsets are kept while parsing and
// turned into line:column only when reporting (cheap to carry, exact to print).
struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// 1-based line and column; the column counts Unicode code points, as editors do.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

struct SourceFile {
  std::string path;  // as the author named it, e.g. "flows/register.flow"
  std::string text;
};

// The files of one check run. Holds the text so diagnostics can quote their line.
class SourceSet {
 public:
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return files_.at(id).source; }
  std::size_t size() const { return files_.size(); }

  LineColumn position(FileId id, std::uint32_t offset) const;
  // The text of a 1-based line, without its line ending.
  std::string_view line_text(FileId id, std::uint32_t line) const;

 private:
  struct Entry {
    SourceFile source;
    std::vector<std::uint32_t> line_starts;  // byte offset of each line's first byte
  };
  std::vector<Entry> files_;
};

enum class Severity { error, warning, note };
std::string_view to_string(Severity severity);

// A secondary location that helps explain the main one ("first declared here").
struct DiagnosticNote {
  Span span;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable, documented in docs/diagnostics.md, e.g. "unknown-step"
  Span span;
  std::string message;  // what is wrong, and how to fix it
  // A likely fix: the text that should replace the span ("email" for "emial").
  std::optional<std::string> replacement;
  std::vector<DiagnosticNote> notes;
};

// Orders diagnostics by file, then offset, then code, so output is stable.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

enum class DiagnosticFormat { text, json, sarif };

// Renders all diagnostics of a run. `text` quotes the source line with a caret and ends with a
// summary line; `json` is an array of objects; `sarif` is a SARIF 2.1.0 log.
std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources,
                               DiagnosticFormat format);

}  // namespace ectflow
