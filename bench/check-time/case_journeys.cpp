// A module's two long journeys: registering a case (shaped like flows/register_ect.flow, with the
// module's question pages in the middle) and reviewing one, which updates the record.
#include <fmt/format.h>

#include "detail_pages.hpp"
#include "module_files.hpp"

namespace ectflow::bench {
namespace {

void write_outcome(FlowWriter& out, const std::string& name, const std::string& title, const std::string& back) {
  out.blank();
  out.line(1, fmt::format("outcome {} \"{}\"", name, title));
  out.line(2, back);
  out.line(1, "end");
}

// The fixed first pages: find the teacher, check their details, their email, kind and start.
void write_register_start(FlowWriter& out, const ModulePlan& m, const std::string& back,
                          const std::string& first_detail) {
  out.blank();
  out.line(1, "step find_teacher \"Find the teacher\"");
  out.line(2, "ask trn \"Teacher reference number (TRN)\" as trn");
  out.line(2, "ask date_of_birth \"Date of birth\" as date_of_birth");
  out.line(2, fmt::format("text \"Your school has {{open_cases}} open {}.\"", m.case_word.many));
  out.line(2, "next trn_not_found when teacher_with_trn is empty");
  out.line(2, fmt::format("next already_registered when exists c in {} where c.school_id = school and c is open and "
                          "c.trn = trn",
                          m.cases));
  out.line(2, "next cannot_register when teacher.prohibited = yes");
  out.line(2, "next review_details");
  out.line(1, "end");
  write_outcome(out, "trn_not_found", "We're unable to match the teacher with the TRN you provided", back);
  write_outcome(out, "already_registered",
                fmt::format("{{name}} already has an open {} at your school", spoken(m.case_word.one)), back);
  write_outcome(out, "cannot_register",
                fmt::format("Our records show that {{name}} cannot have a {}.", spoken(m.case_word.one)), back);

  out.blank();
  out.line(1, "step review_details \"Check the teacher's details\"");
  out.line(2, "ask details_correct \"Are these details correct?\" as yes_no");
  out.line(3, "blank \"Select yes if these details are correct\"");
  out.line(2, "# asked only when the details are not correct");
  out.line(2, "ask corrected_name \"Correct full name\" as corrected_name");
  out.line(3, "optional");
  out.line(2, "check corrected_name is not empty or details_correct != no else name_blank \"Enter the correct full "
              "name\"");
  out.line(2, "text \"Name: {teacher_name}\"");
  out.line(2, "text \"Teacher reference number (TRN): {trn}\"");
  out.line(2, "next email");
  out.line(1, "end");

  out.blank();
  out.line(1, "step email \"What is {name}'s email address?\"");
  out.line(2, "ask email as email");
  out.line(2, fmt::format("check not {}_email_in_use(email, trn) else {}_email_taken \"This email is already in use "
                          "for a different {} or {}\"",
                          m.case_record, m.case_record, spoken(m.case_word.one), spoken(m.staff_word.one)));
  out.line(2, "next kind");
  out.line(1, "end");

  out.blank();
  out.line(1, fmt::format("step kind \"What kind of {} is this?\"", spoken(m.case_word.one)));
  out.line(2, "ask kind as " + m.kind_choice);
  out.line(3, fmt::format("blank \"Select the kind of {}\"", spoken(m.case_word.one)));
  out.line(2, "next start_date");
  out.line(1, "end");

  out.blank();
  out.line(1, fmt::format("step start_date \"When does {{name}}'s {} start?\"", spoken(m.case_word.one)));
  out.line(2, "ask start_date as date");
  out.line(3, fmt::format("blank \"Enter the date {{name}}'s {} starts\"", spoken(m.case_word.one)));
  out.line(2, "check start_date >= current_cohort.start else start_date_too_early \"The start date must be on or "
              "after {current_cohort.start}\"");
  out.line(2, "next " + first_detail);
  out.line(1, "end");
}

}  // namespace

SourceFile register_journey_file(const ModulePlan& m) {
  const std::string journey = "register_" + m.case_record;
  const std::string case_word = spoken(m.case_word.one);
  const std::string back = fmt::format("link \"Back to your {}\" opens {}_list", m.case_word.many, m.cases);
  FlowWriter out;
  out.line(0, fmt::format("# Register a {} for one of the school's teachers (generated module {}).", case_word, m.index));
  out.blank();
  out.line(0, fmt::format("journey {} \"Register a {}\" for school", journey, case_word));
  out.line(1, "# The teacher as the TRA holds them: the one with this TRN and date of birth.");
  out.line(1, "let teacher_with_trn = first t in teachers where t.trn = trn");
  out.line(1, "let teacher = first t in teachers where t.trn = trn and t.date_of_birth = date_of_birth");
  out.line(1, "let teacher_name = \"{teacher.first_name} {teacher.last_name}\"");
  out.line(1, "let name = if details_correct is asked and corrected_name is asked and details_correct = no then "
              "corrected_name else teacher_name");
  out.line(1, "let current_cohort = first c in cohorts where c.start <= today and today <= c.end");
  out.line(1, fmt::format("let open_cases = count c in {} where c.school_id = school and c is open", m.cases));

  write_register_start(out, m, back, m.register_steps.front().name);
  const PageContext context{"name", "trn", fmt::format("Back to your {}", m.case_word.many), m.cases + "_list"};
  write_detail_pages(out, m, m.register_steps, context, "check_answers");

  out.blank();
  out.line(1, "check_answers \"Check your answers before submitting\"");
  out.line(2, fmt::format("inset \"{{name}} will have a {} from {{start_date}}\"", case_word));
  out.line(2, "unchangeable trn");
  out.line(1, "end");
  out.blank();
  out.line(1, "confirmation \"{name} has been registered\"");
  out.line(2, fmt::format("text \"You still need to choose their {}\"", spoken(m.staff_word.one)));
  out.line(2, fmt::format("action \"Choose a {}\" starts assign_{} with new_case", spoken(m.staff_word.one),
                          m.staff_record));
  out.line(1, "end");
  out.blank();
  out.line(1, "on complete");
  out.line(2, fmt::format("create {} as new_case", m.case_record));
  for (const char* field : {"school_id = school", "trn = trn", "name = name", "email = email", "kind = kind",
                            "start_date = start_date"}) {
    out.line(3, field);
  }
  for (const DetailStep& step : m.register_steps) {
    if (step.stored) out.line(3, fmt::format("{} = {}", step.name, stored_answer(step, "empty")));
  }
  out.line(2, "end");
  out.line(1, "end");
  out.line(0, "end");
  return {fmt::format("{}/{}.flow", m.folder, journey), out.take()};
}

SourceFile review_journey_file(const ModulePlan& m) {
  const std::string journey = "review_" + m.case_record;
  const std::string& record = m.case_record;
  FlowWriter out;
  out.line(0, fmt::format("# Review a {} and bring its details up to date (generated module {}).",
                          spoken(m.case_word.one), m.index));
  out.blank();
  out.line(0, fmt::format("journey {} \"Review a {}\" for school from {} when {}.school_id = school and {} is open",
                          journey, spoken(m.case_word.one), record, record, record));
  out.line(1, fmt::format("let name = {}.name", record));
  const std::string back = fmt::format("{}_page with {}", record, record);
  const PageContext context{"name", record + ".trn", "Back to {name}", back};
  write_detail_pages(out, m, m.review_steps, context, "check_answers");

  out.blank();
  out.line(1, fmt::format("check_answers \"Check your changes to {{name}}'s {}\"", spoken(m.case_word.one)));
  out.line(1, "end");
  out.blank();
  out.line(1, fmt::format("confirmation \"{{name}}'s {} has been updated\"", spoken(m.case_word.one)));
  out.line(2, fmt::format("link \"Back to {{name}}\" opens {}", back));
  out.line(1, "end");
  out.blank();
  out.line(1, "on complete");
  out.line(2, "update " + record);
  for (const DetailStep& step : m.review_steps) {
    if (step.stored) out.line(3, fmt::format("{} = {}", step.name, stored_answer(step, record + "." + step.name)));
  }
  out.line(2, "end");
  out.line(1, "end");
  out.line(0, "end");
  return {fmt::format("{}/{}.flow", m.folder, journey), out.take()};
}

}  // namespace ectflow::bench
