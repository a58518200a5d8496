// Rows of text for export and report, written as CSV (a header row, then one row per record) or
// as JSON (an array with one object per row, number columns as numbers, empty cells as null).
#pragma once

#include <cstddef>
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

// The columns a list of mentors by school is ordered by.
struct MentorColumns {
  std::size_t school_name, school_urn, name, mentor_id;
};

// By school name, then URN, then the mentor's name, then its id: as a school looks them up.
void sort_mentors_by_school(Table& table, MentorColumns columns);

}  // namespace ectflow::cli
