// `ectflow bench`: the reference workload (../shared/bench/WORKLOAD.md) on bench/flows, timed, with
// the final state checked against expected_state.json after every repeat, as the peers do.
#include <CLI/CLI.hpp>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bench_run.hpp"
#include "bench_state.hpp"
#include "bench_workload.hpp"
#include "bench_world.hpp"
#include "commands.hpp"
#include "ectflow/sql_journeys.hpp"
#include "ectflow/sql_store.hpp"
#include "progress.hpp"

namespace ectflow::cli {
namespace {

struct BenchOptions {
  int repeat = 1;
  std::string store = "memory";
  std::string persist = "completions";
  std::string db;
  std::string bench = "../shared/bench";
  std::vector<std::string> flows = {"bench/flows"};
  std::string state_out;
};

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// A fresh database holding the fixtures: the file deleted and made again, as the peer does.
std::unique_ptr<sql::SqlStore> fresh_sql_store(const Engine& engine, const Workload& workload, const std::string& db) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ignored);
  auto store = sql::open_sql_store(db, engine.schemas());
  store->ensure_schema();
  load_fixtures(engine, workload.fixtures, *store);
  return store;
}

// Service mode: the driver remembers the journey in progress by id and version.
struct ServiceDriverState {
  std::unique_ptr<sql::JourneyService> service;
  std::string journey_id;
  std::int64_t version = 0;
};

BenchDriver service_bench_driver(ServiceDriverState& state) {
  return {[&state](const std::string& journey, const RunContext& context, const std::optional<std::string>& with) {
            sql::JourneyOutcome o = state.service->start(journey, {context.actor_id, context.today}, with);
            state.journey_id = o.journey_id;
            state.version = o.version;
            return o.result;
          },
          [&state](const JourneyInstance&, const std::string& step, const Answers& answers, const RunContext& context) {
            sql::JourneyOutcome o =
                state.service->submit(state.journey_id, state.version, step, answers, {context.actor_id, context.today});
            state.version = o.version;
            return o.result;
          }};
}

BenchDriver embedded_bench_driver(sql::EmbeddedJourneys& journeys) {
  return {[&journeys](const std::string& journey, const RunContext& context, const std::optional<std::string>& with) {
            return journeys.start(journey, {context.actor_id, context.today}, with);
          },
          [&journeys](const JourneyInstance& instance, const std::string& step, const Answers& answers,
                      const RunContext& context) {
            return journeys.submit(instance, step, answers, {context.actor_id, context.today});
          }};
}

int run_bench(const BenchOptions& options) {
  LoadedEngine loaded = Engine::load(options.flows);
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    return kExitProblems;
  }
  const Engine& engine = *loaded.engine;
  const Workload workload = read_workload(options.bench);
  const std::string db = options.db.empty() ? (std::filesystem::temp_directory_path() /
                                               ("ectflow-bench-" + std::to_string(::getpid()) + ".db"))
                                                  .string()
                                            : options.db;
  Tally total;
  std::chrono::duration<double> timed{0};
  ProgressBar progress;
  for (int repeat = 0; repeat < options.repeat; ++repeat) {
    progress.stage("Repeat " + std::to_string(repeat + 1) + " of " + std::to_string(options.repeat),
                   workload.lines.size());
    std::unique_ptr<Store> store;
    std::unique_ptr<sql::SqlStore> sql_store;
    std::unique_ptr<sql::EmbeddedJourneys> embedded;
    ServiceDriverState service;
    BenchDriver driver = engine_bench_driver(engine);
    Store* on = nullptr;
    if (options.store == "memory") {
      std::vector<std::string> problems;
      store = make_memory_store(engine, "{}", workload.today, problems);
      load_fixtures(engine, workload.fixtures, *store);
      on = store.get();
    } else {
      sql_store = fresh_sql_store(engine, workload, db);
      on = sql_store.get();
      if (options.persist == "service") {
        service.service = std::make_unique<sql::JourneyService>(*sql_store, loaded.engine);
        driver = service_bench_driver(service);
      } else {
        embedded = std::make_unique<sql::EmbeddedJourneys>(*sql_store, loaded.engine);
        driver = embedded_bench_driver(*embedded);
      }
    }
    Tally tally;
    const auto started = std::chrono::steady_clock::now();
    run_lines(driver, *on, workload.today, workload.lines, 0, workload.lines.size(), tally,
              [&](std::size_t n) { progress.update(n + 1); });
    timed += std::chrono::steady_clock::now() - started;
    progress.clear();
    const nlohmann::json state = bench_state(engine, RunContext{*on, workload.today, ""}, tally);
    if (!options.state_out.empty()) std::ofstream(options.state_out) << state.dump(1) << "\n";
    if (auto difference = first_difference(state, workload.expected)) {
      print(stderr, "ectflow bench: repeat " + std::to_string(repeat + 1) + " ended in the wrong state: " +
                        *difference + "\n");
      return kExitProblems;
    }
    total.journeys += tally.journeys;
    total.submissions += tally.submissions;
    total.rejected += tally.rejected;
    for (const auto& [code, count] : tally.rejections_by_error) total.rejections_by_error[code] += count;
  }
  const double seconds = timed.count();
  nlohmann::json rejections = nlohmann::json::object();
  for (const auto& [code, count] : total.rejections_by_error) rejections[code] = count;
  nlohmann::json out = {
      {"engine", "ectflow"},
      {"store", options.store == "memory" ? "memory" : options.store + "/" + options.persist},
      {"journeys", total.journeys},
      {"submissions", total.submissions},
      {"seconds", std::round(seconds * 1000) / 1000},
      {"journeys_per_s", std::lround(static_cast<double>(total.journeys) / seconds)},
      {"submissions_per_s", std::lround(static_cast<double>(total.submissions) / seconds)},
      {"peak_rss_mb", std::round(peak_rss_mb() * 10) / 10},
      {"rejected", total.rejected},
      {"rejections_by_error", rejections},
  };
  print(stdout, out.dump() + "\n");
  if (options.db.empty() && options.store != "memory") {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ignored);
  }
  return kExitOk;
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* sub = app.add_subcommand("bench", "Run the reference workload, timed, and check its final state");
  sub->add_option("--repeat", options->repeat, "Run the workload this many times, each on a fresh world")
      ->check(CLI::PositiveNumber);
  sub->add_option("--store", options->store, "Where records live: memory, sqlite")
      ->check(CLI::IsMember({"memory", "sqlite"}));
  sub->add_option("--persist", options->persist,
                  "With a database: completions (embedded mode) or service (every submission saved)")
      ->check(CLI::IsMember({"completions", "service"}));
  sub->add_option("--db", options->db, "The SQLite file (default: a temporary file, deleted afterwards)");
  sub->add_option("--bench", options->bench,
                  "The workload folder: fixtures.json, journeys.jsonl, expected_state.json (default ../shared/bench)");
  sub->add_option("--flows", options->flows, "The workload's flows (default bench/flows)");
  sub->add_option("--state-out", options->state_out, "Also write each repeat's final state to this file (JSON)");
  return {sub, [options] {
            try {
              return run_bench(*options);
            } catch (const BenchMismatch& e) {
              print(stderr, std::string("ectflow bench: ") + e.what() + "\n");
              return kExitProblems;
            }
          }};
}

}  // namespace ectflow::cli
