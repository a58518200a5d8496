// `ectflow db` and `ectflow check --db` on a copy of the project (flows, rules, migrations), on
// SQLite and PostgreSQL: migrate then up to date, status, check clean after migrating, check
// naming the migration not yet applied, check naming a field no migration adds, and what a
// command opening the database for records does with a new or outdated one.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <functional>

#include "run_ectflow.hpp"

namespace ectflow::cli_test {
namespace {

const fs::path kRoot = ECTFLOW_SOURCE_DIR;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A copy of the project to change: a field added to records.flow, a migration written.
class Project {
 public:
  Project() {
    for (const char* part : {"flows", "rules", "migrations"}) {
      fs::copy(kRoot / part, dir_.path() / part, fs::copy_options::recursive);
    }
  }
  std::string flows() const { return cli_test::quoted((dir_.path() / "flows").string()); }
  std::string migrations() const { return (dir_.path() / "migrations").string(); }
  const fs::path& path() const { return dir_.path(); }
  // A text field on the first record declaring `after` (ect's left_on).
  void add_field(const std::string& field, const std::string& after = "  field left_on as date\n") {
    const fs::path records = dir_.path() / "flows/records.flow";
    std::string text = read_all(records);
    const std::size_t at = text.find(after);
    ASSERT_NE(at, std::string::npos);
    text.insert(at + after.size(), "  field " + field + " as text\n");
    std::ofstream(records, std::ios::binary | std::ios::trunc) << text;
  }

 private:
  TempDir dir_;
};

struct Backend {
  std::string name;
  std::function<std::string(const Project&)> make;  // a fresh empty database, as --db takes it
};

void PrintTo(const Backend& backend, std::ostream* out) {
  *out << backend.name;
}

std::vector<Backend> backends() {
  return {
      {"SQLite", [](const Project& p) { return (p.path() / "ectflow.db").string(); }},
      {"PostgreSQL",
       [](const Project&) {
         const char* url = std::getenv("ECTFLOW_TEST_POSTGRES");
         if (!url || !*url) {
           throw std::runtime_error(
               "ECTFLOW_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh");
         }
         static std::atomic<int> count = 0;
         return std::string(url) + "?schema=cli_" + std::to_string(::getpid()) + "_" +
                std::to_string(count++);
       }},
  };
}

class DbCommand : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    try {
      db = GetParam().make(project);
    } catch (const std::exception& error) {
      FAIL() << GetParam().name << " is not available: " << error.what();
    }
  }
  Result db_run(const std::string& subcommand, const std::string& more = "") {
    return run_ectflow("db " + subcommand + " --db " + cli_test::quoted(db) + " --flows " +
                       project.flows() + " " + more);
  }
  Result check() { return run_ectflow("check " + project.flows() + " --db " + cli_test::quoted(db)); }

  Project project;
  std::string db;
};

TEST_P(DbCommand, MigrateThenUpToDate) {
  const Result first = db_run("migrate");
  EXPECT_EQ(first.exit_code, 0) << describe(first);
  EXPECT_TRUE(contains(first.out, "applied ")) << describe(first);
  EXPECT_TRUE(contains(first.out, "0001_initial.sql")) << describe(first);
  EXPECT_TRUE(contains(first.out, "is up to date")) << describe(first);

  const Result second = db_run("migrate");
  EXPECT_EQ(second.exit_code, 0) << describe(second);
  EXPECT_FALSE(contains(second.out, "applied")) << describe(second);
  EXPECT_TRUE(contains(second.out, "is up to date")) << describe(second);
}

TEST_P(DbCommand, StatusListsPendingThenApplied) {
  const Result before = run_ectflow("db status --db " + cli_test::quoted(db) + " --migrations " +
                                    cli_test::quoted(project.migrations()));
  EXPECT_EQ(before.exit_code, 1) << describe(before);
  EXPECT_TRUE(contains(before.out, "pending  0001_initial.sql")) << describe(before);
  EXPECT_TRUE(contains(before.out, "run ectflow db migrate --db ")) << describe(before);
  db_run("migrate");
  const Result after = db_run("status");
  EXPECT_EQ(after.exit_code, 0) << describe(after);
  EXPECT_TRUE(contains(after.out, "applied  0001_initial.sql")) << describe(after);
  EXPECT_TRUE(contains(after.out, "up to date")) << describe(after);
}

TEST_P(DbCommand, CheckIsCleanAfterMigrating) {
  const Result empty = check();
  EXPECT_EQ(empty.exit_code, 1) << describe(empty);
  EXPECT_TRUE(contains(empty.out, "has no ectflow tables yet: run ectflow db migrate --db"))
      << describe(empty);
  ASSERT_EQ(db_run("migrate").exit_code, 0);
  const Result clean = check();
  EXPECT_EQ(clean.exit_code, 0) << describe(clean);
  EXPECT_TRUE(contains(clean.out, "matches the flows")) << describe(clean);
}

TEST_P(DbCommand, CheckNamesTheMigrationNotYetApplied) {
  ASSERT_EQ(db_run("migrate").exit_code, 0);
  project.add_field("nickname");
  const Result written = run_ectflow("db new-migration add_nickname --flows " + project.flows());
  ASSERT_EQ(written.exit_code, 0) << describe(written);
  EXPECT_TRUE(contains(written.out, "sqlite/0002_add_nickname.sql")) << describe(written);
  EXPECT_TRUE(contains(written.out, "postgresql/0002_add_nickname.sql")) << describe(written);

  const Result behind = check();
  EXPECT_EQ(behind.exit_code, 1) << describe(behind);
  EXPECT_TRUE(contains(behind.out, "column rec_ect.nickname")) << describe(behind);
  EXPECT_TRUE(contains(behind.out, "Migration 0002_add_nickname.sql")) << describe(behind);
  EXPECT_TRUE(contains(behind.out, "run ectflow db migrate --db")) << describe(behind);

  const Result migrated = db_run("migrate");
  EXPECT_EQ(migrated.exit_code, 0) << describe(migrated);
  EXPECT_TRUE(contains(migrated.out, "0002_add_nickname.sql")) << describe(migrated);
  EXPECT_EQ(check().exit_code, 0);
}

TEST_P(DbCommand, CheckNamesAFieldNoMigrationAdds) {
  ASSERT_EQ(db_run("migrate").exit_code, 0);
  project.add_field("nickname");
  const Result run = check();
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_TRUE(contains(run.out, "no problems found")) << describe(run);  // the flows are fine
  EXPECT_TRUE(contains(run.out, "column rec_ect.nickname (field nickname of record ect, TEXT) "
                                "is missing"))
      << describe(run);
  EXPECT_TRUE(contains(run.out, "write one with ectflow db new-migration NAME")) << describe(run);

  // And migrating says the flows need more than the migrations make.
  const Result migrate = db_run("migrate");
  EXPECT_EQ(migrate.exit_code, 1) << describe(migrate);
  EXPECT_TRUE(contains(migrate.err, "ectflow db new-migration NAME")) << describe(migrate);
}

// A command that opens the database for records (here `run --db`) migrates a new SQLite file
// itself, and refuses a new PostgreSQL database or one behind its migrations.
TEST_P(DbCommand, OpeningADatabaseForRecords) {
  const std::string run = "run --view school --as 100001 --db " + cli_test::quoted(db) +
                          " --flows " + project.flows() + " < /dev/null";
  const Result first = run_ectflow(run);
  if (GetParam().name == "SQLite") {
    EXPECT_TRUE(contains(first.err, "set up new database " + db)) << describe(first);
    EXPECT_TRUE(contains(first.err, "0001_initial.sql")) << describe(first);
    EXPECT_EQ(db_run("status").exit_code, 0);
  } else {
    EXPECT_EQ(first.exit_code, 3) << describe(first);
    EXPECT_TRUE(contains(first.err, "has no ectflow tables yet: run ectflow db migrate --db"))
        << describe(first);
    ASSERT_EQ(db_run("migrate").exit_code, 0);
  }
  project.add_field("nickname");
  ASSERT_EQ(run_ectflow("db new-migration add_nickname --flows " + project.flows()).exit_code, 0);
  const Result behind = run_ectflow(run);
  EXPECT_EQ(behind.exit_code, 3) << describe(behind);
  EXPECT_TRUE(contains(behind.err, "Migration 0002_add_nickname.sql")) << describe(behind);
  EXPECT_TRUE(contains(behind.err, "run ectflow db migrate --db")) << describe(behind);
}

INSTANTIATE_TEST_SUITE_P(Backends, DbCommand, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param.name; });

// Without a database: the repository's migrations against its flows, as CI checks them.
TEST(DbCheck, TheRepositorysMigrationsMatchItsFlows) {
  const Result run = run_ectflow("db check --flows " + cli_test::quoted((kRoot / "flows").string()));
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_TRUE(contains(run.out, "make the tables the flows need")) << describe(run);
}

TEST(DbCheck, AFieldWithoutAMigrationFails) {
  Project project;
  project.add_field("nickname");
  const Result run = run_ectflow("db check --flows " + project.flows());
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_TRUE(contains(run.out, "column rec_ect.nickname")) << describe(run);
  EXPECT_TRUE(contains(run.out, "write one with ectflow db new-migration NAME")) << describe(run);
}

TEST(DbNewMigration, RefusesWhenNothingDiffers) {
  Project project;
  const Result run = run_ectflow("db new-migration nothing --flows " + project.flows());
  EXPECT_EQ(run.exit_code, 1) << describe(run);
  EXPECT_TRUE(contains(run.err, "nothing to write")) << describe(run);
  EXPECT_FALSE(fs::exists(project.path() / "migrations/sqlite/0002_nothing.sql"));
}

TEST(DbNewMigration, AChangedMigrationIsAClearError) {
  Project project;
  const std::string db = cli_test::quoted((project.path() / "ectflow.db").string());
  ASSERT_EQ(run_ectflow("db migrate --db " + db + " --flows " + project.flows()).exit_code, 0);
  std::ofstream(project.path() / "migrations/sqlite/0001_initial.sql", std::ios::app) << "-- x\n";
  const Result run = run_ectflow("db migrate --db " + db + " --flows " + project.flows());
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_TRUE(contains(run.err, "0001_initial.sql has changed since it was applied"))
      << describe(run);
}

}  // namespace
}  // namespace ectflow::cli_test
