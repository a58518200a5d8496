// Reading and writing CSV (csv.hpp).
#include "csv.hpp"

#include <algorithm>
#include <cstdint>

namespace ectflow::cli {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
  }

  CsvText read() {
    while (pos_ < text_.size()) {
      if (at_line_end()) {
        end_line();  // a blank line
        continue;
      }
      if (!read_row()) break;
    }
    return std::move(out_);
  }

 private:
  bool at_line_end() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void end_line() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void problem(std::size_t line, std::string message) { out_.problems.push_back({line, std::move(message)}); }

  // False when the rest of the text cannot be read (a quote never closed).
  bool read_row() {
    CsvRow row;
    row.line = line_;
    for (;;) {
      std::string cell;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!read_quoted(cell)) return false;
      } else {
        read_plain(cell);
      }
      row.cells.push_back(std::move(cell));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size()) end_line();
      break;
    }
    for (const std::string& cell : row.cells) {
      if (!is_utf8(cell)) {
        problem(row.line, "this row is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)");
        break;
      }
    }
    out_.rows.push_back(std::move(row));
    return true;
  }

  void read_plain(std::string& cell) {
    const std::size_t end = std::min(text_.find_first_of(",\r\n", pos_), text_.size());
    cell.assign(text_.substr(pos_, end - pos_));
    if (cell.find('"') != std::string::npos) {
      problem(line_, "a quote inside a field that does not start with one; put the whole field in quotes and "
                     "double each quote inside it (\"say \"\"hello\"\"\")");
    }
    pos_ = end;
  }

  bool read_quoted(std::string& cell) {
    const std::size_t opened = line_;
    ++pos_;
    for (;;) {
      const std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        problem(opened, "a quoted field starts here but its closing quote is missing; end it with \"");
        return false;
      }
      const std::string_view part = text_.substr(pos_, quote - pos_);
      for (std::size_t i = 0; i < part.size(); ++i) {
        // CRLF inside quotes is one line break; a lone CR counts as one too.
        if (part[i] == '\n' || (part[i] == '\r' && (i + 1 == part.size() || part[i + 1] != '\n'))) ++line_;
      }
      cell.append(part);
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        cell += '"';
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
      problem(line_, "text after a field's closing quote; put the whole field in quotes and double each quote "
                     "inside it");
      std::string rest;
      read_plain(rest);
      cell += rest;
    }
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  CsvText out_;
};

}  // namespace

CsvText read_csv(std::string_view text) { return CsvReader(text).read(); }

std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    const std::string& cell = cells[i];
    const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote) {
      line += cell;
      continue;
    }
    line += '"';
    for (char c : cell) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  return line + "\r\n";
}

bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if ((c & 0xE0) == 0xC0) extra = 1, code = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, code = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, code = c & 0x07;
    else return false;
    if (i + extra >= text.size()) return false;  // cut short
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    static constexpr std::uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[extra] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace ectflow::cli
