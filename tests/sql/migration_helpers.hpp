// Helpers for the migration tests: the flows' record schemas, a copy of the repository's
// migrations to change, and a fresh empty database per back end (SQLite file, PostgreSQL schema).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "ectflow/sql_migrations.hpp"
#include "sql/store_backends.hpp"

namespace ectflow::sql::testing {

inline const std::filesystem::path kSourceDir = ECTFLOW_SOURCE_DIR;
inline const std::string kRepositoryMigrations = (kSourceDir / "migrations").string();

// The record schemas of the repository's flows/, loaded once.
inline const std::vector<RecordSchema>& flow_schemas() {
  static const std::vector<RecordSchema> schemas = [] {
    const LoadedEngine loaded = Engine::load({(kSourceDir / "flows").string()});
    if (!loaded.engine) throw std::runtime_error("the repository's flows/ do not load");
    return loaded.engine->schemas();
  }();
  return schemas;
}

// The flows' schemas with one more text field on a record type.
inline std::vector<RecordSchema> with_field(const std::string& record, const std::string& field) {
  std::vector<RecordSchema> schemas = flow_schemas();
  for (RecordSchema& schema : schemas) {
    if (schema.name == record) schema.fields.push_back({field, FieldKind::text, ""});
  }
  return schemas;
}

// A scratch copy of the repository's migrations, removed with the test.
class MigrationsCopy {
 public:
  MigrationsCopy() : folder_(temp_folder()) {
    std::filesystem::copy(kRepositoryMigrations, folder_ / "migrations",
                          std::filesystem::copy_options::recursive);
  }
  ~MigrationsCopy() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  std::string path() const { return (folder_ / "migrations").string(); }
  std::filesystem::path root() const { return folder_; }
  // Writes the same file into both dialects' folders (or one, when `dialect` is given).
  void write(const std::string& file_name, const std::string& text,
             const std::string& dialect = "") const {
    for (const char* d : {kSqliteMigrations, kPostgresMigrations}) {
      if (!dialect.empty() && dialect != d) continue;
      std::ofstream(folder_ / "migrations" / d / file_name, std::ios::binary) << text;
    }
  }
  void remove(const std::string& file_name) const {
    for (const char* d : {kSqliteMigrations, kPostgresMigrations}) {
      std::filesystem::remove(folder_ / "migrations" / d / file_name);
    }
  }

 private:
  std::filesystem::path folder_;
};

// How a test reaches a fresh, empty database of one back end.
struct FreshDatabase {
  std::string name;
  std::function<std::string(const std::filesystem::path& scratch)> make;  // the --db text
};

inline void PrintTo(const FreshDatabase& backend, std::ostream* out) {
  *out << backend.name;
}

inline std::vector<FreshDatabase> fresh_databases() {
  return {
      {"SQLite", [](const std::filesystem::path& scratch) { return (scratch / "ectflow.db").string(); }},
      {"PostgreSQL",
       [](const std::filesystem::path&) {
         return postgres_test_url() + "?schema=" + unique_name("mig_");
       }},
  };
}

// The message of the MigrationError `action` throws, or a failure if it throws none.
template <typename Action>
std::string migration_error(Action action) {
  try {
    action();
  } catch (const MigrationError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no MigrationError";
  return {};
}

}  // namespace ectflow::sql::testing
