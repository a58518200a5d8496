// The replayer's two drivers and the fresh world each scenario starts from.
#include "driver.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "ectflow/sql_journeys.hpp"
#include "ectflow/store_copy.hpp"
#include "ectflow/sql_store.hpp"

namespace ectflow::scenario {
namespace {

// The engine alone: the instance is the caller's, the records in memory.
class EngineDriver : public Driver {
 public:
  EngineDriver(std::shared_ptr<const Engine> engine, std::unique_ptr<Store> store)
      : engine_(std::move(engine)), store_(std::move(store)) {}
  Store& store() override { return *store_; }
  JourneyResult start(const std::string& journey, const std::optional<std::string>& with,
                      const RunContext& context) override {
    return start_journey(*engine_, journey, context, with);
  }
  JourneyResult submit(const JourneyInstance& instance, const std::string& step, const Answers& answers,
                       const RunContext& context) override {
    return ectflow::submit(*engine_, instance, step, answers, context);
  }
  JourneyResult back(const JourneyInstance& instance, const RunContext& context) override {
    return go_back(*engine_, instance, context);
  }
  JourneyResult change(const JourneyInstance& instance, const std::string& step, const RunContext& context) override {
    return change_answer(*engine_, instance, step, context);
  }
  JourneyResult follow(const JourneyInstance& instance, const std::string& step, const RunContext& context) override {
    return follow_link(*engine_, instance, step, context);
  }

 private:
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Store> store_;
};

// A folder of its own for a scenario's SQLite file, removed with the world.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ectflow-replay-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder for a scenario's database");
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The service: every request goes through JourneyService, which saves the journey, its event and
// any completion together, as the HTTP API will.
class ServiceDriver : public Driver {
 public:
  ServiceDriver(std::shared_ptr<const Engine> engine, std::unique_ptr<ScratchFolder> folder,
                std::unique_ptr<sql::SqlStore> store)
      : folder_(std::move(folder)), store_(std::move(store)), service_(*store_, std::move(engine)) {}
  Store& store() override { return *store_; }
  JourneyResult start(const std::string& journey, const std::optional<std::string>& with,
                      const RunContext& context) override {
    return keep(service_.start(journey, caller(context), with));
  }
  JourneyResult submit(const JourneyInstance&, const std::string& step, const Answers& answers,
                       const RunContext& context) override {
    return keep(service_.submit(id_, version_, step, answers, caller(context)));
  }
  JourneyResult back(const JourneyInstance&, const RunContext& context) override {
    return keep(service_.back(id_, version_, caller(context)));
  }
  JourneyResult change(const JourneyInstance&, const std::string& step, const RunContext& context) override {
    return keep(service_.change(id_, version_, step, caller(context)));
  }
  JourneyResult follow(const JourneyInstance&, const std::string& step, const RunContext& context) override {
    return keep(service_.follow(id_, version_, step, caller(context)));
  }

 private:
  static sql::Caller caller(const RunContext& context) { return {context.actor_id, context.today, context.teachers}; }

  // The journey in view is the one the next request names, with the version it saw.
  JourneyResult keep(sql::JourneyOutcome outcome) {
    if (!outcome.journey_id.empty() && outcome.result.kind != JourneyResult::Kind::rejected) {
      id_ = outcome.journey_id;
      version_ = outcome.version;
    }
    return std::move(outcome.result);
  }

  std::unique_ptr<ScratchFolder> folder_;  // before the store: removed after it closes
  std::unique_ptr<sql::SqlStore> store_;
  sql::JourneyService service_;
  std::string id_;
  std::int64_t version_ = 0;
};

}  // namespace

std::unique_ptr<Driver> fresh_world(const std::shared_ptr<const Engine>& engine, const nlohmann::json& given,
                                    Date today, const std::string& db, std::vector<std::string>& problems) {
  std::unique_ptr<Store> memory = make_memory_store(*engine, given.dump(), today, problems);
  if (!problems.empty()) return nullptr;
  if (db == "memory") return std::make_unique<EngineDriver>(engine, std::move(memory));
  std::unique_ptr<ScratchFolder> folder;
  std::string url = db;
  if (db == "sqlite") {
    folder = std::make_unique<ScratchFolder>();
    url = folder->file("scenario.db");
  } else if (!sql::is_postgres_url(db)) {
    throw std::runtime_error("--db is memory, sqlite or a postgresql:// URL, not " + db);
  }
  std::unique_ptr<sql::SqlStore> store = sql::open_sql_store(url, engine->schemas());
  store->ensure_schema();
  store->ensure_indexes();
  // PostgreSQL: a database shared between runs, so what an earlier scenario left goes first.
  if (sql::is_postgres_url(url)) remove_every_record(*store, engine->schemas());
  copy_every_record(*memory, *store, engine->schemas());
  return std::make_unique<ServiceDriver>(engine, std::move(folder), std::move(store));
}

}  // namespace ectflow::scenario
