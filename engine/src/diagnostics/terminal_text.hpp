// Making file text safe and aligned for a terminal: no control bytes, tabs as spaces, carets that
// line up under the right character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ectflow::diagnostics {

// How many spaces a tab becomes in a quoted line.
inline constexpr std::uint32_t kTabWidth = 4;
// Quoted lines wider than this show a window around the caret, marked with "...".
inline constexpr std::uint32_t kMaxQuotedLineWidth = 160;
// How much of the line before the caret such a window keeps.
inline constexpr std::uint32_t kQuotedContextWidth = 40;

// Replaces control characters, bidirectional overrides and invalid UTF-8 with U+FFFD, and tabs
// with one space: for messages, paths and other single-line text.
std::string sanitize_for_terminal(std::string_view text);

// One source line ready to print, and where the caret and its tildes go under it.
struct QuotedLine {
  std::string text;
  std::uint32_t caret_cell = 0;       // 0-based terminal cell of the '^'
  std::uint32_t underline_cells = 1;  // '^' plus tildes
};

// Quotes `line` and underlines the columns [first_column, end_column) (1-based code-point
// columns; at least one cell is underlined).
QuotedLine quote_line(std::string_view line, std::uint32_t first_column, std::uint32_t end_column);

}  // namespace ectflow::diagnostics
