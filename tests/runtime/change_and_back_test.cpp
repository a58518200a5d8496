// Back and change, per DOMAIN.md: after a change the person follows the path from that step to the
// first unanswered step, or back to check answers; answers no longer on the path are dropped.
#include <gtest/gtest.h>

#include "ectflow/engine.hpp"

namespace ectflow {
namespace {

const char* kFlow = R"(record school
  key urn
  field urn as text
  field name as text
end

record note
  key id
  field id as text
  field school_id as school
  field text_value as text
  field when_sent as date
end

choice programme
  provider_led "Provider-led"
  school_led "School-led"
end

journey write_note "Write a note" for school
  step programme "Which programme?"
    ask programme as programme
    next provider when programme = provider_led
    next check_answers
  end

  step provider "Which provider?"
    ask provider as text
    next sent_on
  end

  step sent_on "When was it sent?"
    ask sent_on as date
    next check_answers
  end

  check_answers
  end

  on complete
    create note
      school_id = school
      text_value = if provider is asked then provider else "none"
      when_sent = if sent_on is asked then sent_on else today
    end
  end

  confirmation "Noted"
  end
end
)";

struct Fixture {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<Store> store;
  std::unique_ptr<RunContext> context;
};

Fixture load() {
  Fixture f;
  LoadedEngine loaded = Engine::load_sources({SourceFile{"note.flow", kFlow}});
  EXPECT_TRUE(loaded.engine) << render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                   DiagnosticFormat::text);
  f.engine = loaded.engine;
  std::vector<std::string> problems;
  Date today = *Date::parse_iso("2025-09-01");
  f.store = make_memory_store(*f.engine, R"({"schools": [{"urn": "1", "name": "A School"}]})", today, problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  f.context = std::make_unique<RunContext>(RunContext{*f.store, today, "1"});
  return f;
}

// Every page answered on the provider-led path, up to check answers.
JourneyResult answer_provider_led(Fixture& f) {
  const Engine& e = *f.engine;
  JourneyResult r = start_journey(e, "write_note", *f.context);
  r = submit(e, r.instance, "programme", {{"programme", "provider_led"}}, *f.context);
  r = submit(e, r.instance, "provider", {{"provider", "Ambition"}}, *f.context);
  r = submit(e, r.instance, "sent_on", {{"sent_on", "2025-08-01"}}, *f.context);
  EXPECT_EQ(r.page.step, "check_answers");
  return r;
}

TEST(ChangeAndBack, ChangingToABranchAsksItsUnansweredStepsThenReturns) {
  Fixture f = load();
  const Engine& e = *f.engine;
  JourneyResult r = start_journey(e, "write_note", *f.context);
  r = submit(e, r.instance, "programme", {{"programme", "school_led"}}, *f.context);
  ASSERT_EQ(r.page.step, "check_answers");
  ASSERT_EQ(r.page.rows.size(), 1u);
  EXPECT_EQ(r.page.rows[0].value, "School-led");

  r = change_answer(e, r.instance, "programme", *f.context);
  EXPECT_EQ(r.page.back_step, "check_answers");
  r = submit(e, r.instance, "programme", {{"programme", "provider_led"}}, *f.context);
  EXPECT_EQ(r.page.step, "provider");  // not yet answered: it comes next
  r = submit(e, r.instance, "provider", {{"provider", "Ambition"}}, *f.context);
  EXPECT_EQ(r.page.step, "sent_on");
  r = submit(e, r.instance, "sent_on", {{"sent_on", "2025-08-01"}}, *f.context);
  EXPECT_EQ(r.page.step, "check_answers");
  EXPECT_EQ(r.page.rows.size(), 3u);
  EXPECT_EQ(r.page.rows[2].value, "1 August 2025");
}

TEST(ChangeAndBack, ChangingAwayFromABranchDropsItsAnswers) {
  Fixture f = load();
  const Engine& e = *f.engine;
  JourneyResult r = answer_provider_led(f);
  ASSERT_EQ(r.page.step, "check_answers");
  r = change_answer(e, r.instance, "programme", *f.context);
  r = submit(e, r.instance, "programme", {{"programme", "school_led"}}, *f.context);
  EXPECT_EQ(r.page.step, "check_answers");
  EXPECT_EQ(r.instance.answers.count("provider"), 0u);
  EXPECT_EQ(r.instance.answers.count("sent_on"), 0u);
  EXPECT_EQ(r.page.rows.size(), 1u);
}

TEST(ChangeAndBack, ChangingALaterAnswerGoesStraightBack) {
  Fixture f = load();
  const Engine& e = *f.engine;
  JourneyResult r = answer_provider_led(f);
  r = change_answer(e, r.instance, "provider", *f.context);
  r = submit(e, r.instance, "provider", {{"provider", "Teach First"}}, *f.context);
  EXPECT_EQ(r.page.step, "check_answers");  // sent_on is answered already
  EXPECT_EQ(r.instance.answers.at("provider"), "Teach First");
}

TEST(ChangeAndBack, BackWalksThePathAndAWrongDateIsInvalid) {
  Fixture f = load();
  const Engine& e = *f.engine;
  JourneyResult r = start_journey(e, "write_note", *f.context);
  EXPECT_EQ(go_back(e, r.instance, *f.context).problem_code, "no-back");
  r = submit(e, r.instance, "programme", {{"programme", "provider_led"}}, *f.context);
  r = submit(e, r.instance, "provider", {{"provider", "Ambition"}}, *f.context);
  r = submit(e, r.instance, "sent_on", {{"sent_on", "2025-02-30"}}, *f.context);
  EXPECT_EQ(r.page.errors.at("sent_on"), "sent_on_invalid");
  EXPECT_EQ(r.page.questions[0].value, "2025-02-30");  // what was typed is shown again
  r = go_back(e, r.instance, *f.context);
  EXPECT_EQ(r.page.step, "provider");
  EXPECT_EQ(r.page.questions[0].value, "Ambition");
  r = go_back(e, r.instance, *f.context);
  EXPECT_EQ(r.page.step, "programme");
}

TEST(ChangeAndBack, CompletionCreatesTheRecordWithGuardedAnswers) {
  Fixture f = load();
  const Engine& e = *f.engine;
  JourneyResult r = start_journey(e, "write_note", *f.context);
  r = submit(e, r.instance, "programme", {{"programme", "school_led"}}, *f.context);
  r = submit(e, r.instance, "check_answers", {{"confirm", "true"}}, *f.context);
  ASSERT_EQ(r.page.step, "confirmation") << r.problem;
  RecordTypeId note = *e.record_type("note");
  int notes = 0;
  f.store->for_each(note, [&](const Record& record) {
    ++notes;
    EXPECT_EQ(std::get<std::string>(record.fields[2]), "none");
    EXPECT_EQ(std::get<Date>(record.fields[3]), *Date::parse_iso("2025-09-01"));
  });
  EXPECT_EQ(notes, 1);
}

}  // namespace
}  // namespace ectflow
