// The database of `ectflow bench --store sqlite|postgresql`: made fresh with the fixtures before a
// repeat, or opened as another process set it up (--no-setup).
#pragma once

#include <memory>
#include <set>
#include <string>

#include "bench_workload.hpp"
#include "ectflow/engine.hpp"
#include "ectflow/sql_store.hpp"

namespace ectflow::cli {

// The database holding the fixtures and nothing else. SQLite: the file deleted and made again, as
// the peer does. PostgreSQL: the tables made if missing and every record removed (see the .cpp).
std::unique_ptr<sql::SqlStore> fresh_sql_store(const Engine& engine, const Workload& workload,
                                               const std::string& db);

// The database as it is, which must hold `schools` as the fixtures made them (another process set
// it up). Throws std::runtime_error saying to run --setup-only when a school is missing or already
// has more ECTs than the fixtures give it.
std::unique_ptr<sql::SqlStore> existing_sql_store(const Engine& engine, const Workload& workload,
                                                  const std::string& db,
                                                  const std::set<std::string>& schools);

void remove_sqlite_files(const std::string& db);

}  // namespace ectflow::cli
