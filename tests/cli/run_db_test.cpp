// `ectflow run --db`: the demo on a database. A completion is saved with its event, so the next
// run shows the state the last one left; a bad database is a clear error and a non-zero exit.
#include <gtest/gtest.h>

#include "database_commands.hpp"
#include "ectflow/sql_journeys.hpp"

namespace ectflow::cli_test {
namespace {

Result run_on(const std::string& db, const std::string& view_and_input) {
  return run_ectflow("run --as 100001 --today 2025-09-01 --db " + quoted(db) + " --flows " +
                     quoted((kRoot / "flows").string()) + " " + view_and_input);
}

void runs_the_demo_then_shows_its_state(const std::string& db) {
  Result imported = on_database(db, "import world " + quoted((kRoot / "examples/world.json").string()));
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);

  Result first = run_on(db, "--view school < " + quoted((kRoot / "examples/demo.txt").string()));
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  EXPECT_TRUE(contains(first.out, "== Priya Shah has been assigned to Chloe Brown ==")) << first.out;

  // A new process: what it shows comes from the database.
  TempDir dir;
  Result second = run_on(db, "--view school < " + quoted(dir.write("quit.txt", ":quit\n").string()));
  ASSERT_EQ(second.exit_code, 0) << describe(second);
  EXPECT_TRUE(contains(second.out, "Chloe Brown (e3) [Registered]")) << second.out;
  EXPECT_TRUE(contains(second.out, "Priya Shah (m2) Chloe Brown")) << second.out;

  auto store = sql::open_sql_store(db, service_engine()->schemas());
  std::vector<sql::JourneyEvent> events = sql::read_events(*store);
  ASSERT_EQ(events.size(), 1u);  // embedded mode: the completion only
  EXPECT_EQ(events[0].journey, "assign_ect_to_mentor");
  EXPECT_EQ(events[0].result, "completed");
  EXPECT_EQ(events[0].actor_id, "100001");
}

TEST(RunOnADatabase, TheDemoOnASqliteFileThenItsStateInTheNextRun) {
  TempDir dir;
  runs_the_demo_then_shows_its_state((dir.path() / "ectflow.db").string());
}

TEST(RunOnADatabase, TheDemoOnPostgresqlThenItsStateInTheNextRun) {
  const std::string db = postgres_database();
  Result migrated = on_database(db, "db migrate");
  ASSERT_EQ(migrated.exit_code, 0) << describe(migrated);
  runs_the_demo_then_shows_its_state(db);
}

TEST(RunOnADatabase, AFileThatIsNotADatabaseIsAClearErrorAndExit3) {
  TempDir dir;
  fs::path not_a_db = dir.write("notes.db", std::string(4096, 'x'));
  Result r = run_on(not_a_db.string(), "--view school < /dev/null");
  EXPECT_EQ(r.exit_code, 3) << describe(r);
  EXPECT_TRUE(contains(r.err, "is not an SQLite database")) << describe(r);
  EXPECT_EQ(read_all(not_a_db), std::string(4096, 'x'));  // left as it was
}

TEST(RunOnADatabase, AServerThatIsDownIsAClearErrorAndExit3) {
  Result r = run_on("postgresql://nobody@127.0.0.1:1/nothing", "--view school < /dev/null");
  EXPECT_EQ(r.exit_code, 3) << describe(r);
  EXPECT_TRUE(contains(r.err, "cannot connect to PostgreSQL at postgresql://nobody@127.0.0.1:1/nothing")) << describe(r);
}

TEST(RunOnADatabase, AWorldAndADatabaseTogetherIsAUsageError) {
  Result r = run_ectflow("run --view school --as 100001 --db x.db --world " +
                         quoted((kRoot / "examples/world.json").string()) + " < /dev/null");
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "excludes")) << describe(r);
}

}  // namespace
}  // namespace ectflow::cli_test
