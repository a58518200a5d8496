// The formatter's output lines, each knowing its construct's source offset, to put comments back.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.hpp"

namespace ectflow {

class Layout {
 public:
  Layout(std::string_view source, const std::vector<syntax::Comment>& comments);

  // A line printing the construct that starts at `anchor` in the source.
  void line(int depth, std::uint32_t anchor, std::string text, bool opens_block = false);
  // The `end` of a block whose span is `block` (the keyword is found at the span's end).
  void end(int depth, Span block);
  void end_at(int depth, std::uint32_t end_keyword);
  // One blank line, unless it would start the file or a block or follow another blank line.
  void blank();

  // The text, with each comment on its own line before the construct that followed it in
  // the source; comments after a block's last construct stand before its `end`, comments
  // after the last declaration end the file.
  std::string render() const;

 private:
  struct Line {
    int depth = 0;
    std::string text;
    std::uint32_t anchor = 0;
    bool is_blank = false;
    bool opens_block = false;
    bool is_end = false;
  };
  enum class Last { nothing, blank, opener, other };

  std::uint32_t end_keyword(Span block) const;
  bool blank_line_before(const syntax::Comment& comment) const;
  bool blank_line_after(const syntax::Comment& comment) const;
  void emit_comments(std::string& out, Last& last,
                     const std::vector<const syntax::Comment*>& comments, int depth,
                     bool blank_after_allowed) const;

  std::string_view source_;
  const std::vector<syntax::Comment>& comments_;
  std::map<std::uint32_t, std::uint32_t> comment_ending_at_;  // end of a comment's text -> its '#'
  std::vector<Line> lines_;
};

}  // namespace ectflow
