// Reading an import file's records as text (import_rows.hpp).
#include "import_rows.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "csv.hpp"

namespace ectflow::cli {
namespace {

// ordered: a record's fields, and their problems, stay in the order the file gives them.
using json = nlohmann::ordered_json;

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string trimmed(std::string text) {
  text.erase(0, text.find_first_not_of(" \t"));
  text.erase(text.find_last_not_of(" \t") + 1);
  return text;
}

bool known(const std::vector<std::string>& fields, const std::string& name) {
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

class CsvInput {
 public:
  CsvInput(const std::string& path, const std::vector<std::string>& fields, InputFile& out)
      : path_(path), fields_(fields), out_(out) {}

  void read(std::string_view text) {
    CsvText csv = read_csv(text);
    for (const auto& p : csv.problems) problem(p.line, p.message);
    if (csv.rows.empty()) {
      out_.problems.push_back(path_ + ": error: the file is empty; its first line must name the columns: " +
                              joined(fields_));
      return;
    }
    if (!read_header(csv.rows.front())) return;
    out_.columns = columns_;
    out_.header_where = path_ + ":" + std::to_string(csv.rows.front().line);
    out_.records.reserve(csv.rows.size() - 1);
    for (std::size_t i = 1; i < csv.rows.size(); ++i) read_row(csv.rows[i]);
  }

 private:
  void problem(std::size_t line, const std::string& message) {
    out_.problems.push_back(path_ + ":" + std::to_string(line) + ": error: " + message);
  }

  bool read_header(const CsvRow& header) {
    bool ok = true;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      std::string name = trimmed(header.cells[i]);
      if (name.empty()) {
        problem(header.line, "column " + std::to_string(i + 1) + " has no name; the header row names each column: " +
                                 joined(fields_));
        ok = false;
      } else if (!known(fields_, name)) {
        problem(header.line, "unknown column \"" + name + "\"; the columns are " + joined(fields_));
        ok = false;
      } else if (!seen.insert(name).second) {
        problem(header.line, "column \"" + name + "\" appears twice; keep one");
        ok = false;
      }
      columns_.push_back(std::move(name));
    }
    return ok;
  }

  void read_row(const CsvRow& row) {
    if (row.cells.size() != columns_.size()) {
      problem(row.line, "this row has " + std::to_string(row.cells.size()) + " values but the header names " +
                            std::to_string(columns_.size()) +
                            " columns; check for a missing comma, or put a value holding a comma in quotes");
      return;
    }
    InputRecord record;
    record.where = path_ + ":" + std::to_string(row.line);
    record.fields.reserve(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i) record.fields.emplace_back(columns_[i], row.cells[i]);
    out_.records.push_back(std::move(record));
  }

  const std::string& path_;
  const std::vector<std::string>& fields_;
  InputFile& out_;
  std::vector<std::string> columns_;
};

// A JSON scalar as the text a CSV cell would hold.
bool json_text(const json& value, std::string& text) {
  if (value.is_null()) text.clear();
  else if (value.is_string()) text = value.get<std::string>();
  else if (value.is_boolean()) text = value.get<bool>() ? "yes" : "no";
  else if (value.is_number()) text = value.dump();
  else return false;
  return true;
}

void read_json(const std::string& path, std::string_view text, const std::vector<std::string>& fields,
               InputFile& out) {
  json items;
  try {
    items = json::parse(text);
  } catch (const json::parse_error& error) {
    std::string message = error.what();
    if (auto at = message.find("] "); at != std::string::npos) message.erase(0, at + 2);
    out.problems.push_back(path + ": error: not valid JSON: " + message);
    return;
  }
  if (!items.is_array()) {
    out.problems.push_back(path + ": error: expected a JSON array with one object per record, like [{\"" +
                           fields.front() + "\": ...}]");
    return;
  }
  const std::vector<std::size_t> lines = json_item_lines(text);
  out.records.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string where =
        path + ":" + std::to_string(i < lines.size() ? lines[i] : 1) + ": item [" + std::to_string(i) + "]";
    const json& item = items[i];
    if (!item.is_object()) {
      out.problems.push_back(where + ": error: expected an object of fields, like {\"" + fields.front() + "\": ...}");
      continue;
    }
    InputRecord record;
    record.where = where;
    bool ok = true;
    for (const auto& [key, value] : item.items()) {
      std::string value_text;
      if (!known(fields, key)) {
        out.problems.push_back(where + ": error: unknown field \"" + key + "\"; the fields are " + joined(fields));
        ok = false;
      } else if (!json_text(value, value_text)) {
        out.problems.push_back(where + ": error: " + key + " holds a list or an object; give text, a number, " +
                               "true or false, or null");
        ok = false;
      } else {
        record.fields.emplace_back(key, std::move(value_text));
      }
    }
    if (ok) out.records.push_back(std::move(record));
  }
}

}  // namespace

bool is_input_file(const std::string& path) {
  const std::string ext = extension_of(path);
  return ext == ".csv" || ext == ".json";
}

InputFile read_input_file(const std::string& path, std::string_view text, const std::vector<std::string>& fields) {
  InputFile out;
  if (extension_of(path) == ".json") read_json(path, text, fields, out);
  else CsvInput(path, fields, out).read(text);
  return out;
}

std::vector<std::size_t> json_item_lines(std::string_view text) {
  std::vector<std::size_t> lines;
  std::size_t line = 1;
  int depth = 0;
  bool expect_item = false;  // inside the top-level array, before an item's first character
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (depth == 1 && expect_item && c != ']') {
      lines.push_back(line);
      expect_item = false;
    }
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;  // an escape never hides a line break: JSON strings hold none raw
      }
    } else if (c == '[' || c == '{') {
      if (++depth == 1) expect_item = c == '[';
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_item = true;
    }
  }
  return lines;
}

}  // namespace ectflow::cli
