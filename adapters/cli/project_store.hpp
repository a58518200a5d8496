// Opening what a database command works on: the flows, and the database holding their records.
#pragma once

#include <cstdio>
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

// The project's migrations folder: `migrations` beside the flows' folder (the project root).
std::string default_migrations_folder(const std::vector<std::string>& flows);

// Compares `db` with the flows' records and the project's migrations and prints the outcome to
// `out`: "database D matches the flows", or what differs and what to run. kExitOk or
// kExitProblems.
int report_schema(const std::string& db, const std::vector<RecordSchema>& schemas,
                  const std::string& migrations, std::FILE* out);

// Loads the flows and opens `db` (a SQLite file or a postgresql:// URL) with its tables ready.
// A SQLite database with no ectflow tables yet gets the migrations (`migrations`, default beside
// the flows) applied, saying so on stderr. When the flows have errors, prints them to stderr
// (naming `command`) and returns nothing. Throws sql::StoreError when the database cannot be
// opened, has migrations not yet applied, or does not match the flows (the message says to run
// `ectflow db migrate --db ...`, or to write a migration).
std::optional<OpenedProject> open_project(const std::vector<std::string>& flows, const std::string& db,
                                          std::string_view command,
                                          const std::string& migrations = {});

}  // namespace ectflow::cli
