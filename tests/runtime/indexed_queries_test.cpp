// Queries the store answers from an index (`x.F = E and …`, `lower(x.F) = E and …`) give what a
// scan would: case folded as `lower` folds, other schools apart, the index kept up to date by
// every completion, and a completion's re-check inside its transaction still sees a rival's.
// Options are checked by the record chosen, without building the list, and chosen through the
// index too.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

const char* kFlow = R"(record school
  key urn
  field urn as text
end

record ect
  key id
  field id as text
  field school_id as school
  field email as text
  field name as text
end

journey join "Join" for school
  step email "Email"
    ask email "Email address" as text
    check not (exists e in ects where lower(e.email) = lower(email) and e.school_id = school) else email_taken "This email address is already used at your school"
    next buddy
  end

  step buddy "Buddy"
    ask buddy "Who is their buddy?" as ect
      options e in ects where e.school_id = school
      label e.name
      hint "At their school: {join((collect x.name for x in ects where x.school_id = e.school_id sort by x.name), ", ")}"
    next check_answers
  end

  check_answers "Check your answers"
  end

  confirmation "Joined"
  end

  on complete
    create ect
      school_id = school
      email = email
      name = "New"
    end
  end
end
)";

const char* kWorld = R"({
  "schools": [
    {"urn": "1", "ects": [{"id": "p1", "email": "Sam@Example.org", "name": "Sam"},
                          {"id": "p2", "email": "ÉVA@example.org", "name": "Éva"}]},
    {"urn": "2", "ects": [{"id": "p3", "email": "lee@example.org", "name": "Lee"}]}
  ]
})";

// Counts the scans of every record of a type: what an index saves.
class ScanCountingStore : public Store {
 public:
  explicit ScanCountingStore(Store& inner) : inner_(inner) {}
  void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const override {
    ++scans[type];
    inner_.for_each(type, visit);
  }
  const Record* find(RecordTypeId type, std::string_view id) const override { return inner_.find(type, id); }
  void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                      const std::function<void(const Record&)>& visit) const override {
    inner_.for_each_where(type, slot, value, visit);
  }
  bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                            const std::function<void(const Record&)>& visit) const override {
    return inner_.for_each_where_lower(type, slot, value, visit);
  }
  CommitResult transact(const std::function<bool(StoreTransaction&)>& body) override { return inner_.transact(body); }

  mutable std::map<RecordTypeId, int> scans;

 private:
  Store& inner_;
};

class IndexedQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::TestFlow loaded = testing::load_test_flow("join.flow", kFlow, kWorld, Date::from_ymd(2025, 9, 1));
    ASSERT_TRUE(loaded.engine && loaded.store);
    engine_ = loaded.engine;
    store_ = std::move(loaded.store);
  }

  RunContext at(const std::string& school) { return RunContext{*store_, Date::from_ymd(2025, 9, 1), school}; }

  JourneyResult answer_email(const std::string& school, const std::string& email) {
    JourneyResult started = start_journey(*engine_, "join", at(school));
    EXPECT_EQ(started.kind, JourneyResult::Kind::page) << started.problem;
    return submit(*engine_, started.instance, "email", {{"email", email}}, at(school));
  }

  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Store> store_;
};

TEST_F(IndexedQueries, AnEmailIsTakenWhateverItsCaseAtTheSameSchoolOnly) {
  using Errors = std::map<std::string, std::string>;
  EXPECT_EQ(answer_email("1", "sam@example.org").page.errors, (Errors{{"email", "email_taken"}}));
  EXPECT_EQ(answer_email("1", "SAM@EXAMPLE.ORG").page.errors, (Errors{{"email", "email_taken"}}));
  EXPECT_EQ(answer_email("1", "éva@EXAMPLE.org").page.errors, (Errors{{"email", "email_taken"}}));
  EXPECT_TRUE(answer_email("1", "lee@example.org").page.errors.empty());  // Lee is at school 2
  EXPECT_EQ(answer_email("2", "Lee@example.org").page.errors, (Errors{{"email", "email_taken"}}));
  EXPECT_TRUE(answer_email("2", "sam@example.org").page.errors.empty());
}

TEST_F(IndexedQueries, ACompletionIsSeenByTheNextAndARivalsReCheck) {
  JourneyResult first = answer_email("1", "new@example.org");
  JourneyResult rival = answer_email("1", "NEW@example.org");
  ASSERT_TRUE(first.page.errors.empty());
  ASSERT_TRUE(rival.page.errors.empty());
  first = submit(*engine_, first.instance, "buddy", {{"buddy", "p1"}}, at("1"));
  first = submit(*engine_, first.instance, "check_answers", {{"confirm", "true"}}, at("1"));
  ASSERT_EQ(first.kind, JourneyResult::Kind::page) << first.problem;
  ASSERT_TRUE(first.instance.completed);

  EXPECT_EQ(answer_email("1", "New@Example.org").page.errors.at("email"), "email_taken");
  rival = submit(*engine_, rival.instance, "buddy", {{"buddy", "p2"}}, at("1"));
  rival = submit(*engine_, rival.instance, "check_answers", {{"confirm", "true"}}, at("1"));
  EXPECT_EQ(rival.kind, JourneyResult::Kind::conflict);
  EXPECT_NE(rival.problem.find("email"), std::string::npos) << rival.problem;
}

TEST_F(IndexedQueries, AnOptionIsCheckedByTheRecordChosenAndShownByItsLabel) {
  JourneyResult at_buddy = answer_email("1", "kim@example.org");
  for (const char* wrong : {"p3", "nobody", "Sam"}) {  // another school's, none, a label
    JourneyResult r = submit(*engine_, at_buddy.instance, "buddy", {{"buddy", wrong}}, at("1"));
    EXPECT_EQ(r.page.errors, (std::map<std::string, std::string>{{"buddy", "invalid_choice"}})) << wrong;
  }
  JourneyResult checking = submit(*engine_, at_buddy.instance, "buddy", {{"buddy", "p2"}}, at("1"));
  ASSERT_TRUE(checking.page.errors.empty());
  ASSERT_EQ(checking.instance.step, "check_answers");
  bool shown = false;
  for (const auto& row : checking.page.rows) shown = shown || row.value == "Éva";
  EXPECT_TRUE(shown) << "the check answers page names the buddy by its label";
}

TEST_F(IndexedQueries, AQuestionsOptionsComeFromTheIndexAndFollowCompletions) {
  ScanCountingStore counting(*store_);
  const RunContext context{counting, Date::from_ymd(2025, 9, 1), "1"};
  std::vector<std::string> hints;  // the options' hints, collected through the index
  auto buddy_options = [&] {
    JourneyResult started = start_journey(*engine_, "join", context);
    JourneyResult at_buddy = submit(*engine_, started.instance, "email", {{"email", "x@example.org"}}, context);
    EXPECT_EQ(at_buddy.instance.step, "buddy");
    std::vector<std::string> values;
    hints.clear();
    if (!at_buddy.page.questions.empty()) {
      for (const auto& option : at_buddy.page.questions.front().options) {
        values.push_back(option.value);
        hints.push_back(option.hint.value_or("(none)"));
      }
    }
    return values;
  };
  EXPECT_EQ(buddy_options(), (std::vector<std::string>{"p1", "p2"}));  // not school 2's p3
  EXPECT_EQ(hints, (std::vector<std::string>{"At their school: Sam, Éva", "At their school: Sam, Éva"}));
  EXPECT_TRUE(counting.scans.empty()) << "the options and checks were found by scanning records";

  JourneyResult done = answer_email("1", "new@example.org");
  done = submit(*engine_, done.instance, "buddy", {{"buddy", "p1"}}, at("1"));
  done = submit(*engine_, done.instance, "check_answers", {{"confirm", "true"}}, at("1"));
  ASSERT_TRUE(done.instance.completed);
  EXPECT_EQ(buddy_options().size(), 3u) << "the new ECT is offered too";
  EXPECT_EQ(hints.front(), "At their school: New, Sam, Éva");
}

}  // namespace
}  // namespace ectflow
