// Terminal-safe text: control characters replaced, tabs expanded, wide characters measured.
#include "diagnostics/terminal_text.hpp"

#include <algorithm>
#include <vector>

#include "diagnostics/utf8.hpp"

namespace ectflow::diagnostics {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "...";

struct Range {
  char32_t first;
  char32_t last;
};

bool in_ranges(char32_t c, const Range* begin, const Range* end) {
  return std::any_of(begin, end, [c](const Range& r) { return c >= r.first && c <= r.last; });
}

// Characters a terminal could act on rather than show: C0/C1 controls, DEL, line and paragraph
// separators, and bidirectional overrides (which can make code read differently than it runs).
bool is_unsafe(char32_t c) {
  static constexpr Range kUnsafe[] = {
      {0x00, 0x1F}, {0x7F, 0x9F}, {0x2028, 0x2029}, {0x202A, 0x202E}, {0x2066, 0x2069}};
  return in_ranges(c, std::begin(kUnsafe), std::end(kUnsafe));
}

// Terminal cells a printable character takes: 0 for combining marks, 2 for East Asian wide
// characters and emoji, else 1.
std::uint32_t cell_width(char32_t c) {
  static constexpr Range kZeroWidth[] = {{0x0300, 0x036F}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
                                         {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}};
  static constexpr Range kWide[] = {{0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                                    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                                    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
                                    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
                                    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
  if (in_ranges(c, std::begin(kZeroWidth), std::end(kZeroWidth))) return 0;
  if (in_ranges(c, std::begin(kWide), std::end(kWide))) return 2;
  return 1;
}

// One unit of a line as it will be printed.
struct Glyph {
  std::string_view text;
  std::uint32_t cells = 1;
};

// Splits text into glyphs; a tab becomes `tab` (spaces).
std::vector<Glyph> glyphs_of(std::string_view line, std::string_view tab) {
  std::vector<Glyph> glyphs;
  for (std::size_t pos = 0; pos < line.size();) {
    const Utf8Unit unit = decode_utf8(line, pos);
    if (unit.valid && unit.code_point == '\t') {
      glyphs.push_back({tab, static_cast<std::uint32_t>(tab.size())});
    } else if (!unit.valid || is_unsafe(unit.code_point)) {
      glyphs.push_back({kReplacementCharacter, 1});
    } else {
      glyphs.push_back({line.substr(pos, unit.length), cell_width(unit.code_point)});
    }
    pos += unit.length;
  }
  return glyphs;
}

}  // namespace

std::string sanitize_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const Glyph& glyph : glyphs_of(text, " ")) out += glyph.text;
  return out;
}

QuotedLine quote_line(std::string_view line, std::uint32_t first_column, std::uint32_t end_column) {
  static const std::string kTab(kTabWidth, ' ');
  const std::vector<Glyph> glyphs = glyphs_of(line, kTab);
  const std::size_t count = glyphs.size();
  std::vector<std::uint32_t> starts(count + 1, 0);  // terminal cell where each glyph starts
  for (std::size_t i = 0; i < count; ++i) starts[i + 1] = starts[i] + glyphs[i].cells;
  // Columns past the end of the line (the caret after the last character) take one cell each.
  const auto cell_of = [&](std::uint32_t column) {
    const std::size_t index = column == 0 ? 0 : column - 1;
    return index <= count ? starts[index]
                          : starts[count] + static_cast<std::uint32_t>(index - count);
  };
  const std::uint32_t caret = cell_of(first_column);
  const std::uint32_t underline_end = cell_of(std::max(first_column, end_column));

  // A long line shows a window that starts a little before the caret.
  std::size_t first = 0;
  if (starts[count] > kMaxQuotedLineWidth && caret > kQuotedContextWidth) {
    while (first < count && starts[first] < caret - kQuotedContextWidth) ++first;
  }
  std::size_t last = first;
  while (last < count && starts[last + 1] - starts[first] <= kMaxQuotedLineWidth) ++last;

  QuotedLine quoted;
  if (first > 0) quoted.text += kEllipsis;
  for (std::size_t i = first; i < last; ++i) quoted.text += glyphs[i].text;
  if (last < count) quoted.text += kEllipsis;

  const std::uint32_t shift = first > 0 ? static_cast<std::uint32_t>(kEllipsis.size()) : 0;
  quoted.caret_cell = caret - starts[first] + shift;
  const std::uint32_t visible_end =
      last < count ? starts[last] : std::max(underline_end, caret + 1);
  quoted.underline_cells = std::max<std::uint32_t>(1, std::min(underline_end, visible_end) - caret);
  return quoted;
}

}  // namespace ectflow::diagnostics
