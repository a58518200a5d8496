// Writing tables as CSV and JSON (table.hpp).
#include "table.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "csv.hpp"

namespace ectflow::cli {

std::string table_csv(const Table& table) {
  std::vector<std::string> header;
  for (const auto& column : table.columns) header.push_back(column.name);
  std::string text = csv_line(header);
  for (const auto& row : table.rows) text += csv_line(row);
  return text;
}

std::string table_json(const Table& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& cell = row.at(i);
      const std::string& name = table.columns[i].name;
      if (cell.empty()) {
        object[name] = nullptr;
      } else if (auto number = nlohmann::ordered_json::parse(cell, nullptr, false);
                 table.columns[i].number && number.is_number()) {
        object[name] = std::move(number);
      } else {
        object[name] = cell;  // text, or a number column's cell that is not a number after all
      }
    }
    rows.push_back(std::move(object));
  }
  return rows.dump(2) + "\n";
}

bool name_less(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) < std::tolower(y);
  });
}

void sort_mentors_by_school(Table& table, MentorColumns c) {
  std::stable_sort(table.rows.begin(), table.rows.end(), [&c](const auto& a, const auto& b) {
    if (a[c.school_name] != b[c.school_name]) return name_less(a[c.school_name], b[c.school_name]);
    if (a[c.school_urn] != b[c.school_urn]) return a[c.school_urn] < b[c.school_urn];
    if (a[c.name] != b[c.name]) return name_less(a[c.name], b[c.name]);
    return a[c.mentor_id] < b[c.mentor_id];
  });
}

}  // namespace ectflow::cli
