// SourceSet: the files of one run, with a line index so byte offsets become line:column.
#include <algorithm>

#include "diagnostics/utf8.hpp"
#include "ectflow/diagnostics.hpp"

namespace ectflow {
namespace {

// The line's text without its line ending ("\n" or "\r\n").
std::string_view strip_line_ending(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

FileId SourceSet::add(std::string path, std::string text) {
  Entry entry{{std::move(path), std::move(text)}, {0}};
  const std::string& content = entry.source.text;
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\n') entry.line_starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  files_.push_back(std::move(entry));
  return static_cast<FileId>(files_.size() - 1);
}

LineColumn SourceSet::position(FileId id, std::uint32_t offset) const {
  const Entry& entry = files_.at(id);
  const std::string_view text = entry.source.text;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const auto next_line =
      std::upper_bound(entry.line_starts.begin(), entry.line_starts.end(), offset);
  const auto line = static_cast<std::uint32_t>(next_line - entry.line_starts.begin());
  const std::uint32_t line_start = entry.line_starts[line - 1];
  // An offset inside the line ending counts as the end of the line's content.
  const std::string_view content = line_text(id, line);
  const std::string_view before = content.substr(0, offset - line_start);
  return {line, 1 + diagnostics::count_units(before)};
}

std::string_view SourceSet::line_text(FileId id, std::uint32_t line) const {
  const Entry& entry = files_.at(id);
  if (line == 0 || line > entry.line_starts.size()) return {};
  const std::string_view text = entry.source.text;
  const std::uint32_t start = entry.line_starts[line - 1];
  const std::size_t end = line < entry.line_starts.size() ? entry.line_starts[line] : text.size();
  return strip_line_ending(text.substr(start, end - start));
}

}  // namespace ectflow
