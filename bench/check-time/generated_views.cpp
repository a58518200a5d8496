// A module's record pages: the school's list of cases and staff (like flows/views.flow's school
// page) and one case's page, with the actions that start the module's journeys.
#include <fmt/format.h>

#include "module_files.hpp"

namespace ectflow::bench {

SourceFile views_file(const ModulePlan& m) {
  const std::string& c = m.case_record;
  const std::string case_word = spoken(m.case_word.one);
  const std::string staff_word = spoken(m.staff_word.one);
  FlowWriter out;
  out.line(0, fmt::format("# Record pages of generated module {}: the school's {} and {}, and one {}.", m.index,
                          m.case_word.many, m.staff_word.many, case_word));
  out.blank();
  out.line(0, fmt::format("view {}_list \"{{school.name}}: {}\" for school", m.cases, m.case_word.many));
  out.line(1, fmt::format("action \"Register a {}\" starts register_{}", case_word, c));
  if (!m.previous_list.empty()) {
    out.line(1, fmt::format("link \"See the school's other records\" opens {}", m.previous_list));
  }
  out.blank();
  out.line(1, fmt::format("# {} that need a {} first, then by name", m.case_word.many, staff_word));
  out.line(1, fmt::format("list {} c in {} where c.school_id = school and c is open", m.cases, m.cases));
  out.line(2, "sort by (if c.status = incomplete then 1 else 2), casefold(c.name)");
  out.line(2, "status c.status");
  out.line(2, fmt::format("text \"A {} needs to be chosen for {{c.name}}\" when c.status = incomplete", staff_word));
  out.line(2, fmt::format("action \"Choose a {}\" starts assign_{} with c when c.status = incomplete", staff_word,
                          m.staff_record));
  out.line(2, fmt::format("action \"Review\" starts review_{} with c", c));
  out.line(1, "end");
  out.blank();
  out.line(1, fmt::format("list {} s in {} where s.school_id = school and s is open", m.staff, m.staff));
  out.line(2, "sort by casefold(s.name)");
  out.line(2, fmt::format("text \"No {} yet\" when s.caseload is empty", m.case_word.many));
  out.line(2, "text join((collect x.name for x in s.caseload), \", \") when s.caseload is not empty");
  out.line(1, "end");
  out.line(0, "end");
  out.blank();

  out.line(0, fmt::format("view {}_page \"{{{}.name}}\" for school from {}", c, c, c));
  out.line(1, fmt::format("text {}.status.label", c));
  out.line(1, fmt::format("text if {}.{} is empty then \"No {} chosen\" else {}.{}.name", c, m.staff_ref, staff_word, c,
                          m.staff_ref));
  out.line(1, fmt::format("action \"Choose a {}\" starts assign_{} with {} when {}.{} is empty", staff_word,
                          m.staff_record, c, c, m.staff_ref));
  out.line(1, fmt::format("action \"Review this {}\" starts review_{} with {}", case_word, c, c));
  out.line(1, fmt::format("action \"Report that this {} ends\" starts {}_ending with {} when {}.left_on is empty",
                          case_word, c, c, c));
  out.line(1, fmt::format("link \"Back to your {}\" opens {}_list", m.case_word.many, m.cases));
  out.line(0, "end");
  return {m.folder + "/views.flow", out.take()};
}

}  // namespace ectflow::bench
