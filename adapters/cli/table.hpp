// Rows of text for export and report, written as CSV (a header row, then one row per record) or
// as JSON (an array with one object per row, number columns as numbers, empty cells as null).
#pragma once

#include <string>
#include <vector>

namespace ectflow::cli {

struct Table {
  struct Column {
    std::string name;
    bool number = false;  // JSON writes the cells as numbers
  };
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // one cell per column
};

std::string table_csv(const Table& table);
std::string table_json(const Table& table);

// Case-insensitive (ASCII) ordering for names, so "de Souza" sorts among the Ds.
bool name_less(const std::string& a, const std::string& b);

}  // namespace ectflow::cli
