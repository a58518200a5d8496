// What the import, export and report tests share: running a database command on the service's
// flows, a fresh PostgreSQL schema, and reading back what a command stored.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "ectflow/records.hpp"
#include "ectflow/sql_store.hpp"
#include "run_ectflow.hpp"

namespace ectflow::cli_test {

inline const fs::path kRoot = ECTFLOW_SOURCE_DIR;

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `ectflow ARGS --db DB --flows flows/` (--flows last: it takes several values).
inline Result on_database(const std::string& db, const std::string& args) {
  return run_ectflow(args + " --db " + quoted(db) + " --flows " + quoted((kRoot / "flows").string()));
}

// A new schema on the server scripts/with-postgres.sh started: each call a fresh, empty database.
inline std::string postgres_database() {
  const char* url = std::getenv("ECTFLOW_TEST_POSTGRES");
  if (!url || !*url) {
    throw std::runtime_error("ECTFLOW_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh");
  }
  static std::atomic<int> count = 0;
  return std::string(url) + "?schema=import_" + std::to_string(::getpid()) + "_" + std::to_string(count++);
}

inline std::shared_ptr<const Engine> service_engine() {
  static std::shared_ptr<const Engine> engine = Engine::load({(kRoot / "flows").string()}).engine;
  return engine;
}

// Every record of `type` in the database: id → field → value (file form).
using StoredRecords = std::map<std::string, std::map<std::string, std::string>>;
inline StoredRecords stored(const std::string& db, const std::string& type) {
  auto store = sql::open_sql_store(db, service_engine()->schemas());
  RunContext context{*store, Date::from_ymd(2025, 9, 1), ""};
  StoredRecords out;
  for (const RecordFields& record : RecordFieldsReader(*service_engine(), context, type).read_all()) {
    for (const FieldText& field : record.fields) {
      if (field.source == FieldText::Source::stored) out[record.id][field.name] = field.value;
    }
  }
  return out;
}

}  // namespace ectflow::cli_test
