// `ectflow bench`: the reference workload (../shared/bench/WORKLOAD.md) on bench/flows, timed, with
// the final state checked against expected_state.json after every repeat, as the peers do.
#include <CLI/CLI.hpp>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bench_database.hpp"
#include "bench_run.hpp"
#include "bench_share.hpp"
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
  std::string schools;  // "K/N"; empty: every school
  bool setup_only = false;
  bool no_setup = false;
};

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// What the options cannot do together, said as the fix; nothing when they can.
std::optional<std::string> usage_problem(const BenchOptions& options) {
  if (options.store == "postgresql" && !sql::is_postgres_url(options.db)) {
    return "--store postgresql needs --db postgresql://user@host:port/dbname";
  }
  if (options.store == "sqlite" && sql::is_postgres_url(options.db)) {
    return "--db " + options.db + " is a PostgreSQL URL: give --store postgresql";
  }
  const bool shared = options.setup_only || options.no_setup;
  if (shared && options.store == "memory") return "--setup-only and --no-setup need --store sqlite or postgresql";
  if (shared && options.db.empty()) return "--setup-only and --no-setup need --db: the database the processes share";
  if (options.no_setup && options.repeat != 1) {
    return "--no-setup runs once on the database as it is: give --repeat 1";
  }
  return std::nullopt;
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
  if (auto problem = usage_problem(options)) {
    print(stderr, "ectflow bench: " + *problem + "\n");
    return kExitUsage;
  }
  LoadedEngine loaded = Engine::load(options.flows);
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    return kExitProblems;
  }
  const Engine& engine = *loaded.engine;
  Workload workload = read_workload(options.bench);
  const std::string db = options.db.empty() ? (std::filesystem::temp_directory_path() /
                                               ("ectflow-bench-" + std::to_string(::getpid()) + ".db"))
                                                  .string()
                                            : options.db;
  if (options.setup_only) {
    const auto started = std::chrono::steady_clock::now();
    auto store = fresh_sql_store(engine, workload, db);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    print(stdout, "ectflow bench: " + store->database() + " holds the fixtures of " + workload.directory + " (" +
                      std::to_string(std::lround(took.count() * 1000)) + " ms)\n");
    return kExitOk;
  }
  // Without --schools, the share 1/1 (every school), but the whole expected state is checked.
  const bool sharing = !options.schools.empty();
  const SchoolShare share = sharing ? *parse_share(options.schools) : SchoolShare{};
  const std::set<std::string> schools = share_schools(workload.fixtures, share);
  if (sharing) keep_lines(workload.lines, schools);
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
      sql_store = options.no_setup ? existing_sql_store(engine, workload, db, schools)
                                   : fresh_sql_store(engine, workload, db);
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
    std::optional<std::string> difference;
    if (sharing) {
      const ShareCheck check = share_check(state, workload.expected, schools, workload.lines);
      difference = first_difference(check.got, check.expected, check.keys);
    } else {
      difference = first_difference(state, workload.expected);
    }
    if (difference) {
      print(stderr, "ectflow bench: repeat " + std::to_string(repeat + 1) + " ended in the wrong state: " +
                        *difference + "\n");
      return kExitProblems;
    }
    total.journeys += tally.journeys;
    total.submissions += tally.submissions;
    total.rejected += tally.rejected;
    total.conflicts += tally.conflicts;
    for (const auto& [code, count] : tally.rejections_by_error) total.rejections_by_error[code] += count;
  }
  const double seconds = timed.count();
  const auto per_second = [&](std::size_t count) {
    return seconds > 0 ? std::lround(static_cast<double>(count) / seconds) : 0L;
  };
  nlohmann::json rejections = nlohmann::json::object();
  for (const auto& [code, count] : total.rejections_by_error) rejections[code] = count;
  nlohmann::json out = {
      {"engine", "ectflow"},
      {"store", options.store == "memory" ? "memory" : options.store + "/" + options.persist},
      {"journeys", total.journeys},
      {"submissions", total.submissions},
      {"seconds", std::round(seconds * 1000) / 1000},
      {"journeys_per_s", per_second(total.journeys)},
      {"submissions_per_s", per_second(total.submissions)},
      {"peak_rss_mb", std::round(peak_rss_mb() * 10) / 10},
      {"rejected", total.rejected},
      {"rejections_by_error", rejections},
      {"conflicts", total.conflicts},
  };
  if (sharing) out["schools"] = share.text();
  print(stdout, out.dump() + "\n");
  if (options.db.empty() && options.store != "memory") remove_sqlite_files(db);
  return kExitOk;
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* sub = app.add_subcommand("bench", "Run the reference workload, timed, and check its final state");
  sub->add_option("--repeat", options->repeat, "Run the workload this many times, each on a fresh world")
      ->check(CLI::PositiveNumber);
  sub->add_option("--store", options->store, "Where records live: memory, sqlite, postgresql")
      ->check(CLI::IsMember({"memory", "sqlite", "postgresql"}));
  sub->add_option("--persist", options->persist,
                  "With a database: completions (embedded mode) or service (every submission saved)")
      ->check(CLI::IsMember({"completions", "service"}));
  sub->add_option("--db", options->db,
                  "The SQLite file (default: a temporary file, deleted afterwards), or with --store postgresql a "
                  "postgresql:// URL. Each repeat empties it and loads the fixtures, unless --no-setup");
  sub->add_option("--bench", options->bench,
                  "The workload folder: fixtures.json, journeys.jsonl, expected_state.json (default ../shared/bench)");
  sub->add_option("--flows", options->flows, "The workload's flows (default bench/flows)");
  sub->add_option("--state-out", options->state_out, "Also write each repeat's final state to this file (JSON)");
  sub->add_option("--schools", options->schools,
                  "K/N: run only the lines of share K of N of the schools (the fixtures' schools sorted by URN, "
                  "school i from 0 in share (i mod N) + 1) and check those schools' state")
      ->check(CLI::Validator(
          [](std::string& text) {
            return parse_share(text) ? std::string() : "expected K/N with 1 <= K <= N, like 2/4";
          },
          "K/N"));
  CLI::Option* setup_only =
      sub->add_flag("--setup-only", options->setup_only,
                    "Make --db fresh with the fixtures, then exit (for processes started with --no-setup)");
  sub->add_flag("--no-setup", options->no_setup,
                "Run on --db as it is (made by --setup-only), so several processes can share it with --schools")
      ->excludes(setup_only);
  return {sub, [options] {
            try {
              return run_bench(*options);
            } catch (const BenchMismatch& e) {
              print(stderr, std::string("ectflow bench: ") + e.what() + "\n");
              return kExitProblems;
            } catch (const std::runtime_error& e) {
              // A database that cannot be used, a workload folder that cannot be read.
              print(stderr, std::string("ectflow bench: ") + e.what() + "\n");
              return kExitFailure;
            }
          }};
}

}  // namespace ectflow::cli
