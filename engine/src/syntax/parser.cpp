// Parsing a whole file: first check it is a flow file at all, then cut it into declarations
// (each starts at column 1 with its keyword) and parse each on its own, so one mistake does not
// hide the next.
#include "syntax/parser.hpp"

#include <fmt/format.h>

#include <array>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "ectflow/authoring.hpp"
#include "syntax/build_ast.hpp"
#include "syntax/parse_errors.hpp"
#include "syntax/parse_tree_selector.hpp"
#include "syntax/text_checks.hpp"

namespace ectflow::syntax {
namespace {

namespace pegtl = tao::pegtl;

constexpr std::array<std::string_view, 7> kDeclarationKeywords = {
    "record", "choice", "type", "journey", "view", "hook", "rule"};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool starts_declaration(std::string_view line) {
  for (std::string_view keyword : kDeclarationKeywords) {
    if (line.substr(0, keyword.size()) == keyword &&
        (line.size() == keyword.size() || !is_name_char(line[keyword.size()]))) {
      return true;
    }
  }
  return false;
}

// Byte offsets where declarations start: every line that begins with a declaration keyword.
std::vector<std::uint32_t> declaration_starts(std::string_view text) {
  std::vector<std::uint32_t> starts;
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (starts_declaration(text.substr(line_begin, line_end - line_begin))) {
      starts.push_back(static_cast<std::uint32_t>(line_begin));
    }
    line_begin = line_end + 1;
  }
  return starts;
}

// Limits how deeply expressions nest, so a hostile file cannot exhaust the stack.
template <typename Rule>
struct depth_action : pegtl::nothing<Rule> {};

template <>
struct depth_action<grammar::expression> : pegtl::maybe_nothing {
  template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    struct Guard {
      std::size_t& depth;
      explicit Guard(std::size_t& d) : depth(d) { ++depth; }
      ~Guard() { --depth; }
    } guard(in.private_depth);
    if (in.private_depth > kMaxNestingDepth) {
      throw pegtl::parse_error(
          "nesting-too-deep|expressions nest more than " + std::to_string(kMaxNestingDepth) +
              " levels deep here (kMaxNestingDepth); split the condition into named `let` values",
          in);
    }
    return pegtl::match<Rule, A, M, Action, Control>(in, st...);
  }
};

Diagnostic parse_error_diagnostic(FileId file, const pegtl::parse_error& error,
                                  std::uint32_t chunk_end) {
  std::string_view raw = error.message();
  std::string code = "syntax-error";
  std::string message(raw);
  if (auto bar = raw.find('|'); bar != std::string_view::npos) {
    code = std::string(raw.substr(0, bar));
    message = std::string(raw.substr(bar + 1));
  }
  auto offset = static_cast<std::uint32_t>(error.positions().front().byte);
  if (offset > chunk_end) offset = chunk_end;
  Diagnostic d;
  d.severity = Severity::error;
  d.code = std::move(code);
  d.span = Span{file, offset, offset + 1};
  d.message = std::move(message);
  return d;
}

// Comments are not part of the grammar's tree; the formatter needs them, so collect them here.
// Strings are one line, and may hold `{expr}` with strings of their own inside, so the scan
// keeps a stack of what it is in: a '#' is a comment only in code, never inside quotes.
std::vector<Comment> collect_comments(std::string_view text) {
  enum class In { string, interpolation };
  std::vector<Comment> comments;
  std::vector<In> stack;
  bool line_has_code = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      stack.clear();
      line_has_code = false;
      continue;
    }
    if (!stack.empty() && stack.back() == In::string) {
      if (c == '\\') ++i;
      else if (c == '"') stack.pop_back();
      else if (c == '{') stack.push_back(In::interpolation);
      continue;
    }
    if (c == '"') {
      stack.push_back(In::string);
      line_has_code = true;
    } else if (c == '}' && !stack.empty()) {
      stack.pop_back();
    } else if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::string body(text.substr(i, end - i));
      while (!body.empty() && (body.back() == '\r' || body.back() == ' ' || body.back() == '\t')) {
        body.pop_back();
      }
      comments.push_back({static_cast<std::uint32_t>(i), std::move(body), !line_has_code});
      i = end - 1;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      line_has_code = true;
    }
  }
  return comments;
}

Diagnostic error_at(FileId file, std::uint32_t offset, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.span = Span{file, offset, offset + 1};
  d.message = std::move(message);
  return d;
}

}  // namespace

ParseResult parse_flow(const SourceSet& sources, FileId file, ExprId& next_expr_id) {
  ParseResult result;
  result.file.file = file;
  const std::string& text = sources.file(file).text;

  if (auto problem = check_flow_text(text)) {
    result.diagnostics.push_back(error_at(file, problem->offset, problem->code, problem->message));
    return result;
  }
  result.file.comments = collect_comments(text);

  std::uint32_t body_begin = has_utf8_bom(text) ? 3 : 0;
  std::vector<std::uint32_t> starts = declaration_starts(text);
  std::uint32_t first_start = starts.empty() ? static_cast<std::uint32_t>(text.size()) : starts.front();

  // Before the first declaration only blank lines and comments may stand.
  {
    const std::string_view preamble(text.data() + body_begin, first_start - body_begin);
    pegtl::memory_input in(preamble.data(), preamble.data() + preamble.size(), sources.file(file).path,
                           body_begin, 1, 1);
    (void)pegtl::parse<grammar::sep>(in);
    if (!in.empty()) {
      auto offset = static_cast<std::uint32_t>(in.byte());
      result.diagnostics.push_back(error_at(
          file, offset, "expected-declaration",
          "expected a declaration: `record`, `choice`, `type`, `hook`, `rule`, `journey` or `view`, "
          "starting at the beginning of a line"));
    }
  }
  if (starts.empty()) {
    if (result.diagnostics.empty()) {
      Diagnostic d = error_at(file, 0, "empty-file",
                              "this file declares nothing; add a `journey`, `record` or `view`, "
                              "or delete the file");
      d.severity = Severity::warning;
      d.span.end = 0;
      result.diagnostics.push_back(std::move(d));
    }
    return result;
  }

  AstBuilder builder{file, text.data(), next_expr_id, result.file.comments};
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::uint32_t begin = starts[i];
    std::uint32_t end = i + 1 < starts.size() ? starts[i + 1] : static_cast<std::uint32_t>(text.size());
    pegtl::memory_input in(text.data() + begin, text.data() + end, sources.file(file).path, begin,
                           1, 1);
    try {
      auto root = pegtl::parse_tree::parse<grammar::declaration_chunk, tree_selector, depth_action,
                                           parse_control>(in);
      if (root && !root->children.empty()) {
        result.file.declarations.push_back(builder.declaration(*root->children.front()));
      }
    } catch (const pegtl::parse_error& error) {
      result.diagnostics.push_back(parse_error_diagnostic(file, error, end));
    }
  }
  return result;
}

}  // namespace ectflow::syntax
