// Faults while journeys run on a database: a PostgreSQL connection dropped mid-run, a statement
// held up past the statement timeout, and a write failing half way through a completion. Each is
// a clear StoreError, nothing is half-saved, and the next request works.
#include <gtest/gtest.h>

#include <chrono>

#include "connection.hpp"
#include "ectflow/sql_journeys.hpp"
#include "runtime/runtime_fixture.hpp"
#include "sql/sql_world.hpp"

namespace ectflow::sql {
namespace {

using ectflow::testing::kExampleWorld;
using ectflow::testing::service_engine;

const Caller kSchool{"100001", Date::from_ymd(2025, 9, 1)};

class JourneyFaults : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = testing::fresh_database(GetParam());
    auto store = open_sql_store(database_->db, service_engine()->schemas());
    store->ensure_schema();
    testing::copy_world(*service_engine(), kExampleWorld, *store);
  }

  // A journey at its check-answers page, ready to complete.
  JourneyOutcome ready_to_confirm(JourneyService& service) {
    JourneyOutcome r = service.start("assign_mentor", kSchool, std::string("e1"));
    r = service.submit(r.journey_id, r.version, "choose_mentor", {{"mentor_id", "m1"}}, kSchool);
    EXPECT_EQ(r.result.page.step, "check_answers") << r.result.problem;
    return r;
  }

  std::string mentor_of(SqlStore& store) {
    ViewResult view = show_view(*service_engine(), "ect", RunContext{store, kSchool.today, "100001"}, "e1");
    return view.ok ? view.page.body.at(1) : view.problem;
  }

  Connection raw() { return connect(database_->db, SqlOptions{}); }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_P(JourneyFaults, AWriteFailingHalfWayThroughACompletionSavesNothing) {
  auto store = open_sql_store(database_->db, service_engine()->schemas());
  JourneyService service(*store, service_engine());
  JourneyOutcome r = ready_to_confirm(service);
  // The event log is gone: the completion's records are written first, then its event fails.
  *raw().session << "ALTER TABLE ectflow_events RENAME TO ectflow_events_away";
  try {
    service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
    FAIL() << "the submission was saved without its event";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("saving a journey"), std::string::npos) << e.what();
  }
  EXPECT_EQ(mentor_of(*store), "No mentor assigned");  // the mentorship was rolled back
  EXPECT_EQ(service.show(r.journey_id, kSchool).result.page.step, "check_answers");

  *raw().session << "ALTER TABLE ectflow_events_away RENAME TO ectflow_events";
  JourneyOutcome done = service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
  EXPECT_TRUE(done.result.instance.completed) << done.result.problem;
  EXPECT_EQ(mentor_of(*store), "Julie Carver");
}

INSTANTIATE_TEST_SUITE_P(Backends, JourneyFaults, ::testing::Values("SQLite", "PostgreSQL"),
                         [](const auto& info) { return info.param; });

class PostgresJourneyFaults : public JourneyFaults {};

TEST_P(PostgresJourneyFaults, AConnectionDroppedMidRunFailsThatRequestClearlyAndTheNextOneReconnects) {
  SqlOptions options;
  options.application_name = testing::unique_name("dropped_");
  auto store = open_sql_store(database_->db, service_engine()->schemas(), options);
  JourneyService service(*store, service_engine());
  JourneyOutcome r = ready_to_confirm(service);

  long long terminated = 0;
  *raw().session << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :n",
      soci::use(options.application_name), soci::into(terminated);
  ASSERT_EQ(terminated, 1);

  const auto began = std::chrono::steady_clock::now();
  try {
    service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
    FAIL() << "a request on a dropped connection succeeded";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("lost the connection to PostgreSQL"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(5));

  // The next request connects again; the journey was not completed by the failed one.
  JourneyOutcome shown = service.show(r.journey_id, kSchool);
  EXPECT_EQ(shown.result.page.step, "check_answers");
  EXPECT_EQ(shown.version, r.version);
  JourneyOutcome done = service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
  EXPECT_TRUE(done.result.instance.completed) << done.result.problem;
  EXPECT_EQ(mentor_of(*store), "Julie Carver");
}

TEST_P(PostgresJourneyFaults, AStatementHeldUpPastTheTimeoutIsAnErrorNotAHang) {
  SqlOptions options;
  options.statement_timeout = std::chrono::milliseconds(300);
  auto store = open_sql_store(database_->db, service_engine()->schemas(), options);
  JourneyService service(*store, service_engine());
  JourneyOutcome r = ready_to_confirm(service);

  Connection holder = raw();  // another session holds the journeys table
  *holder.session << "BEGIN";
  *holder.session << "LOCK TABLE ectflow_journeys IN ACCESS EXCLUSIVE MODE";
  const auto began = std::chrono::steady_clock::now();
  try {
    service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
    FAIL() << "a request waited on a lock and succeeded";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("took longer than the statement timeout (300 ms)"), std::string::npos)
        << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(5));
  *holder.session << "ROLLBACK";

  JourneyOutcome done = service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, kSchool);
  EXPECT_TRUE(done.result.instance.completed) << done.result.problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresJourneyFaults, ::testing::Values("PostgreSQL"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ectflow::sql
