// fmt keeps meaning and comments and is idempotent, over every flow file and on exact layouts.
#include "authoring/format.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "syntax/dump_ast.hpp"
#include "syntax/parser.hpp"

namespace ectflow {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  SourceSet sources;
  syntax::ParseResult result;
  std::string diagnostics() const {
    return render_diagnostics(result.diagnostics, sources, DiagnosticFormat::text);
  }
};

std::unique_ptr<Parsed> parse(const std::string& path, const std::string& text) {
  auto parsed = std::make_unique<Parsed>();
  FileId id = parsed->sources.add(path, text);
  syntax::ExprId next = 1;
  parsed->result = syntax::parse_flow(parsed->sources, id, next);
  return parsed;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> comment_texts(const syntax::FlowFile& file) {
  std::vector<std::string> texts;
  for (const syntax::Comment& c : file.comments) texts.push_back(c.text);
  std::sort(texts.begin(), texts.end());  // the formatter may move a comment with its clause
  return texts;
}

// parse → format → parse: no diagnostics, the same meaning, every comment kept, and
// formatting the result changes nothing.
void expect_formats_faithfully(const std::string& path, const std::string& text) {
  SCOPED_TRACE(path);
  auto original = parse(path, text);
  ASSERT_FALSE(has_errors(original->result.diagnostics))
      << path << " does not parse, so fmt leaves it as it is:\n"
      << original->diagnostics();

  std::string once = format_flow(original->result.file, text);
  auto formatted = parse(path, once);
  EXPECT_TRUE(formatted->result.diagnostics.empty()) << formatted->diagnostics() << "\n" << once;
  EXPECT_EQ(syntax::dump_model(formatted->result.file), syntax::dump_model(original->result.file))
      << once;
  EXPECT_EQ(comment_texts(formatted->result.file), comment_texts(original->result.file)) << once;
  EXPECT_EQ(format_flow(formatted->result.file, once), once) << "formatting twice changed the text";
}

std::vector<fs::path> flow_files_under(const fs::path& dir, bool recursive) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  auto add = [&](const fs::directory_entry& entry) {
    if (entry.is_regular_file() && entry.path().extension() == ".flow")
      files.push_back(entry.path());
  };
  if (recursive) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) add(entry);
  } else {
    for (const auto& entry : fs::directory_iterator(dir)) add(entry);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void expect_all_format_faithfully(const fs::path& dir, bool recursive = true) {
  std::vector<fs::path> files = flow_files_under(fs::path(ECTFLOW_SOURCE_DIR) / dir, recursive);
  if (files.empty()) GTEST_SKIP() << "no .flow files under " << dir << " yet";
  for (const fs::path& file : files) expect_formats_faithfully(file.string(), read(file));
}

TEST(FormatFlowFiles, Fixtures) {
  expect_all_format_faithfully("tests/authoring/fixtures", false);
}
TEST(FormatFlowFiles, ProjectFlows) {
  expect_all_format_faithfully("flows");
}
TEST(FormatFlowFiles, StandardLibrary) {
  expect_all_format_faithfully("engine/src/stdlib");
}

// ---- exact layout ----

struct LayoutCase {
  const char* name;
  const char* input;
  const char* expected;
};
void PrintTo(const LayoutCase& c, std::ostream* os) {
  *os << c.name;
}

class FormatLayout : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(FormatLayout, IsCanonical) {
  auto parsed = parse("layout.flow", GetParam().input);
  ASSERT_TRUE(parsed->result.diagnostics.empty()) << parsed->diagnostics();
  EXPECT_EQ(format_flow(parsed->result.file, GetParam().input), GetParam().expected);
  expect_formats_faithfully("layout.flow", GetParam().input);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FormatLayout,
    ::testing::Values(LayoutCase{"SpacingAndIndentation",
                                 "choice  yes_no_maybe\n"
                                 "      maybe   \"Maybe\"\n"
                                 "end\n"
                                 "\n\n\n"
                                 "rule  r( a as number,b as list of text ) as number =\n"
                                 "    a+(1)\n",
                                 "choice yes_no_maybe\n"
                                 "  maybe \"Maybe\"\n"
                                 "end\n"
                                 "\n"
                                 "rule r(a as number, b as list of text) as number = a + 1\n"},
                      LayoutCase{"StepClausesInCanonicalOrderWithTheirComments",
                                 "journey j \"J\" for school\n"
                                 "  step s \"S\"\n"
                                 "    # about the next\n"
                                 "    next t when x = 1\n"
                                 "    text \"Hello\"\n"
                                 "    ask x as number\n"
                                 "      # why it is optional\n"
                                 "      optional\n"
                                 "      blank \"Enter x\"\n"
                                 "    # last words\n"
                                 "  end\n"
                                 "end\n",
                                 "journey j \"J\" for school\n"
                                 "  step s \"S\"\n"
                                 "    ask x as number\n"
                                 "      blank \"Enter x\"\n"
                                 "      # why it is optional\n"
                                 "      optional\n"
                                 "    text \"Hello\"\n"
                                 "    # about the next\n"
                                 "    next t when x = 1\n"
                                 "    # last words\n"
                                 "  end\n"
                                 "end\n"},
                      LayoutCase{"CommentsBetweenDeclarationsAndAtTheEnd",
                                 "# about the file\n"
                                 "\n"
                                 "# about a\n"
                                 "choice a\n"
                                 "  x \"X\" # trailing\n"
                                 "end\n"
                                 "# about b\n"
                                 "\n"
                                 "choice b\n"
                                 "end\n"
                                 "\n"
                                 "# the end\n",
                                 "# about the file\n"
                                 "\n"
                                 "# about a\n"
                                 "choice a\n"
                                 "  x \"X\"\n"
                                 "  # trailing\n"
                                 "end\n"
                                 "\n"
                                 "# about b\n"
                                 "\n"
                                 "choice b\n"
                                 "end\n"
                                 "\n"
                                 "# the end\n"},
                      LayoutCase{"ParenthesesWhereALineWouldReadOn",
                                 "view v \"V\" for school\n"
                                 "  list l x in (first y in ys) where (exists z in zs)\n"
                                 "    sort by x.a\n"
                                 "  end\n"
                                 "  text (if a then \"A\" else \"B\") when b\n"
                                 "end\n",
                                 "view v \"V\" for school\n"
                                 "  text (if a then \"A\" else \"B\") when b\n"
                                 "\n"
                                 "  list l x in (first y in ys) where (exists z in zs)\n"
                                 "    sort by x.a\n"
                                 "  end\n"
                                 "end\n"}));

}  // namespace
}  // namespace ectflow
