// SourceSet turns byte offsets into 1-based lines and code-point columns, whatever the file holds.
#include <gtest/gtest.h>

#include "ectflow/diagnostics.hpp"

namespace ectflow {
namespace {

struct PositionCase {
  const char* name;
  std::string text;
  std::uint32_t offset;
  std::uint32_t line;
  std::uint32_t column;
};

// Test names in ctest show the case's name rather than its bytes.
void PrintTo(const PositionCase& c, std::ostream* out) {
  *out << c.name;
}

class PositionTest : public testing::TestWithParam<PositionCase> {};

TEST_P(PositionTest, ResolvesOffset) {
  const PositionCase& c = GetParam();
  SourceSet sources;
  const FileId id = sources.add("flows/a.flow", c.text);
  const LineColumn position = sources.position(id, c.offset);
  EXPECT_EQ(position.line, c.line);
  EXPECT_EQ(position.column, c.column);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PositionTest,
    testing::Values(PositionCase{"start", "journey a\n", 0, 1, 1},
                    PositionCase{"same_line", "journey a\n", 8, 1, 9},
                    PositionCase{"at_newline", "journey a\n", 9, 1, 10},
                    PositionCase{"second_line", "a\nbc\n", 3, 2, 2},
                    PositionCase{"after_final_newline", "a\n", 2, 2, 1},
                    PositionCase{"empty_file", "", 0, 1, 1},
                    PositionCase{"past_end_clamps", "ab", 99, 1, 3},
                    PositionCase{"last_line_without_newline", "a\nbcd", 5, 2, 4},
                    PositionCase{"two_byte_code_point", "caf\xC3\xA9 x", 6, 1, 6},  // "café x"
                    PositionCase{"three_byte_code_point",
                                 "\xE2\x82\xAC"
                                 "5",
                                 3, 1, 2},  // "€5"
                    PositionCase{"four_byte_code_point", "\xF0\x9F\x98\x80!", 4, 1,
                                 2},  // emoji then '!'
                    PositionCase{"multi_byte_on_second_line", "x\n\xC3\xA9t\xC3\xA9", 5, 2, 3},
                    PositionCase{"crlf_second_line", "ab\r\ncd\r\n", 5, 2, 2},
                    PositionCase{"crlf_at_carriage_return", "ab\r\ncd\r\n", 2, 1, 3},
                    PositionCase{"crlf_at_line_feed", "ab\r\ncd\r\n", 3, 1, 3},
                    PositionCase{"invalid_byte_counts_one", "\xFF\xFEx", 2, 1, 3},
                    PositionCase{"truncated_sequence_counts_bytes", "\xE2\x82x", 2, 1, 3},
                    PositionCase{"overlong_counts_bytes", "\xC0\xAFx", 2, 1, 3},
                    PositionCase{"surrogate_counts_bytes", "\xED\xA0\x80x", 3, 1, 4}),
    [](const testing::TestParamInfo<PositionCase>& info) { return info.param.name; });

TEST(SourceSet, LineTextStripsLineEndings) {
  SourceSet sources;
  const FileId id = sources.add("a.flow", "one\r\ntwo\nthree");
  EXPECT_EQ(sources.line_text(id, 1), "one");
  EXPECT_EQ(sources.line_text(id, 2), "two");
  EXPECT_EQ(sources.line_text(id, 3), "three");
  EXPECT_EQ(sources.line_text(id, 4), "");
  EXPECT_EQ(sources.line_text(id, 0), "");
}

TEST(SourceSet, EmptyFileHasOneEmptyLine) {
  SourceSet sources;
  const FileId id = sources.add("empty.flow", "");
  EXPECT_EQ(sources.line_text(id, 1), "");
  EXPECT_EQ(sources.position(id, 0).line, 1u);
}

TEST(SourceSet, KeepsFilesApart) {
  SourceSet sources;
  const FileId first = sources.add("a.flow", "a\nb\n");
  const FileId second = sources.add("b.flow", "xyz");
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(second, 1u);
  EXPECT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources.file(second).path, "b.flow");
  EXPECT_EQ(sources.position(second, 2).column, 3u);
  EXPECT_EQ(sources.position(first, 2).line, 2u);
}

}  // namespace
}  // namespace ectflow
