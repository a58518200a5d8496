// Question pages in the shapes the real flows use: a question, its blank message and checks,
// `next … when` branches to outcome pages, and yes/no questions that decide the next page.
#include "detail_pages.hpp"

#include <fmt/format.h>

namespace ectflow::bench {
namespace {

std::string title(const DetailStep& step, const ModulePlan& plan, const std::string& who) {
  const std::string person = "{" + who + "}";
  const std::string& what = step.phrase;
  const int w = step.wording;
  switch (step.kind) {
    case AskKind::text:
    case AskKind::number:
      return w == 0   ? fmt::format("What is {}'s {}?", person, what)
             : w == 1 ? fmt::format("Enter {}'s {}", person, what)
                      : fmt::format("Tell us {}'s {}", person, what);
    case AskKind::date:
      return w == 0   ? fmt::format("What is {}'s {}?", person, what)
             : w == 1 ? fmt::format("Enter {}'s {}", person, what)
                      : fmt::format("When is {}'s {}?", person, what);
    case AskKind::yes_no:
      return w == 0 ? fmt::format("Does {} {}?", person, what)
                    : fmt::format("Does {} {} at the moment?", person, what);
    case AskKind::choice:
      return w == 0   ? fmt::format("What is {}'s {}?", person, what)
             : w == 1 ? fmt::format("Select {}'s {}", person, what)
                      : fmt::format("Which {} applies to {}?", what, person);
    case AskKind::staff:
      return w == 0   ? fmt::format("Who is {}'s {}?", person, what)
             : w == 1 ? fmt::format("Choose {}'s {}", person, what)
                      : fmt::format("Which {} will be {}'s {}?", spoken(plan.staff_word.one), person, what);
  }
  return what;
}

void write_question(FlowWriter& out, const ModulePlan& plan, const DetailStep& step, const PageContext& context) {
  const std::string& a = step.name;
  const std::string person = "{" + context.who + "}";
  out.line(2, fmt::format("ask {} as {}", a, step.type));
  switch (step.kind) {
    case AskKind::text:
      out.line(3, fmt::format("blank \"Enter {}'s {}\"", person, step.phrase));
      out.line(2, fmt::format("check length({}) <= {} else {}_too_long \"The {} must be {} characters or less\"", a,
                              step.limit, a, step.phrase, step.limit));
      break;
    case AskKind::number:
      out.line(3, fmt::format("blank \"Enter {}'s {}\"", person, step.phrase));
      out.line(2, fmt::format("check {} >= 0 and {} <= {} else {}_out_of_range \"Enter a number from 0 to {}\"", a,
                              a, step.limit, a, step.limit));
      break;
    case AskKind::date:
      out.line(3, fmt::format("blank \"Enter {}'s {}\"", person, step.phrase));
      out.line(2, fmt::format("check {} <= today + {} months else {}_too_late \"The {} must be no more than {} "
                              "months from today\"",
                              a, step.limit, a, step.phrase, step.limit));
      if (step.wording == 2) {
        out.line(2, fmt::format("check {} >= today - 1 year else {}_too_early \"The {} must be within the last year\"",
                                a, a, step.phrase));
      }
      break;
    case AskKind::yes_no:
      out.line(3, fmt::format("blank \"Select yes if {} does {}\"", person, step.phrase));
      break;
    case AskKind::choice:
      out.line(3, fmt::format("blank \"Select {}'s {}\"", person, step.phrase));
      break;
    case AskKind::staff:
      out.line(3, fmt::format("options s in {} where s.school_id = school and s is open and s.trn != {}", plan.staff,
                              context.own_trn));
      out.line(3, "sort by casefold(s.name)");
      out.line(3, "label s.name");
      out.line(3, fmt::format("hint if s.caseload is empty then \"No {} yet\" else \"Looks after {{length(s.caseload)}} {}\"",
                              plan.case_word.many, plan.case_word.many));
      out.line(3, "optional");
      out.line(2, fmt::format("check {} is empty or {}.teacher_record.prohibited != yes else {}_prohibited \"This {} "
                              "cannot take on this role\"",
                              a, a, a, spoken(plan.staff_word.one)));
      break;
  }
}

// The outcome page a branch ends on: a title, a sentence and the way back.
void write_outcome(FlowWriter& out, const PageContext& context, const std::string& name,
                   const std::string& page_title, const std::string& text) {
  out.blank();
  out.line(1, fmt::format("outcome {} \"{}\"", name, page_title));
  out.line(2, fmt::format("text \"{}\"", text));
  out.line(2, fmt::format("link \"{}\" opens {}", context.back_text, context.back));
  out.line(1, "end");
}

}  // namespace

std::string stored_answer(const DetailStep& step, const std::string& fallback) {
  if (!step.gated) return step.name;
  return fmt::format("if {} is asked then {} else {}", step.name, step.name, fallback);
}

void write_detail_pages(FlowWriter& out, const ModulePlan& plan, const std::vector<DetailStep>& steps,
                        const PageContext& context, const std::string& after_last) {
  const std::string person = "{" + context.who + "}";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const DetailStep& step = steps[i];
    const std::string& a = step.name;
    auto following = [&](std::size_t k) { return k < steps.size() ? steps[k].name : after_last; };
    out.blank();
    out.line(1, fmt::format("step {} \"{}\"", a, title(step, plan, context.who)));
    write_question(out, plan, step, context);
    if (step.wording == 1 && step.kind != AskKind::yes_no) {
      out.line(2, fmt::format("text \"We use the {} to plan support for {}.\"", step.phrase, person));
    }
    if (step.stops_early && step.kind == AskKind::yes_no) {
      out.line(2, fmt::format("next {}_needed when {} = no", a, a));
    }
    if (step.stops_early && step.kind == AskKind::choice) {
      out.line(2, fmt::format("next {}_not_offered when {} = {}", a, a, step.choice_value));
    }
    if (step.duplicate_check) {
      out.line(2, fmt::format("next {}_taken when exists c in {} where c.school_id = school and c is open and "
                              "casefold(c.name) = casefold({})",
                              a, plan.cases, a));
    }
    if (step.gates_next) {
      out.line(2, fmt::format("next {} when {} = yes", following(i + 1), a));
      out.line(2, fmt::format("next {}", following(i + 2)));
    } else {
      out.line(2, fmt::format("next {}", following(i + 1)));
    }
    out.line(1, "end");
    if (step.stops_early && step.kind == AskKind::yes_no) {
      write_outcome(out, context, a + "_needed", fmt::format("{} must {} to go on", person, step.phrase),
                    fmt::format("Come back when {} can say yes.", person));
    }
    if (step.stops_early && step.kind == AskKind::choice) {
      write_outcome(out, context, a + "_not_offered",
                    fmt::format("This {} is not offered with that {}", spoken(plan.case_word.one), step.phrase),
                    fmt::format("Choose another {} for {}, or contact us.", step.phrase, person));
    }
    if (step.duplicate_check) {
      write_outcome(out, context, a + "_taken",
                    fmt::format("Another {} at your school has this {}", spoken(plan.case_word.one), step.phrase),
                    fmt::format("Check the {} you gave for {}.", step.phrase, person));
    }
  }
}

}  // namespace ectflow::bench
