// `ectflow import teachers`: CSV (RFC 4180, BOM, CRLF) and JSON files checked by the teacher
// record's field types, errors naming file, line and field, all or nothing, and re-imports
// updating what the TRA changed.
#include <gtest/gtest.h>

#include "database_commands.hpp"

namespace ectflow::cli_test {
namespace {

const std::string kHeader =
    "trn,first_name,last_name,date_of_birth,national_insurance_number,qts_awarded,induction_status,prohibited,"
    "completed_mentor_training,started_mentor_training";

class ImportTeachers : public ::testing::Test {
 protected:
  std::string db() const { return (dir.path() / "ectflow.db").string(); }
  Result import(const std::string& name, const std::string& text) {
    return on_database(db(), "import teachers " + quoted(dir.write(name, text).string()));
  }
  std::string file(const std::string& name) const { return (dir.path() / name).string(); }

  TempDir dir;
};

TEST_F(ImportTeachers, CsvWithBomCrlfAndQuotedFields) {
  const Result r = import("teachers.csv",
                          "\xEF\xBB\xBF" + kHeader + "\r\n" +
                              "RP99/12345,\"Siobhan, Jr\",\"O\"\"Brien\",1980-02-03,ab 12 34 56 c,2005-07-01,passed,"
                              "no,yes,\r\n"
                              "7654321,Sam,\"Smith\r\nJones\",1999-05-06,,,in_progress,No,FALSE,2024-10-01\r\n");
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(r.out, "Imported 2 teachers (2 new, 0 updated) into " + db() + "\n");
  // A pipe gets no progress bar: nothing drawn over itself.
  EXPECT_FALSE(contains(r.err, "\r")) << describe(r);
  EXPECT_FALSE(contains(r.err, "\x1b")) << describe(r);

  const StoredRecords teachers = stored(db(), "teacher");
  ASSERT_EQ(teachers.size(), 2u);
  // The TRN and NINO are normalised as a journey's answers are.
  const auto& siobhan = teachers.at("9912345");
  EXPECT_EQ(siobhan.at("first_name"), "Siobhan, Jr");
  EXPECT_EQ(siobhan.at("last_name"), "O\"Brien");
  EXPECT_EQ(siobhan.at("date_of_birth"), "1980-02-03");
  EXPECT_EQ(siobhan.at("national_insurance_number"), "AB123456C");
  EXPECT_EQ(siobhan.at("induction_status"), "passed");
  EXPECT_EQ(siobhan.at("prohibited"), "no");
  EXPECT_EQ(siobhan.at("completed_mentor_training"), "yes");
  EXPECT_EQ(siobhan.at("started_mentor_training"), "");
  const auto& sam = teachers.at("7654321");
  EXPECT_EQ(sam.at("last_name"), "Smith\r\nJones");
  EXPECT_EQ(sam.at("national_insurance_number"), "");
  EXPECT_EQ(sam.at("qts_awarded"), "");
  EXPECT_EQ(sam.at("started_mentor_training"), "2024-10-01");
}

TEST_F(ImportTeachers, BadDateNamesTheLineAndFieldAndNothingIsImported) {
  // The quoted line break puts Sam's row on line 3 and the bad date on line 5.
  const Result r = import("teachers.csv", kHeader + "\n" +
                                              "1234567,Julie,\"Carver\nSmith\",1980-02-03,,,passed,no,no,\n"
                                              "7654321,Sam,Smith,1999-05-06,,,in_progress,no,no,\n"
                                              "2222222,Alex,Brown,1998-02-30,,,none,no,no,\n");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, file("teachers.csv") +
                                  ":5: error: date_of_birth \"1998-02-30\": not a real date; write it as "
                                  "YYYY-MM-DD, like 2025-09-01\n"))
      << describe(r);
  EXPECT_TRUE(contains(r.err, "Nothing was imported: 1 problem in " + file("teachers.csv") +
                                  "; fix it and import again\n"))
      << describe(r);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(stored(db(), "teacher").empty());
}

TEST_F(ImportTeachers, EveryProblemOfEveryRowIsListed) {
  const Result r = import("teachers.csv", kHeader + "\n" +
                                              "12,Julie,Carver,1980-02-03,,,pased,maybe,no,\n"
                                              "7654321,,Smith,1999-05-06,,,in_progress,no,no,\n"
                                              "7654322,Ann,Lee,1999-05-06,,,in_progress,no,no\n");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  const std::string at = file("teachers.csv");
  for (const std::string& line : {
           at + ":2: error: trn \"12\": Teacher reference number must include at least 5 digits",
           at + ":2: error: induction_status \"pased\": not a valid induction_status; write one of none, "
                "in_progress, passed, failed, exempt; did you mean `passed`?",
           at + ":2: error: prohibited \"maybe\": not yes or no; write yes or no",
           at + ":3: error: first_name is blank; every teacher needs one",
           at + ":4: error: this row has 9 values but the header names 10 columns; check for a missing comma, "
                "or put a value holding a comma in quotes",
           "Nothing was imported: 5 problems in " + at,
       }) {
    EXPECT_TRUE(contains(r.err, line)) << line << "\n" << describe(r);
  }
}

TEST_F(ImportTeachers, WrongHeaderIsNamedOnce) {
  const Result r = import("teachers.csv",
                          "trn,first_name,last_name,dob,induction_status,prohibited,completed_mentor_training,trn\n"
                          "1234567,Julie,Carver,1980-02-03,passed,no,no,1234567\n");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  const std::string at = file("teachers.csv");
  EXPECT_TRUE(contains(r.err, at + ":1: error: unknown column \"dob\"; the columns are trn, first_name, last_name, "
                                   "date_of_birth, national_insurance_number, qts_awarded, induction_status, "
                                   "prohibited, completed_mentor_training, started_mentor_training\n"))
      << describe(r);
  EXPECT_TRUE(contains(r.err, at + ":1: error: column \"trn\" appears twice; keep one\n")) << describe(r);
  EXPECT_FALSE(contains(r.err, ":2:")) << describe(r);

  // Optional columns may be left out; required ones may not.
  const Result missing = import("missing.csv", "trn,first_name,last_name,induction_status,prohibited\n"
                                               "1234567,Julie,Carver,passed,no\n");
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  EXPECT_TRUE(contains(missing.err, file("missing.csv") +
                                        ":1: error: the header has no date_of_birth column; every teacher needs one"))
      << describe(missing);
  EXPECT_TRUE(contains(missing.err, "the header has no completed_mentor_training column")) << describe(missing);
  EXPECT_TRUE(stored(db(), "teacher").empty());
}

TEST_F(ImportTeachers, BrokenCsvIsNamed) {
  const Result r = import("teachers.csv", kHeader + "\n1234567,\"Julie,Carver,1980-02-03,,,passed,no,no,\n");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, file("teachers.csv") +
                                  ":2: error: a quoted field starts here but its closing quote is missing"))
      << describe(r);
  const Result empty = import("empty.csv", "");
  EXPECT_EQ(empty.exit_code, 1) << describe(empty);
  EXPECT_TRUE(contains(empty.err, file("empty.csv") + ": error: the file is empty; its first line must name the "
                                                      "columns: trn, first_name"))
      << describe(empty);
  const Result latin1 = import("latin1.csv", kHeader + "\n1234567,Ren\xE9,Carver,1980-02-03,,,passed,no,no,\n");
  EXPECT_EQ(latin1.exit_code, 1) << describe(latin1);
  EXPECT_TRUE(contains(latin1.err, file("latin1.csv") + ":2: error: this row is not UTF-8 text")) << describe(latin1);
}

TEST_F(ImportTeachers, DuplicateTrnInTheFile) {
  // 12345 and 0012345 are the same TRN once normalised.
  const Result r = import("teachers.csv", kHeader + "\n" +
                                              "0012345,Julie,Carver,1980-02-03,,,passed,no,no,\n"
                                              "7654321,Sam,Smith,1999-05-06,,,in_progress,no,no,\n"
                                              "12345,Jules,Carver,1980-02-03,,,passed,no,no,\n");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, file("teachers.csv") + ":4: error: trn 0012345 is given twice (also at " +
                                  file("teachers.csv") + ":2); give each teacher once\n"))
      << describe(r);
  EXPECT_TRUE(stored(db(), "teacher").empty());
}

TEST_F(ImportTeachers, ReimportUpdatesAndAFailedOneChangesNothing) {
  const Result first = import("first.csv", kHeader + "\n" +
                                               "1234567,Julie,Carver,1980-02-03,,2005-07-01,passed,no,no,\n"
                                               "7654321,Sam,Smith,1999-05-06,,,in_progress,no,no,\n");
  ASSERT_EQ(first.exit_code, 0) << describe(first);

  // Sam's induction passed and a new teacher came; but the file has a mistake: nothing changes.
  const Result failed = import("second.csv", kHeader + "\n" +
                                                 "7654321,Sam,Smith,1999-05-06,,,passed,no,no,\n"
                                                 "2222222,Alex,Brown,1998-01-01,,,none,no,no,\n"
                                                 "3333333,Priya,Patel,1985-04-04,,,none,no,no,not yet\n");
  EXPECT_EQ(failed.exit_code, 1) << describe(failed);
  StoredRecords teachers = stored(db(), "teacher");
  EXPECT_EQ(teachers.size(), 2u);
  EXPECT_EQ(teachers.at("7654321").at("induction_status"), "in_progress");

  const Result second = import("second.csv", kHeader + "\n" +
                                                 "7654321,Sam,Smith,1999-05-06,,,passed,no,no,\n"
                                                 "2222222,Alex,Brown,1998-01-01,,,none,no,no,\n"
                                                 "1234567,Julie,Carver,1980-02-03,,2005-07-01,passed,no,no,\n");
  ASSERT_EQ(second.exit_code, 0) << describe(second);
  EXPECT_EQ(second.out, "Imported 3 teachers (1 new, 1 updated, 1 unchanged) into " + db() + "\n");
  teachers = stored(db(), "teacher");
  EXPECT_EQ(teachers.size(), 3u);
  EXPECT_EQ(teachers.at("7654321").at("induction_status"), "passed");
  EXPECT_EQ(teachers.at("2222222").at("first_name"), "Alex");
}

TEST_F(ImportTeachers, JsonArrayOfTeachers) {
  const Result r = import("teachers.json", R"([
  {"trn": "1234567", "first_name": "Julie", "last_name": "Carver", "date_of_birth": "1980-02-03",
   "national_insurance_number": null, "qts_awarded": "2005-07-01", "induction_status": "passed",
   "prohibited": false, "completed_mentor_training": true, "started_mentor_training": null},
  {"trn": 7654321, "first_name": "Sam", "last_name": "Smith", "date_of_birth": "1999-05-06",
   "induction_status": "in_progress", "prohibited": "no", "completed_mentor_training": false}
])");
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(r.out, "Imported 2 teachers (2 new, 0 updated) into " + db() + "\n");
  const StoredRecords teachers = stored(db(), "teacher");
  EXPECT_EQ(teachers.at("1234567").at("completed_mentor_training"), "yes");
  EXPECT_EQ(teachers.at("7654321").at("prohibited"), "no");
}

TEST_F(ImportTeachers, JsonProblemsNameTheLineAndItem) {
  const Result r = import("teachers.json", R"([
  {"trn": "1234567", "first_name": "Julie", "last_name": "Carver", "date_of_birth": "1980-02-03",
   "induction_status": "passed", "prohibited": false, "completed_mentor_training": true},

  {"trn": "7654321", "first_name": "Sam", "last_name": "Smith", "dob": "1999-05-06",
   "induction_status": "in_progress", "prohibited": [], "completed_mentor_training": false}
])");
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  const std::string at = file("teachers.json") + ":5: item [1]: error: ";
  EXPECT_TRUE(contains(r.err, at + "unknown field \"dob\"; the fields are trn, first_name")) << describe(r);
  EXPECT_TRUE(contains(r.err, at + "prohibited holds a list or an object")) << describe(r);

  const Result missing = import("missing.json", R"([{"trn": "1234567", "first_name": "Julie"}])");
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  EXPECT_TRUE(contains(missing.err, file("missing.json") +
                                        ":1: item [0]: error: last_name is missing; every teacher needs one"))
      << describe(missing);
  const Result broken = import("broken.json", "[{\"trn\": }]");
  EXPECT_EQ(broken.exit_code, 1) << describe(broken);
  EXPECT_TRUE(contains(broken.err, file("broken.json") + ": error: not valid JSON: parse error at line 1"))
      << describe(broken);
  EXPECT_TRUE(stored(db(), "teacher").empty());
}

TEST_F(ImportTeachers, FilesItCannotTake) {
  const Result text = on_database(db(), "import teachers " + quoted(dir.write("teachers.txt", "").string()));
  EXPECT_EQ(text.exit_code, 2) << describe(text);
  EXPECT_TRUE(contains(text.err, "teachers.txt is not a .csv or .json file")) << describe(text);
  const Result missing = on_database(db(), "import teachers " + quoted(file("nowhere.csv")));
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  EXPECT_TRUE(contains(missing.err, "ectflow import teachers: cannot read " + file("nowhere.csv"))) << describe(missing);
}

// On a terminal the bar is drawn on stderr, and cleared before the summary.
TEST_F(ImportTeachers, ProgressBarOnlyOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs script(1) for a terminal";
  const fs::path csv = dir.write("teachers.csv", kHeader + "\n1234567,Julie,Carver,1980-02-03,,,passed,no,no,\n");
  const std::string command = quoted(ECTFLOW_BINARY) + " import teachers " + quoted(csv.string()) + " --db " +
                              quoted(db()) + " --flows " + quoted((kRoot / "flows").string());
  // script(1) runs the command on a new terminal and copies what it shows to our pipe.
  Result r;
  FILE* pipe = ::popen(("script -qec " + quoted(command) + " /dev/null </dev/null").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
  r.exit_code = exit_code_of(::pclose(pipe));
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "Checking [")) << describe(r);
  EXPECT_TRUE(contains(r.out, "\r\x1b[2K")) << describe(r);
  EXPECT_TRUE(contains(r.out, "Imported 1 teacher (1 new, 0 updated)")) << describe(r);
}

}  // namespace
}  // namespace ectflow::cli_test
