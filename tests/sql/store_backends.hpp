// The back ends the Store conformance suite runs against: each makes a fresh, empty database and
// opens connections to it (the in-memory store hands out itself). PostgreSQL's database is a new
// schema on the server named by ECTFLOW_TEST_POSTGRES, which scripts/with-postgres.sh starts.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ectflow/sql_store.hpp"
#include "store/memory_store.hpp"

namespace ectflow::sql::testing {

class Database {
 public:
  virtual ~Database() = default;
  // A connection to this database: a new one for SQL back ends, the same store for memory.
  virtual std::shared_ptr<Store> open() = 0;
};

struct Backend {
  std::string name;
  // Throws std::runtime_error saying what to do when the back end is not available.
  std::function<std::unique_ptr<Database>(const std::vector<RecordSchema>&)> create;
};

inline void PrintTo(const Backend& backend, std::ostream* out) {
  *out << backend.name;
}

inline std::string postgres_test_url() {
  const char* url = std::getenv("ECTFLOW_TEST_POSTGRES");
  if (!url || !*url) {
    throw std::runtime_error(
        "ECTFLOW_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh, which "
        "starts a "
        "throwaway PostgreSQL 15 and sets it (e.g. scripts/with-postgres.sh ctest --test-dir "
        "build/dev)");
  }
  return url;
}

// A name no other test process or case uses.
inline std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter = 0;
  return prefix + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
}

class MemoryDatabase : public Database {
 public:
  explicit MemoryDatabase(const std::vector<RecordSchema>& schemas)
      : store_(std::make_shared<store::MemoryStore>(schemas)) {}
  std::shared_ptr<Store> open() override { return store_; }

 private:
  std::shared_ptr<store::MemoryStore> store_;
};

class SqlDatabase : public Database {
 public:
  SqlDatabase(std::string db, std::vector<RecordSchema> schemas, std::filesystem::path cleanup = {})
      : db_(std::move(db)), schemas_(std::move(schemas)), cleanup_(std::move(cleanup)) {
    open_sql_store(db_, schemas_, options())->ensure_schema();
  }
  ~SqlDatabase() override {
    std::error_code ignored;
    if (!cleanup_.empty()) std::filesystem::remove_all(cleanup_, ignored);
  }
  std::shared_ptr<Store> open() override { return open_sql_store(db_, schemas_, options()); }
  static SqlOptions options() {
    SqlOptions options;
    options.busy_timeout = std::chrono::milliseconds(20000);  // racing writers queue, never fail
    return options;
  }

 private:
  std::string db_;
  std::vector<RecordSchema> schemas_;
  std::filesystem::path cleanup_;
};

// A fresh folder under the system's temporary directory.
inline std::filesystem::path temp_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ectflow-sql-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
  return pattern;
}

inline std::vector<Backend> all_backends() {
  return {
      {"Memory", [](const auto& schemas) { return std::make_unique<MemoryDatabase>(schemas); }},
      {"SQLite",
       [](const auto& schemas) {
         auto folder = temp_folder();
         return std::make_unique<SqlDatabase>((folder / "store.db").string(), schemas, folder);
       }},
      {"PostgreSQL",
       [](const auto& schemas) {
         return std::make_unique<SqlDatabase>(
             postgres_test_url() + "?schema=" + unique_name("test_"), schemas);
       }},
  };
}

}  // namespace ectflow::sql::testing
