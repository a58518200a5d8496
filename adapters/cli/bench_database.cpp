// fresh_sql_store and existing_sql_store: a bench database that starts from the fixtures.
#include "bench_database.hpp"

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "bench_world.hpp"
#include "ectflow/store_copy.hpp"

namespace ectflow::cli {

void remove_sqlite_files(const std::string& db) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ignored);
}

// The hand-written peer's SQLite settings (WAL, synchronous = NORMAL): the same writes, so the
// same waits for the disk.
namespace {
sql::SqlOptions bench_sql_options() {
  sql::SqlOptions options;
  options.sqlite_sync_every_commit = false;
  return options;
}
}  // namespace

std::unique_ptr<sql::SqlStore> fresh_sql_store(const Engine& engine, const Workload& workload,
                                               const std::string& db) {
  const bool postgres = sql::is_postgres_url(db);
  if (!postgres) remove_sqlite_files(db);
  auto store = sql::open_sql_store(db, engine.schemas(), bench_sql_options());
  store->ensure_schema();
  // PostgreSQL: the CLI cannot drop tables (SQL stays inside adapters/sql), so every record goes
  // through the Store. What --persist service leaves in the journey and event tables stays: those
  // rows are keyed by random ids and no journey reads them. bench/compare gives each run a
  // database of its own, so only --repeat 2+ reaches this with rows.
  if (postgres) remove_every_record(*store, engine.schemas());
  load_fixtures(engine, workload.fixtures, *store);
  return store;
}

std::unique_ptr<sql::SqlStore> existing_sql_store(const Engine& engine, const Workload& workload,
                                                  const std::string& db,
                                                  const std::set<std::string>& schools) {
  if (!sql::is_postgres_url(db) && !std::filesystem::exists(db)) {
    throw std::runtime_error("--no-setup: there is no database " + db +
                             "; make it with --setup-only first");
  }
  // No ensure_schema: processes started together would race to create the same tables.
  auto store = sql::open_sql_store(db, engine.schemas(), bench_sql_options());
  const auto school = engine.record_type("school");
  const auto ect = engine.record_type("ect");
  if (!school || !ect) throw std::runtime_error("bench/flows declare no record `school` or `ect`");
  const auto school_id = engine.schema(*ect).slot("school_id");
  if (!school_id) throw std::runtime_error("bench/flows: record `ect` has no field school_id");
  // A school with more ECTs than its fixtures ran before: its lines would fail as already
  // registered.
  for (const nlohmann::json& fixture : workload.fixtures.at("schools")) {
    const std::string urn = fixture.at("urn").get<std::string>();
    if (!schools.count(urn)) continue;
    if (!store->find(*school, urn)) {
      throw std::runtime_error("--no-setup: " + store->database() + " has no school " + urn +
                               ": make it with --setup-only first");
    }
    std::size_t ects = 0;
    store->for_each_where(*ect, *school_id, urn, [&](const Record&) { ++ects; });
    if (ects != fixture.at("ects").size()) {
      throw std::runtime_error("--no-setup: school " + urn + " has " + std::to_string(ects) +
                               " ECTs in " + store->database() + ", its fixtures " +
                               std::to_string(fixture.at("ects").size()) +
                               ": a run has used the database; make it fresh with --setup-only");
    }
  }
  return store;
}

}  // namespace ectflow::cli
