// The database commands' shared options and opening (store_command.hpp).
#include "store_command.hpp"

#include <CLI/CLI.hpp>

#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "commands.hpp"

namespace ectflow::cli {

void add_store_options(CLI::App& app, StoreOptions& options, bool with_today) {
  app.add_option("--db", options.db,
                 "The database: an SQLite file, or postgresql://user@host/dbname (default: ectflow.db)");
  app.add_option("--flows", options.flows, "Flow files or directories (default: flows/)");
  if (with_today) app.add_option("--today", options.today, "The date rules run on (default: today)");
}

std::optional<Date> today_of(const StoreOptions& options, std::string_view command) {
  if (options.today.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                          static_cast<unsigned>(local.tm_mday));
  }
  auto date = Date::parse_iso(options.today);
  if (!date) print(stderr, "ectflow " + std::string(command) + ": --today must be a date like 2025-09-01\n");
  return date;
}

int with_project(const StoreOptions& options, std::string_view command,
                 const std::function<int(OpenedProject& project)>& work, bool must_exist) {
  std::error_code ignored;
  if (must_exist && !options.db.starts_with("postgresql://") && !options.db.starts_with("postgres://") &&
      !std::filesystem::exists(options.db, ignored)) {
    print(stderr, "ectflow " + std::string(command) + ": there is no database " + options.db +
                      "; give its path with --db, or import records into it first (ectflow import)\n");
    return kExitFailure;
  }
  try {
    std::optional<OpenedProject> project = open_project(options.flows, options.db, command);
    if (!project) return kExitProblems;
    return work(*project);
  } catch (const sql::StoreError& error) {
    print(stderr, "ectflow " + std::string(command) + ": " + error.what() + "\n");
    return kExitFailure;
  } catch (const std::invalid_argument& error) {
    // The flows lack a record type or field the command reads (records.hpp says which).
    print(stderr, "ectflow " + std::string(command) + ": " + error.what() + "\n");
    return kExitProblems;
  }
}

std::unique_ptr<Store> snapshot(const Engine& engine, Store& store) {
  const std::vector<RecordSchema> schemas = engine.schemas();
  std::vector<RecordChange> copies;
  // A transaction that changes nothing: every type read from the same moment.
  store.transact([&](StoreTransaction& view) {
    for (RecordTypeId type = 0; type < schemas.size(); ++type) {
      view.for_each(type, [&](const Record& record) {
        copies.push_back({RecordChange::Kind::create, type, record});
      });
    }
    return false;
  });
  std::vector<std::string> problems;
  std::unique_ptr<Store> memory = make_memory_store(engine, "", Date{}, problems);
  memory->transact([&](StoreTransaction& into) {
    for (RecordChange& change : copies) {
      change.record.version = 0;
      into.apply(std::move(change));
    }
    return true;
  });
  return memory;
}

int with_snapshot(const StoreOptions& options, std::string_view command,
                  const std::function<int(OpenedProject& project, Store& records, Date today)>& work) {
  const std::optional<Date> today = today_of(options, command);
  if (!today) return kExitUsage;
  return with_project(
      options, command,
      [&](OpenedProject& project) {
        std::unique_ptr<Store> records = snapshot(*project.engine, *project.store);
        return work(project, *records, *today);
      },
      true);
}

}  // namespace ectflow::cli
