// Records as an import file gives them, before their values are checked: a CSV file whose header
// row names the fields, or a JSON array of objects, chosen by the file's extension.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ectflow::cli {

struct InputRecord {
  std::string where;  // "teachers.csv:4", or "teachers.json:12: item [3]"
  std::vector<std::pair<std::string, std::string>> fields;  // name, text as given
};

struct InputFile {
  std::vector<std::string> columns;  // a CSV file's header (empty for JSON)
  std::string header_where;          // "teachers.csv:1"
  std::vector<InputRecord> records;
  std::vector<std::string> problems;  // "WHERE: error: ...", in file order
};

// `fields`: the names a record may give. A JSON `true`/`false` is the text yes/no and `null`
// is blank, so both formats reach the checks as text. Unknown or repeated columns or keys,
// rows of the wrong length, and text that is not UTF-8 are problems.
InputFile read_input_file(const std::string& path, std::string_view text, const std::vector<std::string>& fields);

// Whether `path` names a file read_input_file reads (.csv or .json, any case).
bool is_input_file(const std::string& path);

// The line (from 1) each item of a JSON text's top-level array starts on. The text must be valid
// JSON; items of anything but an array give nothing.
std::vector<std::size_t> json_item_lines(std::string_view text);

}  // namespace ectflow::cli
