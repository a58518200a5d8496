// Opening what a database command works on: the flows, and the database holding their records.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/engine.hpp"
#include "ectflow/sql_store.hpp"

namespace ectflow::cli {

inline constexpr const char* kDefaultDatabase = "ectflow.db";

struct OpenedProject {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<sql::SqlStore> store;
};

// Loads the flows and opens `db` (a SQLite file or a postgresql:// URL) with its tables ready.
// When the flows have errors, prints them to stderr (naming `command`) and returns nothing.
// Throws sql::StoreError when the database cannot be opened or prepared.
std::optional<OpenedProject> open_project(const std::vector<std::string>& flows, const std::string& db,
                                          std::string_view command);

}  // namespace ectflow::cli
