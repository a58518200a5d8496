// Migration folders and files, without a database: statements split at the right `;`, badly
// named files, gaps, duplicates and dialect folders that differ are clear errors, and
// new-migration writes what the flows need (or refuses when nothing differs).
#include <gtest/gtest.h>

#include "sql/migration_helpers.hpp"

namespace ectflow::sql {
namespace {

using testing::flow_schemas;
using testing::migration_error;
using testing::MigrationsCopy;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MigrationFiles, StatementsSplitOutsideQuotesAndComments) {
  const auto statements = split_statements(
      "-- a comment; not a statement\n"
      "CREATE TABLE a (x TEXT DEFAULT 'it''s; fine');\n"
      "\n"
      "/* a block; comment */ INSERT INTO \"odd;name\" VALUES (1) -- trailing; comment\n"
      ";\n"
      "  ;  \n"
      "DROP TABLE a");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].sql, "CREATE TABLE a (x TEXT DEFAULT 'it''s; fine')");
  EXPECT_EQ(statements[0].line, 2);
  EXPECT_EQ(statements[1].sql, "INSERT INTO \"odd;name\" VALUES (1)");
  EXPECT_EQ(statements[1].line, 4);
  EXPECT_EQ(statements[2].sql, "DROP TABLE a");
  EXPECT_EQ(statements[2].line, 7);
}

TEST(MigrationFiles, TheRepositoryFolderReadsInOrderWithChecksums) {
  const auto files = read_migrations(testing::kRepositoryMigrations, kSqliteMigrations);
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files[0].file_name, "0001_initial.sql");
  EXPECT_EQ(files[0].version, "0001");
  EXPECT_EQ(files[0].number, 1);
  EXPECT_EQ(files[0].name, "initial");
  EXPECT_EQ(files[0].checksum.size(), 64u);
  for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(files[i].number, int(i) + 1);
}

TEST(MigrationFiles, ChecksumIsTheFilesSha256) {
  MigrationsCopy copy;
  copy.write("0002_abc.sql", "abc");
  const auto files = read_migrations(copy.path(), kPostgresMigrations);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].checksum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(MigrationFiles, BadlyNamedFilesAreErrors) {
  for (const std::string bad : {"2_short.sql", "0002-dash.sql", "0002_Capital.sql", "0002_.sql",
                                "0002_notes.txt"}) {
    MigrationsCopy copy;
    copy.write(bad, "SELECT 1;", kSqliteMigrations);
    const std::string message =
        migration_error([&] { read_migrations(copy.path(), kSqliteMigrations); });
    EXPECT_TRUE(contains(message, bad)) << message;
    EXPECT_TRUE(contains(message, "is not named NNNN_name.sql")) << message;
  }
}

TEST(MigrationFiles, AGapInTheVersionsIsAnError) {
  MigrationsCopy copy;
  copy.write("0003_skipped_two.sql", "SELECT 1;");
  const std::string message =
      migration_error([&] { read_migrations(copy.path(), kSqliteMigrations); });
  EXPECT_TRUE(contains(message, "0003_skipped_two.sql")) << message;
  EXPECT_TRUE(contains(message, "no gap, so it should be numbered 2")) << message;
}

TEST(MigrationFiles, ADuplicateVersionIsAnError) {
  MigrationsCopy copy;
  copy.write("0002_one.sql", "SELECT 1;");
  copy.write("0002_other.sql", "SELECT 1;");
  const std::string message =
      migration_error([&] { read_migrations(copy.path(), kSqliteMigrations); });
  EXPECT_TRUE(contains(message, "0002_one.sql and 0002_other.sql have the same version 0002"))
      << message;
}

TEST(MigrationFiles, TheDialectFoldersMustHoldTheSameMigrations) {
  MigrationsCopy copy;
  copy.write("0002_only_sqlite.sql", "SELECT 1;", kSqliteMigrations);
  for (const char* dialect : {kSqliteMigrations, kPostgresMigrations}) {
    const std::string message = migration_error([&] { read_migrations(copy.path(), dialect); });
    EXPECT_TRUE(contains(message, "0002_only_sqlite.sql has no twin in")) << message;
    EXPECT_TRUE(contains(message, "postgresql")) << message;
  }
  copy.write("0002_renamed.sql", "SELECT 1;", kPostgresMigrations);
  const std::string message =
      migration_error([&] { read_migrations(copy.path(), kSqliteMigrations); });
  EXPECT_TRUE(contains(message, "(which has 0002_renamed.sql)")) << message;
}

TEST(MigrationFiles, AMissingFolderIsAnError) {
  const std::string message =
      migration_error([&] { read_migrations("/no/such/migrations", kSqliteMigrations); });
  EXPECT_TRUE(contains(message, "no migrations folder /no/such/migrations/sqlite")) << message;
}

TEST(NewMigration, NothingToWriteWhenTheMigrationsMatchTheFlows) {
  EXPECT_FALSE(plan_migration(flow_schemas(), testing::kRepositoryMigrations, "nothing"));
}

TEST(NewMigration, AnAddedFieldAndRecordBecomeAlterAndCreate) {
  std::vector<RecordSchema> schemas = testing::with_field("ect", "nickname");
  schemas.push_back({"mentor_note", "mentor_notes",
                     {{"id", FieldKind::text, ""}, {"body", FieldKind::text, ""}}, 0});
  MigrationsCopy copy;
  const auto migration = plan_migration(schemas, copy.path(), "add_notes");
  ASSERT_TRUE(migration);
  EXPECT_EQ(migration->file_name, "0002_add_notes.sql");
  EXPECT_TRUE(migration->to_finish.empty());
  EXPECT_TRUE(contains(migration->sqlite_sql, "ALTER TABLE rec_ect ADD COLUMN \"nickname\" TEXT;"))
      << migration->sqlite_sql;
  EXPECT_TRUE(contains(migration->sqlite_sql, "CREATE TABLE IF NOT EXISTS rec_mentor_note"))
      << migration->sqlite_sql;
  EXPECT_TRUE(contains(migration->postgresql_sql, "CREATE SEQUENCE IF NOT EXISTS ids_mentor_note;"))
      << migration->postgresql_sql;
  EXPECT_FALSE(contains(migration->sqlite_sql, "SEQUENCE")) << migration->sqlite_sql;

  const auto written = write_migration(*migration, copy.path());
  ASSERT_EQ(written.size(), 2u);
  EXPECT_TRUE(migrations_against_flows(schemas, copy.path()).empty());
  EXPECT_FALSE(plan_migration(schemas, copy.path(), "again"));
  const std::string message = migration_error([&] { write_migration(*migration, copy.path()); });
  EXPECT_TRUE(contains(message, "already exists")) << message;
}

TEST(NewMigration, ARemovedFieldOrChangedTypeIsLeftForTheAuthor) {
  std::vector<RecordSchema> schemas = flow_schemas();
  for (RecordSchema& schema : schemas) {
    if (schema.name != "school") continue;
    schema.fields.pop_back();  // induction_tutor_email removed
    schema.fields[3].kind = FieldKind::number;  // induction_tutor_name: TEXT to REAL
  }
  const auto migration = plan_migration(schemas, testing::kRepositoryMigrations, "rework_school");
  ASSERT_TRUE(migration);
  ASSERT_EQ(migration->to_finish.size(), 2u);
  EXPECT_TRUE(contains(migration->to_finish[0], "rec_school.induction_tutor_name is TEXT"))
      << migration->to_finish[0];
  EXPECT_TRUE(contains(migration->to_finish[1], "rec_school.induction_tutor_email is there"))
      << migration->to_finish[1];
  EXPECT_TRUE(contains(migration->sqlite_sql,
                       "-- ALTER TABLE rec_school DROP COLUMN \"induction_tutor_email\";"))
      << migration->sqlite_sql;
  EXPECT_TRUE(contains(migration->postgresql_sql,
                       "-- ALTER TABLE rec_school ALTER COLUMN \"induction_tutor_name\" TYPE "
                       "DOUBLE PRECISION"))
      << migration->postgresql_sql;
  // Commented out, the statements do nothing until the author finishes them.
  for (const auto& statement : split_statements(migration->sqlite_sql)) ADD_FAILURE() << statement.sql;
}

TEST(NewMigration, ANameMustBeLowerCaseWords) {
  const std::string message = migration_error(
      [&] { plan_migration(flow_schemas(), testing::kRepositoryMigrations, "Add Field"); });
  EXPECT_TRUE(contains(message, "lower-case letters, digits and underscores")) << message;
}

}  // namespace
}  // namespace ectflow::sql
