// A world (SCENARIOS.md `given:`) in a fresh SQLite file or PostgreSQL schema, for the journey
// tests: loaded by the engine's world loader, then copied record by record.
#pragma once

#include <gtest/gtest.h>

#include "ectflow/sql_store.hpp"
#include "ectflow/store_copy.hpp"
#include "sql/store_backends.hpp"

namespace ectflow::sql::testing {

// Copies every record of `world_json` into `store` in one transaction.
inline void copy_world(const Engine& engine, const std::string& world_json, Store& store) {
  std::vector<std::string> problems;
  auto world = make_memory_store(engine, world_json, Date::from_ymd(2025, 9, 1), problems);
  ASSERT_TRUE(problems.empty()) << problems.front();
  ASSERT_NO_THROW(copy_every_record(*world, store, engine.schemas()));
}

// A database URL or file for one test, removed afterwards (SQLite) or left in its own schema.
struct TestDatabase {
  std::string db;
  std::filesystem::path cleanup;
  ~TestDatabase() {
    std::error_code ignored;
    if (!cleanup.empty()) std::filesystem::remove_all(cleanup, ignored);
  }
};

inline std::unique_ptr<TestDatabase> fresh_database(const std::string& backend) {
  auto database = std::make_unique<TestDatabase>();
  if (backend == "SQLite") {
    database->cleanup = temp_folder();
    database->db = (database->cleanup / "ectflow.db").string();
  } else {
    database->db = postgres_test_url() + "?schema=" + unique_name("journeys_");
  }
  return database;
}

}  // namespace ectflow::sql::testing
