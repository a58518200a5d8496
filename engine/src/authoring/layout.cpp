// Each comment goes before the printed line of the construct that followed it in the source.
#include "authoring/layout.hpp"

#include <algorithm>
#include <utility>

namespace ectflow {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool only_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_space);
}

constexpr int kIndent = 2;

}  // namespace

Layout::Layout(std::string_view source, const std::vector<syntax::Comment>& comments)
    : source_(source), comments_(comments) {
  for (const syntax::Comment& c : comments) {
    comment_ending_at_[c.offset + static_cast<std::uint32_t>(c.text.size())] = c.offset;
  }
}

void Layout::line(int depth, std::uint32_t anchor, std::string text, bool opens_block) {
  lines_.push_back(Line{depth, std::move(text), anchor, false, opens_block, false});
}

void Layout::end(int depth, Span block) {
  end_at(depth, end_keyword(block));
}

void Layout::end_at(int depth, std::uint32_t end_keyword) {
  lines_.push_back(Line{depth, "end", end_keyword, false, false, true});
}

void Layout::blank() {
  lines_.push_back(Line{0, "", 0, true, false, false});
}

// A block's span may run on past its `end` over spaces and comments; step back over them.
std::uint32_t Layout::end_keyword(Span block) const {
  std::uint32_t end =
      std::min<std::uint32_t>(block.end, static_cast<std::uint32_t>(source_.size()));
  for (;;) {
    while (end > block.begin && is_space(source_[end - 1])) --end;
    auto comment = comment_ending_at_.find(end);
    if (comment == comment_ending_at_.end() || comment->second < block.begin) break;
    end = comment->second;
  }
  return end >= block.begin + 3 ? end - 3 : block.end;
}

bool Layout::blank_line_before(const syntax::Comment& comment) const {
  if (!comment.own_line) return false;
  std::size_t line_start = source_.rfind('\n', comment.offset);
  if (line_start == std::string_view::npos || line_start == 0) return false;
  std::size_t previous = source_.rfind('\n', line_start - 1);
  previous = previous == std::string_view::npos ? 0 : previous + 1;
  return only_spaces(source_.substr(previous, line_start - previous));
}

bool Layout::blank_line_after(const syntax::Comment& comment) const {
  if (!comment.own_line) return false;
  std::size_t line_end = source_.find('\n', comment.offset);
  if (line_end == std::string_view::npos || line_end + 1 >= source_.size()) return false;
  std::size_t next = source_.find('\n', line_end + 1);
  if (next == std::string_view::npos) return false;  // the last line: nothing follows
  return only_spaces(source_.substr(line_end + 1, next - line_end - 1));
}

// A blank line the author left before or after a comment is kept (one at most), so a file's
// opening remarks stay apart from the first declaration's.
void Layout::emit_comments(std::string& out, Last& last,
                           const std::vector<const syntax::Comment*>& comments, int depth,
                           bool blank_after_allowed) const {
  for (const syntax::Comment* c : comments) {
    if (blank_line_before(*c) && last == Last::other) out += '\n';
    out += std::string(depth * kIndent, ' ') + c->text + '\n';
    last = Last::other;
  }
  if (!comments.empty() && blank_after_allowed && blank_line_after(*comments.back())) {
    out += '\n';
    last = Last::blank;
  }
}

std::string Layout::render() const {
  std::vector<std::pair<std::uint32_t, std::size_t>> anchors;  // source offset -> line
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (!lines_[i].is_blank) anchors.emplace_back(lines_[i].anchor, i);
  }
  std::sort(anchors.begin(), anchors.end());
  std::vector<std::vector<const syntax::Comment*>> before(lines_.size());
  std::vector<const syntax::Comment*> trailing;
  for (const syntax::Comment& c : comments_) {
    auto next =
        std::upper_bound(anchors.begin(), anchors.end(), std::make_pair(c.offset, lines_.size()));
    if (next == anchors.end())
      trailing.push_back(&c);
    else
      before[next->second].push_back(&c);
  }

  std::string out;
  Last last = Last::nothing;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const Line& line = lines_[i];
    if (line.is_blank) {
      if (last == Last::other) out += '\n';
      if (last == Last::other) last = Last::blank;
      continue;
    }
    emit_comments(out, last, before[i], line.is_end ? line.depth + 1 : line.depth, !line.is_end);
    out += std::string(line.depth * kIndent, ' ') + line.text + '\n';
    last = line.opens_block ? Last::opener : Last::other;
  }
  emit_comments(out, last, trailing, 0, false);
  return out;
}

}  // namespace ectflow
