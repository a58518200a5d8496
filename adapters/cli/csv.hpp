// RFC 4180 CSV for imports and exports: quoted fields (with doubled quotes, commas and line breaks
// inside), CRLF or LF line ends, a UTF-8 byte order mark tolerated at the start.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ectflow::cli {

struct CsvRow {
  std::size_t line = 0;  // the line the row starts on, from 1
  std::vector<std::string> cells;
};

struct CsvText {
  std::vector<CsvRow> rows;  // blank lines are skipped
  // What stopped the reading (an unclosed quote, text after a closing quote) or a row that is not
  // UTF-8, each with its line; the rows hold what was read.
  struct Problem {
    std::size_t line = 0;
    std::string message;
  };
  std::vector<Problem> problems;
};

CsvText read_csv(std::string_view text);

// One row of CSV, ending CRLF; a cell is quoted only when it must be.
std::string csv_line(const std::vector<std::string>& cells);

// Whether `text` is well-formed UTF-8.
bool is_utf8(std::string_view text);

}  // namespace ectflow::cli
