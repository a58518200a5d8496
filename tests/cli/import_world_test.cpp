// `ectflow import world`, then `ectflow export participations` and `ectflow report
// unassigned-mentors` on what it stored: exact outputs, the cohort and school filters, and the
// failures (a record already stored, an unknown school, a database that cannot be opened).
#include <gtest/gtest.h>

#include "database_commands.hpp"

namespace ectflow::cli_test {
namespace {

const std::string kToday = " --today 2025-09-01";

// Two schools. At Alder: amy Baker and Zoe Adams mentor nobody, Lee Leaving leaves after today
// (still open), Lou Left has left, Bea Busy (2024) mentors an ECT of the 2025 cohort.
const char* kTwoSchools = R"({
  "schools": [
    {"urn": "200001", "name": "Alder School",
     "mentors": [
       {"id": "a1", "trn": "1000001", "name": "Zoe Adams", "cohort": 2024},
       {"id": "a2", "trn": "1000002", "name": "amy Baker", "email": "amy@alder.sch.uk", "cohort": 2025},
       {"id": "a3", "name": "Lou Left", "cohort": 2024, "left_on": "2025-08-01"},
       {"id": "a4", "trn": "1000004", "name": "Bea Busy", "cohort": 2024},
       {"id": "a5", "name": "Lee Leaving", "cohort": 2023, "left_on": "2025-12-01"}
     ],
     "ects": [
       {"id": "ae1", "name": "Eve Early", "cohort": 2025, "programme_type": "provider_led", "mentor_id": "a4"}
     ]},
    {"urn": "200002", "name": "Birch Academy",
     "mentors": [{"id": "b1", "trn": "1000011", "name": "Carl Diaz", "cohort": 2023}]}
  ]
})";

class WorldCommands : public ::testing::Test {
 protected:
  std::string db() const { return (dir.path() / "ectflow.db").string(); }
  Result import_world(const std::string& name, const std::string& text) {
    return on_database(db(), "import world " + quoted(dir.write(name, text).string()) + kToday);
  }
  Result import_example() {
    return on_database(db(), "import world " + quoted((kRoot / "examples/world.json").string()) + kToday);
  }
  Result run(const std::string& args) { return on_database(db(), args + kToday); }

  TempDir dir;
};

TEST_F(WorldCommands, ExampleWorldThenExportByCohort) {
  const Result imported = import_example();
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_EQ(imported.out, "Imported the world in " + (kRoot / "examples/world.json").string() + " into " + db() +
                              ": 12 teachers, 3 schools, 6 ects, 4 mentors, 4 mentorships, 4 lead_providers, "
                              "4 appropriate_bodies, 7 cohorts\n");

  // Julie Carver registered in 2024 and mentors Ravi Patel of 2025; Priya Shah registered in 2025.
  const Result csv = run("export participations --cohort 2025");
  ASSERT_EQ(csv.exit_code, 0) << describe(csv);
  EXPECT_EQ(csv.out,
            "mentor_id,trn,name,school_urn,school_name,registration_cohort,source\r\n"
            "m1,1234567,Julie Carver,100001,Example Primary School,2024,mentored_ect\r\n"
            "m2,2345678,Priya Shah,100001,Example Primary School,2025,registration\r\n");

  const Result json = run("export participations --cohort 2024 --format json");
  ASSERT_EQ(json.exit_code, 0) << describe(json);
  EXPECT_EQ(json.out, R"([
  {
    "mentor_id": "m1",
    "trn": "1234567",
    "name": "Julie Carver",
    "school_urn": "100001",
    "school_name": "Example Primary School",
    "registration_cohort": 2024,
    "source": "registration"
  },
  {
    "mentor_id": "m4",
    "trn": "2233445",
    "name": "Peter Hughes",
    "school_urn": "100003",
    "school_name": "St Aidan's College",
    "registration_cohort": 2024,
    "source": "registration"
  }
]
)");

  const Result none = run("export participations --cohort 2021 --format json");
  EXPECT_EQ(none.exit_code, 0) << describe(none);
  EXPECT_EQ(none.out, "[]\n");
  const Result bad = run("export participations --cohort twenty");
  EXPECT_EQ(bad.exit_code, 2) << describe(bad);
}

TEST_F(WorldCommands, ExampleWorldReport) {
  ASSERT_EQ(import_example().exit_code, 0);
  const Result text = run("report unassigned-mentors");
  ASSERT_EQ(text.exit_code, 0) << describe(text);
  EXPECT_EQ(text.out,
            "Example Primary School (100001)\n"
            "  Priya Shah  m2  TRN 2345678  cohort 2025\n"
            "\n"
            "1 mentor without an ECT at 1 school\n");
}

TEST_F(WorldCommands, ReportBySchoolThenNameInEachFormat) {
  const Result imported = import_world("schools.json", kTwoSchools);
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);

  const Result text = run("report unassigned-mentors");
  ASSERT_EQ(text.exit_code, 0) << describe(text);
  EXPECT_EQ(text.out,
            "Alder School (200001)\n"
            "  amy Baker    a2  TRN 1000002  cohort 2025\n"
            "  Lee Leaving  a5  cohort 2023\n"
            "  Zoe Adams    a1  TRN 1000001  cohort 2024\n"
            "\n"
            "Birch Academy (200002)\n"
            "  Carl Diaz  b1  TRN 1000011  cohort 2023\n"
            "\n"
            "4 mentors without an ECT at 2 schools\n");

  const Result csv = run("report unassigned-mentors --format csv");
  ASSERT_EQ(csv.exit_code, 0) << describe(csv);
  EXPECT_EQ(csv.out,
            "school_urn,school_name,mentor_id,name,trn,email,cohort\r\n"
            "200001,Alder School,a2,amy Baker,1000002,amy@alder.sch.uk,2025\r\n"
            "200001,Alder School,a5,Lee Leaving,,,2023\r\n"
            "200001,Alder School,a1,Zoe Adams,1000001,,2024\r\n"
            "200002,Birch Academy,b1,Carl Diaz,1000011,,2023\r\n");

  const Result json = run("report unassigned-mentors --school 200002 --format json");
  ASSERT_EQ(json.exit_code, 0) << describe(json);
  EXPECT_EQ(json.out, R"([
  {
    "school_urn": "200002",
    "school_name": "Birch Academy",
    "mentor_id": "b1",
    "name": "Carl Diaz",
    "trn": "1000011",
    "email": null,
    "cohort": 2023
  }
]
)");

  const Result one = run("report unassigned-mentors --school 200002");
  EXPECT_EQ(one.out, "Birch Academy (200002)\n  Carl Diaz  b1  TRN 1000011  cohort 2023\n\n"
                     "1 mentor without an ECT at 1 school\n");

  // Bea Busy (2024) mentors Eve Early, of 2025.
  const Result cohort = run("export participations --cohort 2025");
  EXPECT_EQ(cohort.out,
            "mentor_id,trn,name,school_urn,school_name,registration_cohort,source\r\n"
            "a2,1000002,amy Baker,200001,Alder School,2025,registration\r\n"
            "a4,1000004,Bea Busy,200001,Alder School,2024,mentored_ect\r\n");
}

TEST_F(WorldCommands, ASchoolWithNobodyUnassignedAndAnUnknownSchool) {
  ASSERT_EQ(import_example().exit_code, 0);
  const Result everyone = run("report unassigned-mentors --school 100002");
  EXPECT_EQ(everyone.exit_code, 0) << describe(everyone);
  EXPECT_EQ(everyone.out, "Every open mentor at Riverside Academy (100002) has an ECT\n");
  const Result csv = run("report unassigned-mentors --school 100002 --format csv");
  EXPECT_EQ(csv.out, "school_urn,school_name,mentor_id,name,trn,email,cohort\r\n");

  const Result unknown = run("report unassigned-mentors --school 999999");
  EXPECT_EQ(unknown.exit_code, 1) << describe(unknown);
  EXPECT_EQ(unknown.out, "");
  EXPECT_TRUE(contains(unknown.err, "ectflow report unassigned-mentors: no school has URN 999999 in " + db() + "\n"))
      << describe(unknown);
}

TEST_F(WorldCommands, ARecordAlreadyStoredFailsTheWholeImport) {
  ASSERT_EQ(import_example().exit_code, 0);
  // Alder School is new, but Riverside Academy is already stored.
  const Result r = import_world("more.json", R"({
    "schools": [
      {"urn": "200001", "name": "Alder School", "mentors": [{"id": "a1", "name": "Zoe Adams", "cohort": 2025}]},
      {"urn": "100002", "name": "Riverside Academy"}
    ]})");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  const std::string file = (dir.path() / "more.json").string();
  EXPECT_TRUE(contains(r.err, file + ": error: school 100002 (Riverside Academy) is already in the database; import "
                                     "into a new database, or take it out of the world file\n"))
      << describe(r);
  EXPECT_TRUE(contains(r.err, "Nothing was imported: 1 problem in " + file)) << describe(r);
  EXPECT_EQ(stored(db(), "school").count("200001"), 0u);
  EXPECT_EQ(stored(db(), "mentor").count("a1"), 0u);
}

// Two worlds without cohorts or mentorship ids of their own: the default cohorts already stored
// stay, and the second world's mentorships are numbered on.
TEST_F(WorldCommands, DisjointWorldsBothImport) {
  ASSERT_EQ(import_example().exit_code, 0);
  const Result r = import_world("schools.json", kTwoSchools);
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, ": 2 schools, 1 ects, 6 mentors, 1 mentorships\n")) << describe(r);
  EXPECT_EQ(stored(db(), "mentorship").size(), 5u);
  EXPECT_EQ(stored(db(), "cohort").size(), 7u);
}

TEST_F(WorldCommands, AWorldWithProblemsNamesThem) {
  const Result r = import_world("bad.json", R"({"schools": [{"urn": "1", "name": "A",
    "ects": [{"id": "e1", "name": "Eve", "mentor_id": "m9"}]}], "teacher": []})");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  const std::string file = (dir.path() / "bad.json").string();
  EXPECT_TRUE(contains(r.err, file + ": error: teacher: unknown key `teacher` in a world; did you mean `teachers`?"))
      << describe(r);
  EXPECT_TRUE(contains(r.err, file + ": error: schools[0].ects[0].mentor_id: no mentor in this world has id `m9`"))
      << describe(r);
  EXPECT_TRUE(stored(db(), "school").empty());
}

TEST_F(WorldCommands, YamlWorld) {
  const Result help = run_ectflow("import world --help");
  if (!contains(help.out, "YAML")) GTEST_SKIP() << "this ectflow was built without yaml-cpp";
  const Result r = import_world("world.yaml", R"(# the given: of a scenario
teachers:
  - { trn: "0123456", first_name: Julie, last_name: Carver, date_of_birth: 1980-02-03,
      prohibited: false, completed_mentor_training: false }
schools:
  - urn: "100001"
    name: Example Primary
    induction_tutor: { name: Ann Lee, email: ann@example.org }
    mentors:
      - { id: m1, trn: "0123456", name: Julie Carver, cohort: 2024 }
    ects:
      - { id: e1, name: Sam Smith, cohort: 2025, programme_type: provider_led, mentor_id: null }
)");
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(stored(db(), "teacher").at("0123456").at("date_of_birth"), "1980-02-03");
  EXPECT_EQ(stored(db(), "ect").at("e1").at("cohort"), "2025");
  const Result report = run("report unassigned-mentors");
  EXPECT_EQ(report.out, "Example Primary (100001)\n  Julie Carver  m1  TRN 0123456  cohort 2024\n\n"
                        "1 mentor without an ECT at 1 school\n");

  const Result broken = import_world("broken.yaml", "schools: [ {urn: \"1\"}\n");
  EXPECT_EQ(broken.exit_code, 1) << describe(broken);
  EXPECT_TRUE(contains(broken.err, (dir.path() / "broken.yaml").string() +
                                       ": error: line 2, column 1: end of sequence flow not found\n"))
      << describe(broken);
}

TEST_F(WorldCommands, ADatabaseThatCannotBeOpened) {
  const std::string nowhere = (dir.path() / "no-such-folder" / "ectflow.db").string();
  const Result import = on_database(nowhere, "import world " + quoted((kRoot / "examples/world.json").string()));
  EXPECT_EQ(import.exit_code, 3) << describe(import);
  EXPECT_TRUE(contains(import.err, "ectflow import world: ")) << describe(import);
  EXPECT_TRUE(contains(import.err, nowhere)) << describe(import);

  const fs::path garbage = dir.write("garbage.db", std::string(4096, 'x'));
  const Result report = on_database(garbage.string(), "report unassigned-mentors");
  EXPECT_EQ(report.exit_code, 3) << describe(report);
  EXPECT_TRUE(contains(report.err, "ectflow report unassigned-mentors: ")) << describe(report);
  EXPECT_TRUE(contains(report.err, "is not an SQLite database")) << describe(report);

  // Reading commands do not make an empty database where none was.
  const Result missing = on_database(db(), "export participations --cohort 2025");
  EXPECT_EQ(missing.exit_code, 3) << describe(missing);
  EXPECT_TRUE(contains(missing.err, "ectflow export participations: there is no database " + db())) << describe(missing);
  EXPECT_FALSE(fs::exists(db()));
}

// The same commands on PostgreSQL (scripts/with-postgres.sh): migrated first, as a service's is.
TEST(WorldCommandsOnPostgres, ImportTeachersWorldThenExportAndReport) {
  std::string db;
  try {
    db = postgres_database();
  } catch (const std::exception& error) {
    FAIL() << "PostgreSQL is not available: " << error.what();
  }
  const Result migrated = on_database(db, "db migrate");
  ASSERT_EQ(migrated.exit_code, 0) << describe(migrated);

  TempDir dir;
  const Result teachers = on_database(
      db, "import teachers " +
              quoted(dir.write("teachers.csv",
                               "trn,first_name,last_name,date_of_birth,induction_status,prohibited,"
                               "completed_mentor_training\r\n1000099,\"Nia, Jr\",Okoro,1990-01-01,passed,no,no\r\n")
                         .string()));
  ASSERT_EQ(teachers.exit_code, 0) << describe(teachers);
  EXPECT_TRUE(contains(teachers.out, "Imported 1 teacher (1 new, 0 updated) into postgresql://")) << describe(teachers);
  EXPECT_EQ(stored(db, "teacher").at("1000099").at("first_name"), "Nia, Jr");

  const Result world = on_database(db, "import world " + quoted(dir.write("world.json", kTwoSchools).string()) + kToday);
  ASSERT_EQ(world.exit_code, 0) << describe(world);
  const Result again = on_database(db, "import world " + quoted(dir.write("world.json", kTwoSchools).string()) + kToday);
  EXPECT_EQ(again.exit_code, 1) << describe(again);
  EXPECT_TRUE(contains(again.err, "school 200001 (Alder School) is already in the database")) << describe(again);

  const Result csv = on_database(db, "export participations --cohort 2023" + kToday);
  ASSERT_EQ(csv.exit_code, 0) << describe(csv);
  EXPECT_EQ(csv.out,
            "mentor_id,trn,name,school_urn,school_name,registration_cohort,source\r\n"
            "a5,,Lee Leaving,200001,Alder School,2023,registration\r\n"
            "b1,1000011,Carl Diaz,200002,Birch Academy,2023,registration\r\n");
  const Result report = on_database(db, "report unassigned-mentors --school 200002" + kToday);
  EXPECT_EQ(report.out, "Birch Academy (200002)\n  Carl Diaz  b1  TRN 1000011  cohort 2023\n\n"
                        "1 mentor without an ECT at 1 school\n");
}

}  // namespace
}  // namespace ectflow::cli_test
