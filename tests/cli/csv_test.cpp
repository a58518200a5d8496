// The import files' readers, table-driven: RFC 4180 CSV (quotes, line breaks, BOM, line ends),
// the writer's quoting, UTF-8 checks, and where each JSON item starts.
#include <gtest/gtest.h>

#include "csv.hpp"
#include "import_rows.hpp"

namespace ectflow::cli {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct CsvCase {
  std::string name;
  std::string text;
  Rows rows;
  std::vector<std::size_t> lines;  // where each row starts
};

TEST(Csv, ReadsRfc4180) {
  const std::vector<CsvCase> cases = {
      {"plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}},
      {"crlf and no final line end", "a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}, {1, 2}},
      {"byte order mark", "\xEF\xBB\xBF" "a,b\r\n", {{"a", "b"}}, {1}},
      {"empty cells", ",\n,x,\n", {{"", ""}, {"", "x", ""}}, {1, 2}},
      {"quoted comma and quote", "\"a,b\",\"say \"\"hi\"\"\"\n", {{"a,b", "say \"hi\""}}, {1}},
      {"quoted empty", "\"\",x\n", {{"", "x"}}, {1}},
      {"line breaks inside quotes", "\"1\r\n2\",x\n\"3\n4\",y\n", {{"1\r\n2", "x"}, {"3\n4", "y"}}, {1, 3}},
      {"blank lines skipped", "a\n\n\r\nb\n", {{"a"}, {"b"}}, {1, 4}},
      {"lone CR ends a line", "a\rb\r", {{"a"}, {"b"}}, {1, 2}},
      {"spaces kept", " a , b \n", {{" a ", " b "}}, {1}},
  };
  for (const CsvCase& c : cases) {
    SCOPED_TRACE(c.name);
    CsvText csv = read_csv(c.text);
    EXPECT_TRUE(csv.problems.empty()) << csv.problems.front().message;
    Rows rows;
    std::vector<std::size_t> lines;
    for (const CsvRow& row : csv.rows) {
      rows.push_back(row.cells);
      lines.push_back(row.line);
    }
    EXPECT_EQ(rows, c.rows);
    EXPECT_EQ(lines, c.lines);
  }
}

TEST(Csv, NamesWhatIsBrokenAndWhere) {
  const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
      {"a\n\"open,b\nc\n", 2, "a quoted field starts here but its closing quote is missing"},
      {"a\nx\"y\n", 2, "a quote inside a field that does not start with one"},
      {"a\n\"x\"y,z\n", 2, "text after a field's closing quote"},
      {"a\nRen\xE9\n", 2, "this row is not UTF-8 text"},
  };
  for (const auto& [text, line, message] : cases) {
    SCOPED_TRACE(text);
    CsvText csv = read_csv(text);
    ASSERT_EQ(csv.problems.size(), 1u);
    EXPECT_EQ(csv.problems[0].line, line);
    EXPECT_EQ(csv.problems[0].message.rfind(message, 0), 0u) << csv.problems[0].message;
  }
}

TEST(Csv, WritesQuotesOnlyWhereNeeded) {
  EXPECT_EQ(csv_line({"a", "", "b c"}), "a,,b c\r\n");
  EXPECT_EQ(csv_line({"a,b", "say \"hi\"", "1\n2", " pad"}), "\"a,b\",\"say \"\"hi\"\"\",\"1\n2\",\" pad\"\r\n");
  // What it writes reads back the same.
  const std::vector<std::string> cells = {"O'Brien, Jr", "\"", "x\r\ny", ""};
  EXPECT_EQ(read_csv(csv_line(cells)).rows.at(0).cells, cells);
}

TEST(Csv, Utf8) {
  EXPECT_TRUE(is_utf8("plain"));
  EXPECT_TRUE(is_utf8("Siobh\xC3\xA1n \xE2\x80\x94 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_utf8("\xC3"));              // cut short
  EXPECT_FALSE(is_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(is_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(ImportRows, JsonItemLines) {
  EXPECT_EQ(json_item_lines("[\n {\"a\": \"]\\\"[,\"},\n\n {\"b\": [1,\n 2]}, 3\n]"),
            (std::vector<std::size_t>{2, 4, 5}));
  EXPECT_EQ(json_item_lines("[]"), std::vector<std::size_t>{});
  EXPECT_EQ(json_item_lines("{\"a\": 1}"), std::vector<std::size_t>{});
}

TEST(ImportRows, CsvAndJsonGiveTheSameRecords) {
  const std::vector<std::string> fields = {"trn", "prohibited", "qts_awarded"};
  InputFile csv = read_input_file("t.CSV", "trn,prohibited,qts_awarded\n1234567,no,\n", fields);
  InputFile json = read_input_file("t.json", "[{\"trn\": \"1234567\", \"prohibited\": false, \"qts_awarded\": null}]",
                                   fields);
  ASSERT_TRUE(csv.problems.empty());
  ASSERT_TRUE(json.problems.empty());
  ASSERT_EQ(csv.records.size(), 1u);
  ASSERT_EQ(json.records.size(), 1u);
  EXPECT_EQ(csv.records[0].fields, json.records[0].fields);
  EXPECT_EQ(csv.records[0].where, "t.CSV:2");
  EXPECT_EQ(json.records[0].where, "t.json:1: item [0]");
  EXPECT_EQ(csv.columns, fields);
  EXPECT_TRUE(is_input_file("a.Json"));
  EXPECT_FALSE(is_input_file("a.yaml"));
}

}  // namespace
}  // namespace ectflow::cli
