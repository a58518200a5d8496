// Two (or more) people pairing the same ECT at the same moment: exactly one wins, each other one
// gets a clear conflict and stays on its page, and the ECT has exactly one open mentorship.
// Threads on their own connections (SQLite and PostgreSQL), and separate processes on
// PostgreSQL, released together each round by a barrier. ECTFLOW_RACE_ROUNDS sets the rounds
// (default 40; run with more by hand).
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <barrier>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "ectflow/sql_journeys.hpp"
#include "runtime/runtime_fixture.hpp"
#include "sql/sql_world.hpp"

namespace ectflow::sql {
namespace {

using ectflow::testing::service_engine;

constexpr int kRacers = 4;
const Date kToday = Date::from_ymd(2025, 9, 1);
const Caller kSchool{"100001", kToday};

int rounds() {
  const char* text = std::getenv("ECTFLOW_RACE_ROUNDS");
  return text && std::atoi(text) > 0 ? std::atoi(text) : 40;
}

// One school with a mentor per racer and an unpaired ECT per round.
std::string race_world(int ects) {
  nlohmann::json school = {{"urn", "100001"}, {"name", "Race Primary"}, {"mentors", nlohmann::json::array()},
                           {"ects", nlohmann::json::array()}};
  for (int m = 0; m < kRacers; ++m) {
    school["mentors"].push_back({{"id", "m" + std::to_string(m)}, {"trn", std::to_string(3000000 + m)},
                                 {"name", "Mentor " + std::to_string(m)}, {"cohort", 2024}});
  }
  for (int e = 0; e < ects; ++e) {
    school["ects"].push_back({{"id", "e" + std::to_string(e)}, {"trn", std::to_string(4000000 + e)},
                              {"name", "ECT " + std::to_string(e)}, {"cohort", 2024},
                              {"programme_type", "school_led"}, {"mentor_id", nullptr}});
  }
  return nlohmann::json{{"schools", {school}}}.dump();
}

// Each racer's journey for each round, started and taken to its check-answers page.
struct Prepared {
  std::vector<std::array<std::string, kRacers>> ids;
  std::vector<std::array<std::int64_t, kRacers>> versions;
};

Prepared prepare(SqlStore& store, int round_count) {
  JourneyService service(store, service_engine());
  Prepared prepared;
  prepared.ids.resize(round_count);
  prepared.versions.resize(round_count);
  for (int r = 0; r < round_count; ++r) {
    for (int w = 0; w < kRacers; ++w) {
      JourneyOutcome o = service.start("assign_mentor", kSchool, "e" + std::to_string(r));
      EXPECT_EQ(o.result.kind, JourneyResult::Kind::page) << o.result.problem;
      o = service.submit(o.journey_id, o.version, "choose_mentor", {{"mentor_id", "m" + std::to_string(w)}}, kSchool);
      EXPECT_EQ(o.result.page.step, "check_answers") << o.result.problem;
      prepared.ids[r][w] = o.journey_id;
      prepared.versions[r][w] = o.version;
    }
  }
  return prepared;
}

enum Outcome : int { kWon = 1, kConflictOnItsPage = 2, kSomethingElse = 3 };

Outcome confirm(JourneyService& service, const std::string& id, std::int64_t version) {
  JourneyOutcome o = service.submit(id, version, "check_answers", {{"confirm", "true"}}, kSchool);
  if (o.result.kind == JourneyResult::Kind::page && o.result.instance.completed) return kWon;
  if (o.result.kind == JourneyResult::Kind::conflict && o.result.page.step == "check_answers" &&
      !o.result.problem.empty()) {
    return kConflictOnItsPage;
  }
  return kSomethingElse;
}

class PairingRace : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = testing::fresh_database(GetParam());
    auto store = open();
    store->ensure_schema();
    testing::copy_world(*service_engine(), race_world(rounds()), *store);
  }
  std::unique_ptr<SqlStore> open() {
    SqlOptions options;
    options.busy_timeout = std::chrono::milliseconds(30000);  // racing SQLite writers queue
    return open_sql_store(database_->db, service_engine()->schemas(), options);
  }

  // Every round: exactly one winner, the others conflicts on their page; in the database, each
  // ECT mentored by exactly the winner.
  void expect_one_winner_per_round(const std::vector<std::array<int, kRacers>>& outcomes) {
    auto store = open();
    for (std::size_t r = 0; r < outcomes.size(); ++r) {
      int won = 0, conflicts = 0, winner = -1;
      for (int w = 0; w < kRacers; ++w) {
        if (outcomes[r][w] == kWon) ++won, winner = w;
        if (outcomes[r][w] == kConflictOnItsPage) ++conflicts;
      }
      ASSERT_EQ(won, 1) << "round " << r;
      ASSERT_EQ(conflicts, kRacers - 1) << "round " << r;
      ViewResult ect = show_view(*service_engine(), "ect", RunContext{*store, kToday, "100001"}, "e" + std::to_string(r));
      ASSERT_TRUE(ect.ok);
      ASSERT_EQ(ect.page.body.at(1), "Mentor " + std::to_string(winner)) << "round " << r;
    }
    std::size_t mentorships = 0;
    store->for_each(*service_engine()->record_type("mentorship"), [&](const Record&) { ++mentorships; });
    EXPECT_EQ(mentorships, outcomes.size());
  }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_P(PairingRace, ThreadsOnTheirOwnConnections) {
  const int round_count = rounds();
  Prepared prepared = prepare(*open(), round_count);
  std::vector<std::array<int, kRacers>> outcomes(round_count);
  std::barrier start_together(kRacers);
  std::vector<std::thread> racers;
  for (int w = 0; w < kRacers; ++w) {
    racers.emplace_back([&, w] {
      auto store = open();
      JourneyService service(*store, service_engine());
      for (int r = 0; r < round_count; ++r) {
        start_together.arrive_and_wait();
        outcomes[r][w] = confirm(service, prepared.ids[r][w], prepared.versions[r][w]);
      }
    });
  }
  for (std::thread& racer : racers) racer.join();
  expect_one_winner_per_round(outcomes);
}

INSTANTIATE_TEST_SUITE_P(Backends, PairingRace, ::testing::Values("SQLite", "PostgreSQL"),
                         [](const auto& info) { return info.param; });

// Separate processes, as several `ectflow serve` sharing one PostgreSQL would be.
class PairingRaceAcrossProcesses : public PairingRace {};

struct Shared {
  pthread_barrier_t start_together;
  int outcomes[1][kRacers];  // really [rounds][kRacers]: the mapping is sized for all rounds
};

TEST_P(PairingRaceAcrossProcesses, ProcessesOnTheirOwnConnections) {
  const int round_count = rounds();
  Prepared prepared = prepare(*open(), round_count);
  const std::size_t size = sizeof(Shared) + sizeof(int) * kRacers * round_count;
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(memory, MAP_FAILED);
  auto* shared = static_cast<Shared*>(memory);
  int* outcomes = &shared->outcomes[0][0];
  pthread_barrierattr_t attributes;
  pthread_barrierattr_init(&attributes);
  pthread_barrierattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
  pthread_barrier_init(&shared->start_together, &attributes, kRacers);

  std::vector<pid_t> children;
  for (int w = 0; w < kRacers; ++w) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int status = 0;
      try {
        auto store = open();
        JourneyService service(*store, service_engine());
        for (int r = 0; r < round_count; ++r) {
          pthread_barrier_wait(&shared->start_together);
          outcomes[r * kRacers + w] = confirm(service, prepared.ids[r][w], prepared.versions[r][w]);
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "racer %d: %s\n", w, e.what());
        status = 1;
      }
      _exit(status);  // no destructors: the parent's connections are not this process's to close
    }
    children.push_back(pid);
  }
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a racing process failed";
  }
  std::vector<std::array<int, kRacers>> results(round_count);
  for (int r = 0; r < round_count; ++r) {
    for (int w = 0; w < kRacers; ++w) results[r][w] = outcomes[r * kRacers + w];
  }
  pthread_barrier_destroy(&shared->start_together);
  munmap(memory, size);
  expect_one_winner_per_round(results);
}

INSTANTIATE_TEST_SUITE_P(Backends, PairingRaceAcrossProcesses, ::testing::Values("PostgreSQL"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ectflow::sql
