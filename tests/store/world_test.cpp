// Loading a world in the `given:` shape: defaults, nested schools, the mentorships an ECT's
// mentor_id opens, every problem named by its path, and examples/world.json loading clean.
#include "store/world.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "service_schemas.hpp"

namespace ectflow::store {
namespace {

using nlohmann::json;
using testing::field;
using testing::service_choices;
using testing::service_schemas;
using testing::type_of;

const Date kToday = *Date::parse_iso("2025-09-01");

struct Loaded {
  std::unique_ptr<MemoryStore> store;
  std::vector<WorldProblem> problems;

  RecordTypeId type(std::string_view name) const { return type_of(store->schemas(), name); }
  std::size_t count(std::string_view name) const { return testing::count(*store, type(name)); }
  FieldValue get(std::string_view type, std::string_view id, std::string_view name) const {
    return field(*store, type, id, name);
  }
  // Every mentorship as ect_id → (mentor_id, started_on).
  std::map<std::string, std::pair<std::string, std::string>> mentorships() const {
    std::map<std::string, std::pair<std::string, std::string>> found;
    store->for_each(type("mentorship"), [&](const Record& m) {
      EXPECT_TRUE(std::holds_alternative<std::monostate>(m.fields[4]));  // not finished
      found[std::get<std::string>(m.fields[1])] = {std::get<std::string>(m.fields[2]),
                                                   std::get<Date>(m.fields[3]).iso()};
    });
    return found;
  }
};

Loaded load(const json& given) {
  Loaded loaded{std::make_unique<MemoryStore>(service_schemas()), {}};
  loaded.problems = load_world(given, *loaded.store, service_schemas(), kToday, service_choices);
  return loaded;
}

Loaded load_text(std::string_view text) {
  return load(json::parse(text));
}

std::string describe(const std::vector<WorldProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += "  " + p.path + ": " + p.message + "\n";
  return text;
}

TEST(WorldTest, AnEmptyWorldHasTheDefaultCohorts) {
  for (const json& given : {json(nullptr), json::object()}) {
    Loaded world = load(given);
    ASSERT_TRUE(world.problems.empty()) << describe(world.problems);
    EXPECT_EQ(world.count("cohort"), 7u);
    EXPECT_EQ(world.count("ect"), 0u);
    for (int year = 2021; year <= 2027; ++year) {
      const std::string id = std::to_string(year);
      EXPECT_EQ(std::get<Date>(world.get("cohort", id, "start")), Date::from_ymd(year, 6, 1));
      EXPECT_EQ(std::get<Date>(world.get("cohort", id, "end")), Date::from_ymd(year + 1, 5, 31));
      EXPECT_EQ(std::get<bool>(world.get("cohort", id, "payments_frozen")), year <= 2022) << id;
      EXPECT_EQ(std::get<bool>(world.get("cohort", id, "open_for_registration")), year <= 2025)
          << id;
    }
  }
}

TEST(WorldTest, GivenCohortsReplaceTheDefaultsAndFillWhatTheyLeaveOut) {
  Loaded world = load_text(R"({"cohorts": [
      {"year": 2025, "start": "2025-06-01", "end": "2026-05-31", "open_for_registration": false,
       "payments_frozen": false},
      {"year": 2026}]})");
  ASSERT_TRUE(world.problems.empty()) << describe(world.problems);
  EXPECT_EQ(world.count("cohort"), 2u);
  EXPECT_FALSE(std::get<bool>(world.get("cohort", "2025", "open_for_registration")));
  EXPECT_EQ(std::get<Date>(world.get("cohort", "2026", "end")).iso(), "2027-05-31");
  EXPECT_FALSE(std::get<bool>(world.get("cohort", "2026", "open_for_registration")));
}

TEST(WorldTest, ReadsNestedSchoolsAndEveryKindOfValue) {
  Loaded world = load_text(R"({
    "teachers": [{"trn": "1234567", "first_name": "Julie", "date_of_birth": "1980-02-03",
                  "qts_awarded": null, "prohibited": false, "induction_status": "passed"}],
    "appropriate_bodies": [{"id": "ab1", "name": "North Hub", "kind": "teaching_school_hub"}],
    "lead_providers": [{"id": "lp1", "name": "Ambition", "cohorts": [2024, 2025]}],
    "schools": [
      {"urn": "100001", "name": "Example Primary",
       "induction_tutor": {"name": "Ann Lee", "email": "ann@example.org"},
       "mentors": [{"id": "m1", "trn": "1234567", "name": "Julie Carver", "cohort": 2024}],
       "ects": [{"id": "e1", "name": "Sam Smith", "appropriate_body_id": "ab1",
                 "lead_provider_id": "lp1", "programme_type": "provider_led", "cohort": 2024}]},
      {"urn": "100002", "kind": "independent"}]})");
  ASSERT_TRUE(world.problems.empty()) << describe(world.problems);
  EXPECT_EQ(std::get<std::string>(world.get("school", "100001", "kind")), "state_funded");
  EXPECT_EQ(std::get<std::string>(world.get("school", "100002", "kind")), "independent");
  EXPECT_EQ(std::get<std::string>(world.get("school", "100001", "induction_tutor_email")),
            "ann@example.org");
  EXPECT_EQ(std::get<std::string>(world.get("mentor", "m1", "school_id")), "100001");
  EXPECT_EQ(std::get<std::string>(world.get("ect", "e1", "school_id")), "100001");
  EXPECT_EQ(std::get<double>(world.get("ect", "e1", "cohort")), 2024);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(world.get("ect", "e1", "email")));
  EXPECT_TRUE(
      std::holds_alternative<std::monostate>(world.get("teacher", "1234567", "qts_awarded")));
  EXPECT_EQ(std::get<Date>(world.get("teacher", "1234567", "date_of_birth")).iso(), "1980-02-03");
  EXPECT_FALSE(std::get<bool>(world.get("teacher", "1234567", "prohibited")));
  auto cohorts =
      std::get<std::shared_ptr<const FieldList>>(world.get("lead_provider", "lp1", "cohorts"));
  ASSERT_EQ(cohorts->items.size(), 2u);
  EXPECT_EQ(std::get<double>(cohorts->items[1]), 2025);
  EXPECT_EQ(world.count("mentorship"), 0u);
}

TEST(WorldTest, AnEctsMentorIdOpensAMentorshipFromTheFirstDateThereIs) {
  Loaded world = load_text(R"({"schools": [{"urn": "100001",
    "mentors": [{"id": "m1"}, {"id": "m2"}],
    "ects": [{"id": "e1", "mentor_id": "m1", "start_date": "2024-09-02", "cohort": 2023},
             {"id": "e2", "mentor_id": "m1", "cohort": 2024},
             {"id": "e3", "mentor_id": "m2"},
             {"id": "e4", "mentor_id": null},
             {"id": "e5"}]}]})");
  ASSERT_TRUE(world.problems.empty()) << describe(world.problems);
  using Opened = std::map<std::string, std::pair<std::string, std::string>>;
  EXPECT_EQ(world.mentorships(), (Opened{{"e1", {"m1", "2024-09-02"}},
                                         {"e2", {"m1", "2024-06-01"}},
                                         {"e3", {"m2", "2025-08-02"}}}));
  EXPECT_NE(world.store->find(world.type("mentorship"), "mentorship-1"), nullptr);
  // Ids the store gives later do not collide with the loaded ones.
  world.store->transact([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.new_id(world.type("mentorship")), "mentorship-4");
    return false;
  });
}

struct ProblemCase {
  const char* name;
  const char* world;
  const char* path;
  const char* message;
};

// Each world has one problem; the message is the whole text.
const ProblemCase kProblems[] = {
    {"NotAMap", R"([1])", "",
     "expected a map of teachers, schools, appropriate_bodies, lead_providers, cohorts"},
    {"UnknownSection", R"({"colours": []})", "colours",
     "unknown key `colours` in a world (expected teachers, schools, appropriate_bodies, "
     "lead_providers, cohorts)"},
    {"MisspeltSection", R"({"schols": []})", "schols",
     "unknown key `schols` in a world; did you mean `schools`?"},
    {"SectionNotAList", R"({"schools": {"urn": "1"}})", "schools", "expected a list"},
    {"ItemNotAMap", R"({"teachers": ["1234567"]})", "teachers[0]", "expected a map of fields"},
    {"TeacherWithoutTrn", R"({"teachers": [{"first_name": "Julie"}]})", "teachers[0]",
     "a teacher needs its `trn`"},
    {"TrnAsNumber", R"({"teachers": [{"trn": 1234567}]})", "teachers[0].trn",
     "expected text; write numbers such as a TRN or URN in quotes"},
    {"NotARealDate", R"({"teachers": [{"trn": "1", "qts_awarded": "2025-02-30"}]})",
     "teachers[0].qts_awarded", "expected a real date in the form YYYY-MM-DD, like 2025-09-01"},
    {"YesNoAsText", R"({"teachers": [{"trn": "1", "prohibited": "no"}]})", "teachers[0].prohibited",
     "expected true or false"},
    {"UnknownChoice", R"({"schools": [{"urn": "1", "kind": "indepedent"}]})", "schools[0].kind",
     "\"indepedent\" is not a school_kind (state_funded, independent); did you mean "
     "`independent`?"},
    {"SchoolWithoutUrn", R"({"schools": [{"name": "Example Primary"}]})", "schools[0]",
     "a school needs its `urn`"},
    {"InductionTutorFieldsGivenFlat",
     R"({"schools": [{"urn": "1", "induction_tutor_name": "Ann"}]})",
     "schools[0].induction_tutor_name",
     "unknown key `induction_tutor_name` in a school; did you mean `induction_tutor`?"},
    {"InductionTutorNotAMap", R"({"schools": [{"urn": "1", "induction_tutor": "Ann"}]})",
     "schools[0].induction_tutor", "expected a map with name and email"},
    {"InductionTutorUnknownKey",
     R"({"schools": [{"urn": "1", "induction_tutor": {"name": "Ann", "emial": "a@b.org"}}]})",
     "schools[0].induction_tutor.emial",
     "unknown key `emial` in an induction tutor; did you mean `email`?"},
    {"MentorWithoutId", R"({"schools": [{"urn": "1", "mentors": [{"name": "Julie"}]}]})",
     "schools[0].mentors[0]", "a mentor needs its `id`"},
    {"EctWithoutId", R"({"schools": [{"urn": "1", "ects": [{"id": ""}]}]})", "schools[0].ects[0]",
     "an ect needs its `id`"},
    {"SchoolIdGiven", R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "school_id": "1"}]}]})",
     "schools[0].ects[0].school_id",
     "unknown key `school_id` in an ect (expected id, trn, name, email, start_date, "
     "working_pattern, appropriate_body_id, programme_type, lead_provider_id, cohort, left_on, "
     "mentor_id)"},
    {"MisspeltMentorId", R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "mentr_id": "m1"}]}]})",
     "schools[0].ects[0].mentr_id", "unknown key `mentr_id` in an ect; did you mean `mentor_id`?"},
    {"StatusGiven", R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "status": "complete"}]}]})",
     "schools[0].ects[0].status", "`status` is worked out by the service and cannot be given"},
    {"ReasonGiven", R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "reason": null}]}]})",
     "schools[0].ects[0].reason", "`reason` is worked out by the service and cannot be given"},
    {"ParticipationsGiven",
     R"({"schools": [{"urn": "1", "mentors": [{"id": "m1", "participations": [2024]}]}]})",
     "schools[0].mentors[0].participations",
     "`participations` is worked out by the service and cannot be given"},
    {"FundingGiven",
     R"({"schools": [{"urn": "1", "mentors": [{"id": "m1", "funding": "eligible"}]}]})",
     "schools[0].mentors[0].funding", "`funding` is worked out by the service and cannot be given"},
    {"MentorIdNamesNoMentor",
     R"({"schools": [{"urn": "1", "mentors": [{"id": "m1"}], "ects": [{"id": "e1", "mentor_id": "m2"}]}]})",
     "schools[0].ects[0].mentor_id", "no mentor in this world has id `m2`; did you mean `m1`?"},
    {"MentorIdNotText", R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "mentor_id": 1}]}]})",
     "schools[0].ects[0].mentor_id", "expected the id of a mentor, as text, or null for none"},
    {"UnknownAppropriateBody",
     R"({"appropriate_bodies": [{"id": "ab1"}],
         "schools": [{"urn": "1", "ects": [{"id": "e1", "appropriate_body_id": "ab2"}]}]})",
     "schools[0].ects[0].appropriate_body_id",
     "no appropriate body in this world has id `ab2`; did you mean `ab1`?"},
    {"UnknownLeadProvider",
     R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "lead_provider_id": "ambition"}]}]})",
     "schools[0].ects[0].lead_provider_id", "no lead provider in this world has id `ambition`"},
    {"ReferenceNotText",
     R"({"schools": [{"urn": "1", "ects": [{"id": "e1", "lead_provider_id": 7}]}]})",
     "schools[0].ects[0].lead_provider_id", "expected the id of a lead_provider, as text"},
    {"DuplicateId",
     R"({"schools": [{"urn": "1", "ects": [{"id": "e1"}]}, {"urn": "2", "ects": [{"id": "e1"}]}]})",
     "schools[1].ects[0].id", "another ect has the same id `e1` (schools[0].ects[0])"},
    {"ProviderCohortNotANumber",
     R"({"lead_providers": [{"id": "lp1", "cohorts": [2024, "2025"]}]})",
     "lead_providers[0].cohorts[1]", "expected a number"},
    {"ProviderCohortsNotAList", R"({"lead_providers": [{"id": "lp1", "cohorts": 2024}]})",
     "lead_providers[0].cohorts", "expected a list"},
    {"CohortsNotAList", R"({"cohorts": 2025})", "cohorts", "expected a list"},
    {"CohortYearNotAYear", R"({"cohorts": [{"year": 2025.5}]})", "cohorts[0].year",
     "expected a year, like 2025"},
    {"CohortWithoutYear", R"({"cohorts": [{"start": "2025-06-01"}]})", "cohorts[0]",
     "a cohort needs its `year`"},
    {"CohortUnknownKey", R"({"cohorts": [{"year": 2025, "stat": "2025-06-01"}]})",
     "cohorts[0].stat", "unknown key `stat` in a cohort; did you mean `start`?"},
};

void PrintTo(const ProblemCase& c, std::ostream* out) {
  *out << c.name;
}

class WorldProblemTest : public ::testing::TestWithParam<ProblemCase> {};

TEST_P(WorldProblemTest, NamesThePathAndLoadsNothing) {
  const ProblemCase& c = GetParam();
  Loaded world = load_text(c.world);
  ASSERT_EQ(world.problems.size(), 1u) << describe(world.problems);
  EXPECT_EQ(world.problems[0].path, c.path);
  EXPECT_EQ(world.problems[0].message, c.message);
  for (const auto& schema : world.store->schemas()) EXPECT_EQ(world.count(schema.name), 0u);
}

INSTANTIATE_TEST_SUITE_P(EveryProblem, WorldProblemTest, ::testing::ValuesIn(kProblems),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(WorldTest, CollectsEveryProblem) {
  Loaded world = load_text(R"({"teachers": [{"trn": 1}, {"trn": "2", "prohibited": "yes"}],
    "schools": [{"urn": "1", "ects": [{"id": "e1", "mentor_id": "m9", "start_date": "1/9/25"}]}],
    "colours": []})");
  std::vector<std::string> paths;
  for (const auto& p : world.problems) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"colours", "teachers[0].trn", "teachers[1].prohibited",
                                             "schools[0].ects[0].start_date",
                                             "schools[0].ects[0].mentor_id"}))
      << describe(world.problems);
}

TEST(WorldTest, IdsAlreadyInTheStoreAreProblems) {
  MemoryStore store(service_schemas());
  ASSERT_TRUE(load_world(json::parse(R"({"teachers": [{"trn": "1234567"}]})"), store,
                         service_schemas(), kToday)
                  .empty());
  auto problems = load_world(json::parse(R"({"teachers": [{"trn": "1234567"}], "cohorts": []})"),
                             store, service_schemas(), kToday);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "teachers[0].trn");
  EXPECT_EQ(problems[0].message, "the store already has a teacher `1234567`");
}

// Flows without a record type load worlds that give none of it; giving one is a problem.
TEST(WorldTest, NamesRecordTypesTheFlowsDoNotDeclare) {
  std::vector<RecordSchema> schemas = service_schemas();
  schemas.erase(schemas.begin() + type_of(schemas, "teacher"));
  MemoryStore store(schemas);
  EXPECT_TRUE(load_world(json::object(), store, schemas, kToday).empty());
  MemoryStore other(schemas);
  auto problems = load_world(json::parse(R"({"teachers": [{"trn": "1234567"}]})"), other, schemas, kToday);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "teachers");
  EXPECT_EQ(problems[0].message, "the flows declare no record type `teacher`");
}

TEST(WorldTest, AMentorForAnEctNeedsMentorships) {
  std::vector<RecordSchema> schemas = service_schemas();
  schemas.erase(schemas.begin() + type_of(schemas, "mentorship"));
  MemoryStore store(schemas);
  auto problems = load_world(json::parse(R"({"schools": [{"urn": "1", "name": "S",
      "mentors": [{"id": "m1", "trn": "1111111", "name": "M"}],
      "ects": [{"id": "e1", "trn": "2222222", "name": "E", "mentor_id": "m1"}]}]})"),
                             store, schemas, kToday);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "schools[0].ects[0].mentor_id");
}

// examples/world.json: the demos' world (examples/README.md says what it holds).
TEST(WorldTest, TheExampleWorldLoadsCleanAndHoldsWhatItsReadmeSays) {
  std::ifstream file(std::string(ECTFLOW_SOURCE_DIR) + "/examples/world.json");
  ASSERT_TRUE(file) << "examples/world.json";
  Loaded world = load(json::parse(file));
  ASSERT_TRUE(world.problems.empty()) << describe(world.problems);
  EXPECT_EQ(world.count("school"), 3u);
  EXPECT_EQ(std::get<std::string>(world.get("school", "100003", "kind")), "independent");
  EXPECT_EQ(world.count("teacher"), 12u);
  EXPECT_EQ(world.count("ect"), 6u);
  EXPECT_EQ(world.count("mentor"), 4u);
  std::map<std::string, int> mentees;
  for (const auto& [ect, opened] : world.mentorships()) ++mentees[opened.first];
  EXPECT_EQ(mentees, (std::map<std::string, int>{{"m1", 2}, {"m3", 1}, {"m4", 1}}));  // m2: none
  EXPECT_EQ(world.mentorships().count("e3") + world.mentorships().count("e5"), 0u);
  EXPECT_GT(std::get<Date>(world.get("ect", "e5", "left_on")), kToday);
  EXPECT_TRUE(std::get<bool>(world.get("teacher", "6677889", "prohibited")));
  EXPECT_EQ(std::get<std::string>(world.get("teacher", "5566778", "induction_status")), "passed");
  std::set<std::string> kinds;
  world.store->for_each(world.type("appropriate_body"), [&](const Record& body) {
    kinds.insert(std::get<std::string>(body.fields[2]));
  });
  EXPECT_EQ(kinds, (std::set<std::string>{"teaching_school_hub", "national", "local_authority"}));
}

}  // namespace
}  // namespace ectflow::store
