// A module's two short journeys from a case's page: choose who looks after it (shaped like
// flows/assign_mentor.flow) and report that it ends (like flows/ect_leaving.flow).
#include <fmt/format.h>

#include "module_files.hpp"

namespace ectflow::bench {

SourceFile assign_journey_file(const ModulePlan& m) {
  const std::string journey = "assign_" + m.staff_record;
  const std::string& c = m.case_record;
  const std::string staff_word = spoken(m.staff_word.one);
  FlowWriter out;
  out.line(0, fmt::format("# Choose the {} who looks after a {}, from its page (generated module {}).", staff_word,
                          spoken(m.case_word.one), m.index));
  out.blank();
  out.line(0, fmt::format("journey {} \"Choose a {}\" for school from {} when {}.school_id = school and {} is open and "
                          "{}.{} is empty",
                          journey, staff_word, c, c, c, c, m.staff_ref));
  out.line(1, fmt::format("let chosen = {}", m.staff_ref));
  out.blank();
  out.line(1, fmt::format("step choose_{} \"Who will look after {{{}.name}}?\"", m.staff_word.one, c));
  out.line(2, fmt::format("ask {} as {}", m.staff_ref, m.staff_record));
  out.line(3, fmt::format("# the school's {}, except the teacher themself, those with fewest {} first", m.staff_word.many,
                          m.case_word.many));
  out.line(3, fmt::format("options s in {} where s.school_id = school and s is open and s.trn != {}.trn", m.staff, c));
  out.line(3, "sort by length(s.caseload), casefold(s.name)");
  out.line(3, "label s.name");
  out.line(3, fmt::format("hint if s.caseload is empty then \"No {} yet\" else \"Looks after {{length(s.caseload)}} {}\"",
                          m.case_word.many, m.case_word.many));
  out.line(3, fmt::format("blank \"Select a {}\"", staff_word));
  out.line(2, "next check_answers");
  out.line(1, "end");
  out.blank();
  out.line(1, "check_answers \"Check your answers\"");
  out.line(2, fmt::format("inset \"{{chosen.name}} will look after {{{}.name}}\"", c));
  out.line(1, "end");
  out.blank();
  out.line(1, fmt::format("confirmation \"{{chosen.name}} will look after {{{}.name}}\"", c));
  out.line(2, fmt::format("link \"Back to {{{}.name}}\" opens {}_page with {}", c, c, c));
  out.line(1, "end");
  out.blank();
  out.line(1, "on complete");
  out.line(2, "# A pairing that started today is deleted; an older one finishes yesterday.");
  out.line(2, fmt::format("for each p in {} where p.{} = {} and p is open", m.pairings, m.case_ref, c));
  out.line(3, "delete p when p.started_on = today");
  out.line(3, "update p when p.started_on < today");
  out.line(4, "finished_on = today - 1 day");
  out.line(3, "end");
  out.line(2, "end");
  out.line(2, "create " + m.pairing_record);
  out.line(3, fmt::format("{} = {}", m.case_ref, c));
  out.line(3, fmt::format("{} = chosen", m.staff_ref));
  out.line(3, "started_on = today");
  out.line(3, fmt::format("finished_on = min({}.left_on, chosen.left_on)", c));
  out.line(2, "end");
  out.line(1, "end");
  out.line(0, "end");
  return {fmt::format("{}/{}.flow", m.folder, journey), out.take()};
}

SourceFile ending_journey_file(const ModulePlan& m) {
  const std::string journey = m.case_record + "_ending";
  const std::string& c = m.case_record;
  const std::string case_word = spoken(m.case_word.one);
  FlowWriter out;
  out.line(0, fmt::format("# Report that a {} ends, from its page (generated module {}).", case_word, m.index));
  out.blank();
  out.line(0, fmt::format("journey {} \"Report that a {} ends\" for school from {} when {}.school_id = school and {} is "
                          "open and {}.left_on is empty",
                          journey, case_word, c, c, c, c));
  out.line(1, fmt::format("step leaving_date \"When does {{{}.name}}'s {} end?\"", c, case_word));
  out.line(2, "ask leaving_date as date");
  out.line(3, fmt::format("blank \"Enter the date {{{}.name}}'s {} ends\"", c, case_word));
  out.line(2, "check leaving_date <= today + 4 months else leaving_too_far \"The date must be no more than 4 months "
              "from today\"");
  out.line(2, "next check_answers");
  out.line(1, "end");
  out.blank();
  out.line(1, "check_answers \"Check your answers\"");
  out.line(1, "end");
  out.blank();
  out.line(1, fmt::format("confirmation \"You've told us that {{{}.name}}'s {} ends on {{leaving_date}}\"", c, case_word));
  out.line(1, "end");
  out.blank();
  out.line(1, "on complete");
  out.line(2, "update " + c);
  out.line(3, "left_on = leaving_date");
  out.line(2, "end");
  out.line(2, fmt::format("# Whoever looks after it stops on that day (an earlier finish already set is kept)."));
  out.line(2, fmt::format("for each p in {} where p.{} = {} and (p.finished_on is empty or p.finished_on > "
                          "leaving_date)",
                          m.pairings, m.case_ref, c));
  out.line(3, "update p");
  out.line(4, "finished_on = leaving_date");
  out.line(3, "end");
  out.line(2, "end");
  out.line(1, "end");
  out.line(0, "end");
  return {fmt::format("{}/{}.flow", m.folder, journey), out.take()};
}

}  // namespace ectflow::bench
