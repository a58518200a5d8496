// Journeys kept in the database: service mode survives a restart, logs every submission, applies
// a double submission once, tells a stale request from a repeat; embedded mode writes only
// completions; journeys in progress carry on under the flows they started on.
// Each case runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "connection.hpp"
#include "ectflow/sql_journeys.hpp"
#include "runtime/runtime_fixture.hpp"
#include "sql/sql_world.hpp"

namespace ectflow::sql {
namespace {

using ectflow::testing::kExampleWorld;
using ectflow::testing::service_engine;
using testing::fresh_database;

const Date kToday = Date::from_ymd(2025, 9, 1);

Caller school(const std::string& urn = "100001") { return Caller{urn, kToday}; }

class JourneysInDatabase : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = fresh_database(GetParam());
    auto store = open();
    store->ensure_schema();
    testing::copy_world(*service_engine(), kExampleWorld, *store);
  }

  std::unique_ptr<SqlStore> open() { return open_sql_store(database_->db, service_engine()->schemas()); }

  // What the ECT's page says about its mentor, read from the database.
  std::string mentor_of(SqlStore& store, const std::string& ect) {
    ViewResult view = show_view(*service_engine(), "ect", RunContext{store, kToday, "100001"}, ect);
    EXPECT_TRUE(view.ok) << view.problem;
    return view.ok && view.page.body.size() > 1 ? view.page.body[1] : "(no page)";
  }

  std::size_t count(SqlStore& store, const std::string& type) {
    std::size_t n = 0;
    store.for_each(*service_engine()->record_type(type), [&](const Record&) { ++n; });
    return n;
  }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_P(JourneysInDatabase, AJourneyCarriesOnInAnotherProcessAfterARestart) {
  std::string id;
  std::int64_t version = 0;
  {
    auto store = open();
    JourneyService service(*store, service_engine());
    JourneyOutcome started = service.start("assign_mentor", school(), std::string("e1"));
    ASSERT_EQ(started.result.kind, JourneyResult::Kind::page) << started.result.problem;
    EXPECT_EQ(started.version, 1);
    EXPECT_EQ(started.journey_id.size(), 32u);
    JourneyOutcome chosen = service.submit(started.journey_id, 1, "choose_mentor", {{"mentor_id", "m1"}}, school());
    ASSERT_EQ(chosen.result.page.step, "check_answers") << chosen.result.problem;
    EXPECT_EQ(chosen.version, 2);
    id = chosen.journey_id;
    version = chosen.version;
  }  // the first process is gone
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome shown = service.show(id, school());
  ASSERT_EQ(shown.result.kind, JourneyResult::Kind::page) << shown.result.problem;
  EXPECT_EQ(shown.result.page.step, "check_answers");
  EXPECT_EQ(shown.version, version);
  JourneyOutcome done = service.submit(id, version, "check_answers", {{"confirm", "true"}}, school());
  ASSERT_EQ(done.result.kind, JourneyResult::Kind::page) << done.result.problem;
  EXPECT_TRUE(done.result.instance.completed);
  EXPECT_EQ(done.result.page.title, "Julie Carver will mentor Sam Smith");
  EXPECT_EQ(mentor_of(*store, "e1"), "Julie Carver");
}

TEST_P(JourneysInDatabase, EverySubmissionIsLoggedWithItsAnswersResultAndLookups) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome r = service.start("assign_mentor", school(), std::string("e1"));
  r = service.submit(r.journey_id, r.version, "choose_mentor", {{"mentor_id", ""}}, school());  // mentor_blank
  r = service.submit(r.journey_id, r.version, "choose_mentor", {{"mentor_id", "m1"}}, school());
  r = service.submit(r.journey_id, r.version, "check_answers", {{"confirm", "true"}}, school());
  ASSERT_TRUE(r.result.instance.completed);

  std::vector<JourneyEvent> events = service.events(r.journey_id);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].action, "start");
  EXPECT_EQ(events[0].answers, R"({"with":"e1"})");
  EXPECT_EQ(events[1].answers, R"({"mentor_id":""})");
  EXPECT_EQ(events[1].result, "page");
  EXPECT_EQ(events[1].result_step, "choose_mentor");  // shown again with its error
  EXPECT_EQ(events[2].result_step, "check_answers");
  EXPECT_EQ(events[3].step, "check_answers");
  EXPECT_EQ(events[3].result, "completed");
  EXPECT_EQ(events[3].result_step, "confirmation");
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].actor_id, "100001");
    EXPECT_EQ(events[i].journey, "assign_mentor");
    EXPECT_EQ(events[i].journey_id, r.journey_id);
    EXPECT_EQ(events[i].flow_version, service_engine()->flow_version());
    EXPECT_EQ(nlohmann::json::parse(events[i].lookups).at("today"), "2025-09-01");
    EXPECT_EQ(events[i].at.size(), 24u) << events[i].at;  // 2026-11-23T14:34:43.123Z
    if (i > 0) {
      EXPECT_GT(events[i].seq, events[i - 1].seq);
    }
  }
}

TEST_P(JourneysInDatabase, TeacherLookupsAreLoggedSoAReplaySeesTheSameTeacher) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome r = service.start("add_mentor", school(), std::string("e1"));
  ASSERT_EQ(r.result.kind, JourneyResult::Kind::page) << r.result.problem;
  ASSERT_EQ(r.result.page.step, "find_mentor");
  r = service.submit(r.journey_id, r.version, "find_mentor",
                     {{"trn", "1234567"}, {"date_of_birth", "1980-02-03"}}, school());
  std::vector<JourneyEvent> events = service.events(r.journey_id);
  ASSERT_EQ(events.size(), 2u);
  const nlohmann::json lookups = nlohmann::json::parse(events[1].lookups);
  ASSERT_FALSE(lookups.at("teachers").empty()) << events[1].lookups;
  EXPECT_EQ(lookups["teachers"][0]["trn"], "1234567");
  EXPECT_EQ(lookups["teachers"][0]["found"]["last_name"], "Carver");
  EXPECT_EQ(lookups["teachers"][0]["found"]["date_of_birth"], "1980-02-03");
}

TEST_P(JourneysInDatabase, ADoubleSubmittedStepIsAppliedOnce) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome r = service.start("assign_mentor", school(), std::string("e1"));
  r = service.submit(r.journey_id, r.version, "choose_mentor", {{"mentor_id", "m1"}}, school());
  const std::int64_t seen = r.version;
  JourneyOutcome first = service.submit(r.journey_id, seen, "check_answers", {{"confirm", "true"}}, school());
  JourneyOutcome again = service.submit(r.journey_id, seen, "check_answers", {{"confirm", "true"}}, school());
  ASSERT_TRUE(first.result.instance.completed);
  EXPECT_FALSE(first.repeated);
  EXPECT_TRUE(again.repeated);
  EXPECT_EQ(again.result.kind, JourneyResult::Kind::page) << again.result.problem;
  EXPECT_EQ(again.result.page.step, "confirmation");
  EXPECT_EQ(again.version, first.version);
  EXPECT_EQ(count(*store, "mentorship"), 2u);  // Alex Brown's, and the new one
  std::size_t completions = 0;
  for (const JourneyEvent& e : service.events(r.journey_id)) completions += e.result == "completed";
  EXPECT_EQ(completions, 1u);
}

TEST_P(JourneysInDatabase, AStaleRequestThatIsNotARepeatIsAConflictShowingTheJourneyNow) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome r = service.start("assign_mentor", school(), std::string("e1"));
  const std::int64_t first_page = r.version;
  r = service.submit(r.journey_id, first_page, "choose_mentor", {{"mentor_id", "m1"}}, school());
  // A second tab still showing the first page chooses another mentor.
  JourneyOutcome other = service.submit(r.journey_id, first_page, "choose_mentor", {{"mentor_id", "m2"}}, school());
  EXPECT_EQ(other.result.kind, JourneyResult::Kind::conflict);
  EXPECT_FALSE(other.repeated);
  EXPECT_EQ(other.result.page.step, "check_answers");
  EXPECT_EQ(other.result.page.inset, "Julie Carver will mentor Sam Smith");
  EXPECT_EQ(other.version, r.version);
  EXPECT_NE(other.result.problem.find("another window"), std::string::npos);
}

TEST_P(JourneysInDatabase, AnotherSchoolCannotOpenOrContinueTheJourney) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome r = service.start("assign_mentor", school(), std::string("e1"));
  EXPECT_EQ(service.show(r.journey_id, school("100002")).result.problem_code, "unknown-journey");
  JourneyOutcome other =
      service.submit(r.journey_id, r.version, "choose_mentor", {{"mentor_id", "m1"}}, school("100002"));
  EXPECT_EQ(other.result.kind, JourneyResult::Kind::rejected);
  EXPECT_EQ(other.result.problem_code, "unknown-journey");
  EXPECT_EQ(service.show("no-such-journey", school()).result.problem_code, "unknown-journey");
  EXPECT_EQ(service.events(r.journey_id).size(), 1u);  // only the start
}

TEST_P(JourneysInDatabase, FollowingALinkToAStepIsSavedAndLogged) {
  auto store = open();
  JourneyService service(*store, service_engine());
  JourneyOutcome started = service.start("add_mentor", school(), std::string("e1"));
  ASSERT_EQ(started.result.page.step, "find_mentor") << started.result.problem;
  JourneyOutcome followed = service.follow(started.journey_id, started.version, "no_trn", school());
  ASSERT_EQ(followed.result.kind, JourneyResult::Kind::page) << followed.result.problem;
  EXPECT_EQ(followed.result.page.step, "no_trn");
  EXPECT_EQ(followed.version, started.version + 1);
  EXPECT_EQ(service.show(started.journey_id, school()).result.page.step, "no_trn");
  const std::vector<JourneyEvent> events = service.events(started.journey_id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].action, "follow");
  EXPECT_EQ(events[1].step, "no_trn");
  JourneyOutcome refused = service.follow(started.journey_id, followed.version, "check_answers", school());
  EXPECT_EQ(refused.result.kind, JourneyResult::Kind::rejected);
  EXPECT_EQ(refused.result.problem_code, "no-such-link");
}

TEST_P(JourneysInDatabase, EmbeddedModeWritesOnlyTheCompletionAndItsEvent) {
  auto store = open();
  EmbeddedJourneys journeys(*store, service_engine());
  JourneyResult r = journeys.start("assign_mentor", school(), std::string("e1"));
  r = journeys.submit(r.instance, "choose_mentor", {{"mentor_id", "m1"}}, school());
  ASSERT_EQ(r.page.step, "check_answers");
  EXPECT_TRUE(read_events(*store).empty());
  EXPECT_EQ(count(*store, "mentorship"), 1u);  // Alex Brown's
  // The caller kept the instance as a value: a JSON round trip, as a front end's session would.
  std::string error;
  auto kept = JourneyInstance::from_json(r.instance.to_json(), error);
  ASSERT_TRUE(kept) << error;
  r = journeys.submit(*kept, "check_answers", {{"confirm", "true"}}, school());
  ASSERT_TRUE(r.instance.completed) << r.problem;
  std::vector<JourneyEvent> events = read_events(*store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "completed");
  EXPECT_EQ(events[0].journey_id, "");
  EXPECT_EQ(events[0].answers, R"({"confirm":"true"})");
  EXPECT_EQ(count(*store, "mentorship"), 2u);
  EXPECT_EQ(mentor_of(*store, "e1"), "Julie Carver");
}

TEST_P(JourneysInDatabase, EmbeddedModeAnswersStepsWhileAnotherConnectionHoldsTheWriteLock) {
  SqlOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(300);
  auto store = open_sql_store(database_->db, service_engine()->schemas(), quick);
  auto holder = open();
  EmbeddedJourneys journeys(*store, service_engine());
  std::atomic<bool> holding = false;
  std::atomic<bool> release = false;
  std::thread other([&] {
    holder->transact([&](StoreTransaction&) {  // SQLite: BEGIN IMMEDIATE, the write lock
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return false;
    });
  });
  while (!holding) std::this_thread::yield();
  // Only a completion writes: the pages and steps before it only read, so they go on.
  JourneyResult r;
  try {
    r = journeys.start("assign_mentor", school(), std::string("e1"));
    EXPECT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
    r = journeys.submit(r.instance, "choose_mentor", {{"mentor_id", "m1"}}, school());
    EXPECT_EQ(r.page.step, "check_answers") << r.problem;
  } catch (const StoreError& e) {
    ADD_FAILURE() << "a step that only reads waited for the writer: " << e.what();
  }
  release = true;
  other.join();
  if (r.instance.step != "check_answers") return;
  r = journeys.submit(r.instance, "check_answers", {{"confirm", "true"}}, school());
  EXPECT_TRUE(r.instance.completed) << r.problem;
}

TEST_P(JourneysInDatabase, EmbeddedModeSeesWhatAnotherConnectionCommittedByTheNextRequest) {
  auto store = open();
  auto other = open();
  EmbeddedJourneys journeys(*store, service_engine());
  JourneyResult r = journeys.start("assign_mentor", school(), std::string("e1"));
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  const std::size_t offered = r.page.questions.at(0).options.size();
  const RecordTypeId mentor = *service_engine()->record_type("mentor");
  const RecordSchema& schema = service_engine()->schema(mentor);
  Record added;
  added.fields.resize(schema.fields.size());
  added.fields[*schema.slot("id")] = std::string("m-new");
  added.fields[*schema.slot("school_id")] = std::string("100001");
  added.fields[*schema.slot("name")] = std::string("Nia Okafor");
  ASSERT_TRUE(other->transact([&](StoreTransaction& txn) {
                     txn.apply(RecordChange{RecordChange::Kind::create, mentor, added});
                     return true;
                   }).committed);
  r = journeys.show(r.instance, school());
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.questions.at(0).options.size(), offered + 1);
}

// The service's flows with one page's words changed: a new flow version.
std::shared_ptr<const Engine> reworded_engine() {
  std::vector<SourceFile> files = service_engine()->snapshot().flows;
  bool changed = false;
  for (SourceFile& file : files) {
    auto at = file.text.find("\"Check your answers\"");
    if (file.path.ends_with("assign_mentor.flow") && at != std::string::npos) {
      file.text.replace(at, 20, "\"Check the pairing\"");
      changed = true;
    }
  }
  EXPECT_TRUE(changed);
  LoadedEngine loaded = Engine::load_sources(files, EngineOptions{ECTFLOW_SOURCE_DIR});
  EXPECT_TRUE(loaded.engine) << render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                   DiagnosticFormat::text);
  return loaded.engine;
}

TEST_P(JourneysInDatabase, AJourneyInProgressCarriesOnUnderTheFlowsItStartedOn) {
  std::string old_id;
  std::int64_t old_version = 0;
  {
    auto store = open();
    JourneyService before(*store, service_engine());
    JourneyOutcome r = before.start("assign_mentor", school(), std::string("e1"));
    old_id = r.journey_id;
    old_version = r.version;
  }
  auto reworded = reworded_engine();
  ASSERT_NE(reworded->flow_version(), service_engine()->flow_version());
  auto store = open();
  JourneyService after(*store, reworded);  // flows/ changed and the service restarted

  JourneyOutcome old_journey = after.submit(old_id, old_version, "choose_mentor", {{"mentor_id", "m1"}}, school());
  ASSERT_EQ(old_journey.result.kind, JourneyResult::Kind::page) << old_journey.result.problem;
  EXPECT_EQ(old_journey.result.page.title, "Check your answers");
  EXPECT_EQ(old_journey.result.instance.flow_version, service_engine()->flow_version());

  JourneyOutcome new_journey = after.start("assign_mentor", school(), std::string("e1"));
  new_journey = after.submit(new_journey.journey_id, 1, "choose_mentor", {{"mentor_id", "m2"}}, school());
  EXPECT_EQ(new_journey.result.page.title, "Check the pairing");
  EXPECT_EQ(new_journey.result.instance.flow_version, reworded->flow_version());
}

TEST_P(JourneysInDatabase, AFlowVersionMissingFromTheTableIsAClearError) {
  std::string id;
  {
    auto store = open();
    JourneyService before(*store, service_engine());
    id = before.start("assign_mentor", school(), std::string("e1")).journey_id;
  }
  const std::string version = service_engine()->flow_version();
  {
    // Someone emptied the table by hand.
    Connection raw = connect(database_->db, SqlOptions{});
    *raw.session << "DELETE FROM ectflow_flow_versions WHERE flow_version = :v", soci::use(version);
  }
  auto store = open();
  JourneyService after(*store, reworded_engine());  // flows/ changed and the service restarted
  try {
    after.submit(id, 1, "choose_mentor", {{"mentor_id", "m1"}}, school());
    FAIL() << "a journey ran on flows missing from the table";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("flow version " + version + " is not in the ectflow_flow_versions table"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(mentor_of(*store, "e1"), "No mentor assigned");
  // Other journeys carry on.
  JourneyOutcome fresh = after.start("assign_mentor", school(), std::string("e1"));
  EXPECT_EQ(fresh.result.kind, JourneyResult::Kind::page) << fresh.result.problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, JourneysInDatabase, ::testing::Values("SQLite", "PostgreSQL"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ectflow::sql
