// Migrations against real databases, SQLite and PostgreSQL alike: a fresh database migrated, a
// second run a no-op, a failing migration leaving nothing behind, changed or missing files
// refused, racing migrators applying each migration once, and the schema diff naming the missing
// migration or the field no migration adds. Also: the repository's migrations make exactly the
// schema flows/ needs, so a field added without a migration fails here with what to run.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "connection.hpp"
#include "sql/migration_helpers.hpp"

#include <soci/soci.h>

namespace ectflow::sql {
namespace {

using testing::flow_schemas;
using testing::FreshDatabase;
using testing::migration_error;
using testing::MigrationsCopy;

constexpr int kRacingMigrators = 4;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> names(const std::vector<MigrationFile>& files) {
  std::vector<std::string> out;
  for (const MigrationFile& file : files) out.push_back(file.file_name);
  return out;
}

class Migrations : public ::testing::TestWithParam<FreshDatabase> {
 protected:
  void SetUp() override {
    try {
      db = GetParam().make(migrations.root());
    } catch (const std::exception& error) {
      FAIL() << GetParam().name << " is not available: " << error.what();
    }
  }

  MigrationsCopy migrations;
  std::string db;
};

TEST_P(Migrations, AFreshDatabaseIsMigratedThenUpToDate) {
  const auto applied = migrate(db, migrations.path());
  EXPECT_EQ(names(applied)[0], "0001_initial.sql");
  EXPECT_EQ(applied.size(), read_migrations(migrations.path(), migrations_dialect(db)).size());
  EXPECT_TRUE(migrate(db, migrations.path()).empty());  // the second run applies nothing

  const MigrationStatus status = migration_status(db, migrations.path());
  EXPECT_TRUE(status.pending.empty());
  ASSERT_EQ(status.applied.size(), applied.size());
  EXPECT_EQ(status.applied[0].version, "0001");
  EXPECT_EQ(status.applied[0].name, "initial");
  EXPECT_EQ(status.applied[0].checksum, applied[0].checksum);
  EXPECT_EQ(status.applied[0].applied_at.size(), 20u) << status.applied[0].applied_at;

  const SchemaCheck check = check_schema(db, flow_schemas(), migrations.path());
  EXPECT_TRUE(check.ok()) << check.message;
}

// The test a policy author meets in CI after adding a field without a migration.
TEST_P(Migrations, TheRepositorysMigrationsMakeExactlyTheSchemaTheFlowsNeed) {
  migrate(db, testing::kRepositoryMigrations);
  const SchemaCheck check = check_schema(db, flow_schemas(), testing::kRepositoryMigrations);
  EXPECT_TRUE(check.database.empty() && check.repository.empty() && check.pending.empty())
      << check.message;
}

TEST_P(Migrations, AnEmptyDatabaseSaysToMigrate) {
  const SchemaCheck check = check_schema(db, flow_schemas(), migrations.path());
  EXPECT_TRUE(check.empty);
  EXPECT_FALSE(check.ok());
  EXPECT_TRUE(contains(check.message, "has no ectflow tables yet: run ectflow db migrate --db "))
      << check.message;
}

TEST_P(Migrations, AMigrationFailingHalfWayLeavesNothingBehind) {
  migrate(db, migrations.path());
  migrations.write("0002_two_tables.sql",
                   "-- the second statement is broken\n"
                   "CREATE TABLE extra_one (a TEXT);\n"
                   "CREATE TABLEX extra_two (b TEXT);\n");
  const std::string message = migration_error([&] { migrate(db, migrations.path()); });
  EXPECT_TRUE(contains(message, "0002_two_tables.sql failed at statement 2 (line 3)")) << message;
  EXPECT_TRUE(contains(message, "syntax error")) << message;  // the database's own words
  EXPECT_TRUE(contains(message, "nothing of it was applied")) << message;
  EXPECT_EQ(names(migration_status(db, migrations.path()).pending),
            std::vector<std::string>{"0002_two_tables.sql"});

  // Fixed, it applies: extra_one was not left behind, or creating it again would fail.
  migrations.write("0002_two_tables.sql",
                   "CREATE TABLE extra_one (a TEXT);\nCREATE TABLE extra_two (b TEXT);\n");
  EXPECT_EQ(names(migrate(db, migrations.path())),
            std::vector<std::string>{"0002_two_tables.sql"});
  EXPECT_TRUE(migration_status(db, migrations.path()).pending.empty());
}

TEST_P(Migrations, AFailingFirstMigrationLeavesAnEmptyDatabase) {
  migrations.write("0001_initial.sql", "CREATE TABLE ectflow_journeys (id TEXT);\nNOT SQL;\n");
  migration_error([&] { migrate(db, migrations.path()); });
  EXPECT_TRUE(check_schema(db, flow_schemas(), testing::kRepositoryMigrations).empty);
}

TEST_P(Migrations, TransactionControlInAFileIsRefused) {
  migrations.write("0002_commits.sql", "CREATE TABLE extra_one (a TEXT);\nCOMMIT;\n");
  const std::string message = migration_error([&] { migrate(db, migrations.path()); });
  EXPECT_TRUE(contains(message, "0002_commits.sql statement 2 (line 2) is COMMIT")) << message;
  EXPECT_EQ(migration_status(db, migrations.path()).pending.size(), 1u);
}

TEST_P(Migrations, AnAppliedMigrationThatChangedIsAnError) {
  migrate(db, migrations.path());
  migrations.write("0001_initial.sql", "-- edited after it was applied\nSELECT 1;\n");
  for (auto action : {std::function<void()>([&] { migrate(db, migrations.path()); }),
                      std::function<void()>([&] { migration_status(db, migrations.path()); }),
                      std::function<void()>(
                          [&] { check_schema(db, flow_schemas(), migrations.path()); })}) {
    const std::string message = migration_error(action);
    EXPECT_TRUE(contains(message, "0001_initial.sql has changed since it was applied")) << message;
    EXPECT_TRUE(contains(message, "ectflow db new-migration")) << message;
  }
}

TEST_P(Migrations, AnAppliedMigrationMissingFromTheFolderIsAnError) {
  migrations.write("0002_extra.sql", "CREATE TABLE extra_one (a TEXT);\n");
  migrate(db, migrations.path());
  migrations.remove("0002_extra.sql");
  const std::string message = migration_error([&] { migrate(db, migrations.path()); });
  EXPECT_TRUE(contains(message, "migration 0002_extra.sql was applied to")) << message;
  EXPECT_TRUE(contains(message, "is not in " + migrations.path())) << message;
}

TEST_P(Migrations, RacingMigratorsApplyEachMigrationOnce) {
  migrations.write("0002_extra.sql", "CREATE TABLE extra_one (a TEXT);\n");
  SqlOptions patient;
  patient.busy_timeout = std::chrono::milliseconds(20000);
  std::atomic<int> applied = 0;
  std::vector<std::string> errors(kRacingMigrators);
  std::vector<std::thread> migrators;
  for (int i = 0; i < kRacingMigrators; ++i) {
    migrators.emplace_back([&, i] {
      try {
        applied += static_cast<int>(migrate(db, migrations.path(), patient).size());
      } catch (const std::exception& error) {
        errors[i] = error.what();
      }
    });
  }
  for (std::thread& migrator : migrators) migrator.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  EXPECT_EQ(applied, 2);  // 0001 and 0002, each by one of them
  EXPECT_EQ(migration_status(db, migrations.path()).applied.size(), 2u);
}

TEST_P(Migrations, TheDiffNamesTheMigrationNotYetApplied) {
  migrate(db, migrations.path());
  const auto schemas = testing::with_field("ect", "nickname");
  const auto migration = plan_migration(schemas, migrations.path(), "add_nickname");
  ASSERT_TRUE(migration);
  write_migration(*migration, migrations.path());

  const SchemaCheck check = check_schema(db, schemas, migrations.path());
  EXPECT_FALSE(check.ok());
  EXPECT_TRUE(check.repository.empty()) << check.message;
  EXPECT_EQ(names(check.pending), std::vector<std::string>{"0002_add_nickname.sql"});
  EXPECT_TRUE(contains(check.message, "column rec_ect.nickname (field nickname of record ect, "))
      << check.message;
  EXPECT_TRUE(contains(check.message, "Migration 0002_add_nickname.sql (in " + migrations.path() +
                                          "/) is not applied to "))
      << check.message;
  EXPECT_TRUE(contains(check.message, "run ectflow db migrate --db ")) << check.message;
  EXPECT_FALSE(contains(check.message, "new-migration")) << check.message;

  migrate(db, migrations.path());
  const SchemaCheck after = check_schema(db, schemas, migrations.path());
  EXPECT_TRUE(after.ok()) << after.message;
}

TEST_P(Migrations, TheDiffNamesAFieldNoMigrationAdds) {
  migrate(db, migrations.path());
  const SchemaCheck check =
      check_schema(db, testing::with_field("mentor", "nickname"), migrations.path());
  EXPECT_FALSE(check.ok());
  EXPECT_TRUE(check.pending.empty());
  ASSERT_EQ(check.repository.size(), 1u);
  EXPECT_EQ(check.repository[0].kind, SchemaDifference::Kind::missing_column);
  EXPECT_TRUE(contains(check.message, "No migration in " + migrations.path() + "/ makes"))
      << check.message;
  EXPECT_TRUE(contains(check.message, "column rec_mentor.nickname (field nickname of record "
                                      "mentor, TEXT) is missing"))
      << check.message;
  EXPECT_TRUE(contains(check.message, "write one with ectflow db new-migration NAME"))
      << check.message;
}

TEST_P(Migrations, TheDiffNamesAColumnTheFlowsNoLongerDeclare) {
  migrations.write("0002_extra_column.sql", "ALTER TABLE rec_school ADD COLUMN motto TEXT;\n");
  migrate(db, migrations.path());
  const SchemaCheck check = check_schema(db, flow_schemas(), migrations.path());
  EXPECT_TRUE(contains(check.message, "column rec_school.motto is there but record school has "
                                      "no field motto"))
      << check.message;
}

TEST_P(Migrations, ANewRecordAndFieldMigrateOnThisDatabase) {
  migrate(db, migrations.path());
  std::vector<RecordSchema> schemas = testing::with_field("ect", "nickname");
  schemas.push_back({"mentor_note", "mentor_notes",
                     {{"id", FieldKind::text, ""}, {"written_on", FieldKind::date, ""},
                      {"stars", FieldKind::number, ""}},
                     0});
  const auto migration = plan_migration(schemas, migrations.path(), "add_notes");
  ASSERT_TRUE(migration);
  write_migration(*migration, migrations.path());
  EXPECT_EQ(names(migrate(db, migrations.path())), std::vector<std::string>{"0002_add_notes.sql"});
  const SchemaCheck check = check_schema(db, schemas, migrations.path());
  EXPECT_TRUE(check.ok()) << check.message;

  // The store works on it: a new record gets an id from the new counter.
  auto store = open_sql_store(db, schemas);
  const RecordTypeId note = static_cast<RecordTypeId>(schemas.size() - 1);
  const auto result = store->transact([&](StoreTransaction& tx) {
    Record record;
    record.fields.resize(3);
    record.fields[0] = tx.new_id(note);
    record.fields[2] = 4.0;
    tx.apply({RecordChange::Kind::create, note, record});
    return true;
  });
  EXPECT_TRUE(result.committed) << result.conflict;
}

// The indexes follow the flows' queries, not the migrations: opening a migrated database for the
// engine makes the ones missing (here ect.trn and ect.school_id, which flows/
// find ECTs by), and doing it again changes nothing.
TEST_P(Migrations, OpeningAMigratedDatabaseMakesTheIndexesTheFlowsQueriesUse) {
  migrate(db, migrations.path());
  auto indexes = [&] {
    Connection raw = connect(db, SqlOptions{});
    std::vector<std::string> found(20);
    std::vector<soci::indicator> present(20);
    const bool sqlite = raw.dialect == Dialect::sqlite;
    *raw.session << (sqlite ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rec_ect_by_%' ORDER BY name"
                            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE "
                              "'rec_ect_by_%' ORDER BY indexname"),
        soci::into(found, present);
    return found;
  };
  EXPECT_TRUE(indexes().empty());
  for (int run = 0; run < 2; ++run) {
    auto store = open_sql_store(db, flow_schemas());
    store->ensure_indexes();
    const std::vector<std::string> made = indexes();
    for (const char* column : {"school_id", "trn"}) {
      EXPECT_NE(std::find(made.begin(), made.end(), std::string("rec_ect_by_") + column), made.end()) << column;
    }
  }
  // The tables' schema is still exactly what the migrations made.
  const SchemaCheck check = check_schema(db, flow_schemas(), migrations.path());
  EXPECT_TRUE(check.ok()) << check.message;
}

INSTANTIATE_TEST_SUITE_P(Backends, Migrations, ::testing::ValuesIn(testing::fresh_databases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace ectflow::sql
