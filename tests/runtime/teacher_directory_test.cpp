// Teachers are looked up through the TeacherDirectory a front end gives (a TRA client in
// service), by TRN: `first t in teachers where t.trn = ...` compiles to a lookup, not a scan.
#include <gtest/gtest.h>

#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::make_world;
using testing::service_engine;

// A directory holding one teacher the store does not, and counting its lookups.
class FakeTra : public TeacherDirectory {
 public:
  explicit FakeTra(const Engine& engine) : schema_(engine.schemas().at(*engine.record_type("teacher"))) {}
  std::optional<Record> find_by_trn(std::string_view trn) const override {
    ++lookups;
    if (trn != "5555555") return std::nullopt;
    Record r;
    r.fields.resize(schema_.fields.size());
    r.fields[*schema_.slot("trn")] = std::string("5555555");
    r.fields[*schema_.slot("first_name")] = std::string("Nia");
    r.fields[*schema_.slot("last_name")] = std::string("Jones");
    r.fields[*schema_.slot("date_of_birth")] = *Date::parse_iso("1990-01-02");
    r.fields[*schema_.slot("qts_awarded")] = *Date::parse_iso("2012-07-01");
    r.fields[*schema_.slot("prohibited")] = false;
    return r;
  }
  mutable int lookups = 0;

 private:
  RecordSchema schema_;
};

TEST(TeacherDirectory, TheJourneyAsksTheDirectoryNotTheStore) {
  auto world = make_world();
  FakeTra tra(*service_engine());
  world.context.teachers = &tra;
  JourneyResult r = start_journey(*service_engine(), "add_mentor", world.context, "e1");
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  r = submit(*service_engine(), r.instance, "find_mentor", {{"trn", "5555555"}, {"date_of_birth", "1990-01-02"}},
             world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "review_details");
  EXPECT_GT(tra.lookups, 0);

  // A teacher only the store holds is not found once a directory is given.
  JourneyResult s = start_journey(*service_engine(), "add_mentor", world.context, "e1");
  s = submit(*service_engine(), s.instance, "find_mentor", {{"trn", "3333333"}, {"date_of_birth", "1985-04-04"}},
             world.context);
  EXPECT_EQ(s.page.step, "trn_not_found");
}

TEST(TeacherDirectory, TheDefaultReadsTheImportedTeachers) {
  auto world = make_world();
  StoreTeacherDirectory imported(*service_engine(), world.context.store);
  world.context.teachers = &imported;
  JourneyResult r = start_journey(*service_engine(), "add_mentor", world.context, "e1");
  r = submit(*service_engine(), r.instance, "find_mentor", {{"trn", "3333333"}, {"date_of_birth", "1985-04-04"}},
             world.context);
  // Priya Patel is already a mentor at this school: the interstitial to pair her.
  EXPECT_EQ(r.page.step, "already_registered");
}

}  // namespace
}  // namespace ectflow

namespace ectflow {
namespace {

// add_mentor's "already a mentor here" page: its button pairs them and completes at once.
TEST(AddMentor, AnExistingMentorIsPairedFromTheInterstitial) {
  auto world = testing::make_world();
  const Engine& engine = *testing::service_engine();
  JourneyResult r = start_journey(engine, "add_mentor", world.context, "e1");
  r = submit(engine, r.instance, "find_mentor", {{"trn", "3333333"}, {"date_of_birth", "1985-04-04"}}, world.context);
  ASSERT_EQ(r.page.step, "already_registered") << r.problem;
  EXPECT_EQ(r.page.title, "Priya Patel is already a mentor at your school");
  EXPECT_EQ(r.page.button, "Assign Priya Patel to mentor Sam Smith");
  r = submit(engine, r.instance, "already_registered", {}, world.context);
  ASSERT_EQ(r.kind, JourneyResult::Kind::page) << r.problem;
  EXPECT_EQ(r.page.step, "confirmation");
  EXPECT_TRUE(r.page.completed);
  EXPECT_EQ(r.page.title, "Priya Patel will mentor Sam Smith");
  ViewResult ect = show_view(engine, "ect", world.context, "e1");
  EXPECT_EQ(ect.page.body, (std::vector<std::string>{"Registered", "Priya Patel"}));
}

}  // namespace
}  // namespace ectflow
