// The journey-graph analyses against small journeys: each case lists the exact diagnostics it
// must produce (code, and the source text its span covers), and clean journeys produce none.
#include "check/journey_flow.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "syntax/parser.hpp"

namespace ectflow::check {
namespace {

// The choices of the service that these journeys ask.
std::optional<std::vector<std::string>> service_choices(const std::string& type_name) {
  if (type_name == "programme_type") return std::vector<std::string>{"provider_led", "school_led"};
  if (type_name == "working_pattern") return std::vector<std::string>{"full_time", "part_time"};
  return std::nullopt;
}

struct Checked {
  SourceSet sources;
  syntax::ParseResult parsed;
  std::vector<Diagnostic> diagnostics;
  JourneyFlowFacts facts;
};

std::unique_ptr<Checked> check(std::string text) {
  auto c = std::make_unique<Checked>();
  FileId file = c->sources.add("test.flow", std::move(text));
  syntax::ExprId next_id = 1;
  c->parsed = syntax::parse_flow(c->sources, file, next_id);
  for (const auto& d : c->parsed.diagnostics) {
    ADD_FAILURE() << "parse error " << d.code << ": " << d.message << " at " << d.span.begin;
  }
  for (const auto& declaration : c->parsed.file.declarations) {
    if (const auto* journey = std::get_if<syntax::Journey>(&declaration)) {
      check_journey_flow(*journey, c->diagnostics, &c->facts, service_choices);
      return c;
    }
  }
  ADD_FAILURE() << "no journey in the text";
  return c;
}

// "code @ spanned text", in source order: what a case expects.
std::vector<std::string> found(const Checked& c) {
  std::vector<Diagnostic> sorted = c.diagnostics;
  sort_diagnostics(sorted);
  std::vector<std::string> result;
  const std::string& text = c.sources.file(0).text;
  for (const auto& d : sorted) {
    result.push_back(d.code + " @ " + text.substr(d.span.begin, d.span.end - d.span.begin));
  }
  return result;
}

const Diagnostic& only(const Checked& c, const std::string& code) {
  auto it = std::find_if(c.diagnostics.begin(), c.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.code == code; });
  if (it == c.diagnostics.end()) throw std::runtime_error("no " + code);
  return *it;
}

struct Case {
  const char* name;
  const char* flow;
  std::vector<std::string> expected;  // "code @ spanned text", in source order
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class JourneyFlow : public ::testing::TestWithParam<Case> {};

TEST_P(JourneyFlow, ReportsExactly) {
  auto c = check(GetParam().flow);
  EXPECT_EQ(found(*c), GetParam().expected);
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return info.param.name;
}

// ---- journeys that must be clean ----

// register_ect's shape: outcomes off the first step, provider_led / school_led with a default,
// the lead provider read on completion only where it was asked.
constexpr const char* kRegisterEct = R"flow(journey register_ect "Register an ECT" for school
  let teacher = first t in teachers where t.trn = trn and t.date_of_birth = date_of_birth
  let name = "{teacher.first_name} {teacher.last_name}"

  step find_ect "Find an ECT"
    ask trn "Teacher reference number (TRN)" as trn
    ask date_of_birth "Date of birth" as date_of_birth
    next trn_not_found when teacher is empty
    next already_registered when exists e in ects where e.trn = trn and e is open
    next email
  end

  outcome trn_not_found "We're unable to match the ECT with the TRN you provided"
    link "Try again" to find_ect
  end

  outcome already_registered "{name} is already registered at your school"
  end

  step email "What is {name}'s email address?"
    ask email as email
    next programme_type
  end

  step programme_type "Which training programme will {name} follow?"
    ask programme_type as programme_type
    next lead_provider when programme_type = provider_led
    next check_answers
  end

  step lead_provider "Which lead provider will be training {name}?"
    ask lead_provider_id as lead_provider
      options p in lead_providers where p.active = yes
      label p.name
    next check_answers
  end

  check_answers "Check your answers before submitting"
    text "Lead provider: {lead_provider_id.name}" when lead_provider_id is asked
  end

  confirmation "{name} has been registered"
    text "You still need to assign a mentor"
  end

  on complete
    create ect
      trn = trn
      email = email
      programme_type = programme_type
      lead_provider_id = if lead_provider_id is asked then lead_provider_id else empty
    end
  end
end
)flow";

// add_mentor's shape: use_anyway no goes back to email, an interstitial without a question,
// a link to an outcome, and `next complete` straight from an interstitial.
constexpr const char* kAddMentor =
    R"flow(journey add_mentor "Register a new mentor" for school from ect
  step find_mentor "Find a mentor"
    ask trn as trn
    link "They do not have a TRN" to no_trn
    next already_registered when exists m in mentors where m.trn = trn
    next email
  end

  outcome no_trn "You cannot register a mentor without a TRN"
    link "Back to {ect.name}" opens ect with ect
  end

  interstitial already_registered "{trn} is already a mentor at your school"
    button "Assign them to mentor {ect.name}"
    next complete
  end

  step email "What is their email address?"
    ask email as email
    next induction_tutor_as_mentor when casefold(email) = casefold(school.induction_tutor_email)
    next no_qts
  end

  interstitial induction_tutor_as_mentor "Are you sure you want to add yourself as a mentor?"
    text "The induction tutor and mentor roles are separate"
    ask use_anyway as yes_no
    next email when use_anyway = no
    next no_qts
  end

  interstitial no_qts "They do not have qualified teacher status"
    button "Continue"
    next check_answers
  end

  check_answers "Check your answers and confirm mentor details"
    inset "{email} will mentor {ect.name}"
  end

  confirmation "You've assigned a mentor for {ect.name}"
    text "Their email is {email}" when email is asked
  end

  on complete
    create mentor when email is asked
      trn = trn
      email = email
    end
  end
end
)flow";

// assign_mentor's shape: a hand-over to add_mentor, then a default.
constexpr const char* kAssignMentor =
    R"flow(journey assign_mentor "Assign a mentor" for school from ect
  step choose_mentor "Who will mentor {ect.name}?"
    ask mentor_id as mentor
      options m in mentors where m.school_id = school
      option new "Register a new mentor"
    next start add_mentor with ect when mentor_id = new
    next check_answers
  end

  check_answers "Check your answers"
  end

  confirmation "{mentor_id.name} will mentor {ect.name}"
  end

  on complete
    for each m in mentorships where m.ect_id = ect
      delete m
    end
    create mentorship as pairing
      mentor_id = mentor_id
    end
  end
end
)flow";

// Conditions that cover every value need no default.
constexpr const char* kExhaustiveConditions = R"flow(journey exhaustive "Exhaustive" for school
  step wants "Do you want one?"
    ask wants as yes_no
    next pattern when wants = yes
    next done when wants = no
  end

  step pattern "Which pattern?"
    ask working_pattern as working_pattern
    next programme when working_pattern != full_time
    next programme when working_pattern = full_time
  end

  step programme "Which programme?"
    ask programme_type as programme_type
    next confirm when programme_type in [provider_led]
    next done when programme_type = school_led or programme_type = provider_led
  end

  step confirm "Are you sure?"
    ask sure as yes_no
    next done when not (sure = yes)
    next done when yes = sure
  end

  outcome done "Done"
    text "{wants}"
  end
end
)flow";

// A journey that only ends on outcomes, reading its answers where they are sure to be asked,
// and in guarded places (`and`, `or`, `if`, `when`), or hidden by a query variable.
constexpr const char* kOutcomesOnly = R"flow(journey eligibility "Check eligibility" for school
  let eligible = exists t in teachers where t.trn = trn

  step find "Find a teacher"
    ask trn as trn
    next not_eligible when not eligible
    next qts
  end

  step qts "Do they have QTS?"
    ask has_qts as yes_no
    check has_qts = yes or trn != empty else qts_blank "Select yes or no"
    next eligible_page when has_qts = yes
    next not_eligible
  end

  outcome eligible_page "{trn} can be registered"
    text "They have QTS: {has_qts}"
  end

  outcome not_eligible "{trn} cannot be registered"
    text "They have QTS" when has_qts is asked and has_qts = yes
    text if has_qts is not asked then "not asked" else "{has_qts}"
    text "{has_qts is not asked or has_qts = no}"
    text "{count has_qts in teachers where has_qts.trn = trn}"
  end
end
)flow";

const Case kClean[] = {
    {"RegisterEct", kRegisterEct, {}},
    {"AddMentorCycleBackToEmail", kAddMentor, {}},
    {"AssignMentorHandsOver", kAssignMentor, {}},
    {"ExhaustiveConditions", kExhaustiveConditions, {}},
    {"OutcomesOnly", kOutcomesOnly, {}},
};
INSTANTIATE_TEST_SUITE_P(Clean, JourneyFlow, ::testing::ValuesIn(kClean), case_name);

// ---- unreachable-step ----

const Case kUnreachable[] = {
    {"NoNextLeadsThere",
     R"flow(journey j "J" for school
  step find_ect "Find"
    ask trn as trn
    next check_answers
  end
  step lead_provider "Lead provider"
    ask lead_provider_id as lead_provider
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"unreachable-step @ lead_provider"}},
    {"OutcomeNobodyGoesTo",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next check_answers
  end
  outcome not_found "Not found"
  end
  check_answers
  end
end
)flow",
     {"unreachable-step @ not_found"}},
    {"OnlyFromAnUnreachableStep",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next check_answers
  end
  step orphan "Orphan"
    ask a as yes_no
    next also_orphan
  end
  step also_orphan "Also"
    ask b as yes_no
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"unreachable-step @ orphan", "unreachable-step @ also_orphan"}},
    {"ConfirmationWithoutCompletion",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next done
  end
  outcome done "Done {trn}"
  end
  confirmation "Registered"
  end
end
)flow",
     {"unreachable-step @ confirmation"}},
    {"LinksAreEdges",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    link "Help" to help
    next check_answers
  end
  outcome help "Help"
  end
  outcome sorry "Sorry"
  end
  check_answers
  end
  confirmation "Registered"
  end
end
)flow",
     {"unreachable-step @ sorry"}},
};
INSTANTIATE_TEST_SUITE_P(UnreachableStep, JourneyFlow, ::testing::ValuesIn(kUnreachable),
                         case_name);

// ---- dead-end-step ----

const Case kDeadEnd[] = {
    {"QuestionWithoutNext",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next email when trn = empty
    next check_answers
  end
  step email "Email"
    ask email as email
  end
  check_answers
  end
end
)flow",
     {"dead-end-step @ email"}},
    {"InterstitialWithoutNext",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next no_qts when trn = "1234567"
    next check_answers
  end
  interstitial no_qts "No QTS"
    button "Continue"
  end
  check_answers
  end
end
)flow",
     {"dead-end-step @ no_qts"}},
    {"CycleWithNoWayOut",
     R"flow(journey j "J" for school
  step email "Email"
    ask email as email
    next sure
  end
  interstitial sure "Are you sure?"
    ask use_anyway as yes_no
    next email when use_anyway = no
    next email
  end
  check_answers
    link "Start again" to email
  end
end
)flow",
     {"dead-end-step @ email", "dead-end-step @ sure", "unreachable-step @ check_answers"}},
    {"OnlyTheStepWithoutNextIsReported",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next details when trn = empty
    next check_answers
  end
  step details "Details"
    ask name as text
    next email
  end
  step email "Email"
    ask email as email
  end
  check_answers
  end
end
)flow",
     {"dead-end-step @ email"}},
};
INSTANTIATE_TEST_SUITE_P(DeadEndStep, JourneyFlow, ::testing::ValuesIn(kDeadEnd), case_name);

// ---- missing-default-next and unreachable-next ----

const Case kNexts[] = {
    {"YesNoOnlyYes",
     R"flow(journey j "J" for school
  step sure "Sure?"
    ask sure as yes_no
    next check_answers when sure = yes
  end
  check_answers
  end
end
)flow",
     {"missing-default-next @ sure = yes"}},
    {"ChoiceMissingAValue",
     R"flow(journey j "J" for school
  step programme_type "Programme"
    ask programme_type as programme_type
    next lead_provider when programme_type = provider_led
  end
  step lead_provider "Lead provider"
    ask lead_provider_id as lead_provider
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"missing-default-next @ programme_type = provider_led"}},
    {"ConditionNotOnAnAnswerOfTheStep",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next found when exists t in teachers where t.trn = trn
    next not_found when not exists t in teachers where t.trn = trn
  end
  step found "Found"
    ask sure as yes_no
    next check_answers when sure = yes and trn != empty
    next check_answers when sure = no
  end
  outcome not_found "Not found"
  end
  check_answers
  end
end
)flow",
     {"missing-default-next @ not exists t in teachers where t.trn = trn",
      "missing-default-next @ sure = no"}},
    {"YesNoOfAnotherStep",
     R"flow(journey j "J" for school
  step sure "Sure?"
    ask sure as yes_no
    next email
  end
  step email "Email"
    ask email as email
    next check_answers when sure = yes
    next sure when sure = no
  end
  check_answers
  end
end
)flow",
     {"missing-default-next @ sure = no"}},
    {"UnknownChoiceIsNotExhaustive",
     R"flow(journey j "J" for school
  step kind "Kind"
    ask kind as school_kind
    next check_answers when kind = state_funded
    next check_answers when kind = independent
  end
  check_answers
  end
end
)flow",
     {"missing-default-next @ kind = independent"}},
    {"NextAfterDefault",
     R"flow(journey j "J" for school
  step email "Email"
    ask email as email
    next check_answers
    next email when email = empty
  end
  check_answers
  end
end
)flow",
     {"unreachable-next @ email"}},
    {"EveryNextAfterDefault",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next done when trn = empty
    next check_answers
    next done
    next complete
  end
  outcome done "Done"
  end
  check_answers
  end
end
)flow",
     {"unreachable-next @ done", "unreachable-next @ complete"}},
    {"HandOverAfterDefault",
     R"flow(journey j "J" for school from ect
  step choose_mentor "Choose"
    ask mentor_id as mentor
    next check_answers
    next start add_mentor with ect when mentor_id = new
  end
  check_answers
  end
end
)flow",
     {"unreachable-next @ add_mentor"}},
};
INSTANTIATE_TEST_SUITE_P(Nexts, JourneyFlow, ::testing::ValuesIn(kNexts), case_name);

// ---- duplicate-step and duplicate-answer ----

const Case kDuplicates[] = {
    {"TwoStepsOneName",
     R"flow(journey j "J" for school
  step email "Email"
    ask email as email
    next check_answers
  end
  step email "Email again"
    ask other as email
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"duplicate-step @ email"}},
    {"TwoCheckAnswers",
     R"flow(journey j "J" for school
  step email "Email"
    ask email as email
    next check_answers
  end
  check_answers
  end
  check_answers "Again"
  end
end
)flow",
     {"duplicate-step @ check_answers"}},
    {"StepNamedLikeAnOutcome",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next done when trn = empty
    next check_answers
  end
  outcome done "Done"
  end
  step done "Done again"
    ask a as yes_no
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"duplicate-step @ done"}},
    {"AnswerOnTwoSteps",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next again
  end
  step again "Again"
    ask trn as trn
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"duplicate-answer @ trn"}},
    {"AnswerTwiceOnOneStep",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    ask trn "TRN again" as trn
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"duplicate-answer @ trn"}},
    {"AnswerThreeTimes",
     R"flow(journey j "J" for school
  step a "A"
    ask email as email
    next b
  end
  step b "B"
    ask email as email
    next c
  end
  step c "C"
    ask email as email
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"duplicate-answer @ email", "duplicate-answer @ email"}},
};
INSTANTIATE_TEST_SUITE_P(Duplicates, JourneyFlow, ::testing::ValuesIn(kDuplicates), case_name);

// ---- answer-maybe-unasked ----

const Case kMaybeUnasked[] = {
    {"SkippedBranchReadOnCompletion",
     R"flow(journey j "J" for school
  step find_ect "Find"
    ask trn as trn
    next programme_type
  end
  step programme_type "Programme"
    ask programme_type as programme_type
    next lead_provider when programme_type = provider_led
    next check_answers
  end
  step lead_provider "Lead provider"
    ask lead_provider_id as lead_provider
    next check_answers
  end
  check_answers
  end
  confirmation "Registered with {lead_provider_id.name}"
  end
  on complete
    create ect
      lead_provider_id = lead_provider_id
    end
  end
end
)flow",
     {"answer-maybe-unasked @ lead_provider_id", "answer-maybe-unasked @ lead_provider_id"}},
    {"TitleReadsItsOwnAnswer",
     R"flow(journey j "J" for school
  step email "Is {email} right?"
    ask email as email
    text "We will write to {email}"
    check email != empty else email_blank "Enter {email}"
    next check_answers when email != empty
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"answer-maybe-unasked @ email", "answer-maybe-unasked @ email"}},
    {"ThroughAJourneyLet",
     R"flow(journey j "J" for school
  let mentor_name = if details_correct = no then corrected_name else "them"

  step find "Find"
    ask trn as trn
    next already_registered when trn = "1234567"
    next review_details
  end
  interstitial already_registered "{mentor_name} is already a mentor"
    next complete
  end
  step review_details "Check details"
    ask details_correct as yes_no
    ask corrected_name as text
    next check_answers
  end
  check_answers
  end
  confirmation "{mentor_name} will mentor"
  end
end
)flow",
     {"answer-maybe-unasked @ mentor_name", "answer-maybe-unasked @ mentor_name",
      "answer-maybe-unasked @ mentor_name", "answer-maybe-unasked @ mentor_name"}},
    {"LinkDoesNotAnswerTheStep",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    link "They do not have a TRN" to no_trn
    next check_answers
  end
  outcome no_trn "No TRN: {trn}"
  end
  check_answers
  end
end
)flow",
     {"answer-maybe-unasked @ trn"}},
    {"GuardOnTheWrongAnswer",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next extra when trn = empty
    next check_answers
  end
  step extra "Extra"
    ask note as text
    next check_answers
  end
  check_answers
    text if trn is asked then note else "none"
    text "{note}" when trn is asked or note is asked
    text "{note is asked or note = empty}"
    text first note in teachers where note.trn = note
  end
end
)flow",
     {"answer-maybe-unasked @ note", "answer-maybe-unasked @ note", "answer-maybe-unasked @ note"}},
    {"JourneyStartReadsAnAnswer",
     R"flow(journey j "J" for school
  when trn != empty
  step find "Find"
    ask trn as trn
    next check_answers
  end
  check_answers
  end
end
)flow",
     {"answer-maybe-unasked @ trn"}},
};
INSTANTIATE_TEST_SUITE_P(AnswerMaybeUnasked, JourneyFlow, ::testing::ValuesIn(kMaybeUnasked),
                         case_name);

// ---- unused-answer ----

const Case kUnused[] = {
    {"NothingReadsIt",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    ask note as text
    next done
  end
  outcome done "Done {trn}"
  end
end
)flow",
     {"unused-answer @ note"}},
    {"OnlyAQueryVariableOfTheSameName",
     R"flow(journey j "J" for school
  step find "Find"
    ask trn as trn
    next done when exists trn in teachers where trn.first_name = "A"
    next complete
  end
  outcome done "Done"
  end
  confirmation "Registered"
  end
end
)flow",
     {"unused-answer @ trn"}},
    {"AskedOnSeveralSteps",
     R"flow(journey j "J" for school
  step a "A"
    ask sure as yes_no
    ask email as email
    next b
  end
  step b "B"
    ask name as text
    next complete
  end
  confirmation "Registered {email}"
  end
end
)flow",
     {"unused-answer @ sure", "unused-answer @ name"}},
    {"CheckAnswersShowsEveryAnswer",
     R"flow(journey j "J" for school
  step a "A"
    ask note as text
    next check_answers
  end
  check_answers
  end
end
)flow",
     {}},
    {"ReadOnlyInAnUnreadLetOrAnEffect",
     R"flow(journey j "J" for school
  let shout = upper(note)
  step a "A"
    ask note as text
    ask email as email
    next complete
  end
  confirmation "Done"
  end
  on complete
    create mentor
      email = email
    end
  end
end
)flow",
     {}},
};
INSTANTIATE_TEST_SUITE_P(UnusedAnswer, JourneyFlow, ::testing::ValuesIn(kUnused), case_name);

// ---- exact messages ----

TEST(JourneyFlowMessages, UnreachableStep) {
  auto c = check(kUnreachable[0].flow);
  EXPECT_EQ(only(*c, "unreachable-step").message,
            "step \"lead_provider\" cannot be reached from the first step \"find_ect\"; add a "
            "`next lead_provider` to a step that leads here, or remove it");
  EXPECT_EQ(only(*c, "unreachable-step").severity, Severity::error);
}

TEST(JourneyFlowMessages, AnswerMaybeUnaskedNamesAPath) {
  auto c = check(kMaybeUnasked[0].flow);
  ASSERT_EQ(c->diagnostics.size(), 2u);
  // the confirmation page's title, then the `on complete` effect
  EXPECT_EQ(c->diagnostics[0].message,
            "\"lead_provider_id\" is read here, but it is not asked on every path to this point "
            "(for example via find_ect → programme_type → check_answers → confirmation); guard "
            "the read with `if lead_provider_id is asked then ... else ...`");
  EXPECT_EQ(c->diagnostics[1].message,
            "\"lead_provider_id\" is read here, but it is not asked on every path to this point "
            "(for example via find_ect → programme_type → check_answers); guard the read with "
            "`if lead_provider_id is asked then ... else ...`");
}

TEST(JourneyFlowMessages, AnswerMaybeUnaskedThroughALet) {
  auto c = check(kMaybeUnasked[2].flow);
  std::vector<std::string> messages;
  for (const auto& d : c->diagnostics) messages.push_back(d.message);
  EXPECT_NE(std::find(messages.begin(), messages.end(),
                      "\"corrected_name\" is read here (through `mentor_name`), but it is not "
                      "asked on every path to this point (for example via find → "
                      "already_registered → confirmation); guard the read with `if corrected_name "
                      "is asked then ... else ...`"),
            messages.end());
}

TEST(JourneyFlowMessages, OwnAnswerOnThePage) {
  auto c = check(kMaybeUnasked[1].flow);
  EXPECT_EQ(only(*c, "answer-maybe-unasked").message,
            "\"email\" is read here, but it is asked on this page, so it has no answer yet when "
            "the page is shown; read it in this step's `check`s and `next`s, or on a later step");
}

TEST(JourneyFlowMessages, DeadEndAndDefault) {
  auto dead = check(kDeadEnd[0].flow);
  EXPECT_EQ(only(*dead, "dead-end-step").message,
            "step \"email\" has no `next`, so nobody can go on from it; add a `next STEP` (or "
            "`next complete`) saying where the journey goes after it");
  auto loop = check(kDeadEnd[2].flow);
  EXPECT_EQ(only(*loop, "dead-end-step").message,
            "step \"email\" never reaches an end of the journey: its `next`s only go round email, "
            "sure and back; add a `next` that leads on to check_answers, an outcome or another "
            "step that does");
  auto choice = check(kNexts[1].flow);
  EXPECT_EQ(only(*choice, "missing-default-next").message,
            "step \"programme_type\" has no `next` for when none of its `when` conditions hold "
            "(\"programme_type\" can also be school_led); add a final `next STEP` without `when`");
}

TEST(JourneyFlowMessages, SeveritiesAndNotes) {
  auto c = check(kNexts[5].flow);
  EXPECT_EQ(only(*c, "unreachable-next").severity, Severity::warning);
  EXPECT_EQ(only(*c, "unreachable-next").message,
            "this `next` can never be taken: the `next check_answers` before it has no `when`, so "
            "it is always taken first; remove this one, or add a `when` to that one");
  auto duplicate = check(kDuplicates[3].flow);
  const Diagnostic& d = only(*duplicate, "duplicate-answer");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_LT(d.notes[0].span.begin, d.span.begin);
  EXPECT_EQ(d.message,
            "\"trn\" is already asked on step \"find\"; an answer is asked on one step only: "
            "rename one of them, or remove one `ask`");
  auto unused = check(kUnused[0].flow);
  EXPECT_EQ(only(*unused, "unused-answer").severity, Severity::warning);
}

TEST(JourneyFlowFactsTest, StepsAskingEachAnswer) {
  auto c = check(kDuplicates[5].flow);
  EXPECT_EQ(c->facts.steps_asking.at("email"), (std::vector<std::string>{"a", "b", "c"}));
  auto r = check(kRegisterEct);
  EXPECT_EQ(r->facts.steps_asking.at("trn"), (std::vector<std::string>{"find_ect"}));
  EXPECT_EQ(r->facts.steps_asking.at("lead_provider_id"),
            (std::vector<std::string>{"lead_provider"}));
  EXPECT_EQ(r->facts.steps_asking.size(), 5u);
}

TEST(JourneyFlowChoices, WithoutALookupOnlyYesNoIsExhaustive) {
  SourceSet sources;
  FileId file = sources.add("test.flow", kExhaustiveConditions);
  syntax::ExprId next_id = 1;
  auto parsed = syntax::parse_flow(sources, file, next_id);
  std::vector<Diagnostic> out;
  check_journey_flow(std::get<syntax::Journey>(parsed.file.declarations.at(0)), out);
  std::vector<std::string> codes;
  for (const auto& d : out) codes.push_back(d.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"missing-default-next", "missing-default-next"}));
}

}  // namespace
}  // namespace ectflow::check
