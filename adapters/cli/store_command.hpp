// What the database commands (import, export, report) share: their --db, --flows and --today
// options, opening the project, and turning a database failure into a message and exit code 3.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/engine.hpp"
#include "project_store.hpp"

namespace CLI {
class App;
}

namespace ectflow::cli {

struct StoreOptions {
  std::string db = kDefaultDatabase;
  std::vector<std::string> flows = {"flows/"};
  std::string today;  // empty: the computer's date
};

void add_store_options(CLI::App& app, StoreOptions& options, bool with_today);

// --today, or the computer's local date. Prints a usage error naming `command` when it is not a date.
std::optional<Date> today_of(const StoreOptions& options, std::string_view command);

// Opens the flows and the database, then runs `work`. Flows with errors are exit 1 (printed by
// open_project); a database that cannot be opened or fails midway is exit 3 with its message, and
// so is a SQLite file that does not exist when `must_exist` (a command that only reads).
int with_project(const StoreOptions& options, std::string_view command,
                 const std::function<int(OpenedProject& project)>& work, bool must_exist = false);

// The store's records copied into memory in one consistent read, so rules that query many
// records (derived fields, statuses) run without a database round trip each.
std::unique_ptr<Store> snapshot(const Engine& engine, Store& store);

// A command that only reads (export, report): --today, then the project opened (the SQLite file
// must exist) and a snapshot of its records handed to `work` with the day.
int with_snapshot(const StoreOptions& options, std::string_view command,
                  const std::function<int(OpenedProject& project, Store& records, Date today)>& work);

}  // namespace ectflow::cli
