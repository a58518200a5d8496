// A module's records (shaped like flows/records.flow's ECTs, mentors and mentorships) and the core
// records every module refers to.
#include <fmt/format.h>

#include "module_files.hpp"

namespace ectflow::bench {

SourceFile core_file() {
  FlowWriter out;
  out.line(0, "# Generated flows: what every module shares (schools, teachers, cohorts, choices).");
  out.blank();
  for (const auto& [name, values] : std::vector<std::pair<std::string, std::vector<Noun>>>{
           {"working_pattern", {{"full_time", "Full-time"}, {"part_time", "Part-time"}}},
           {"school_phase", {{"primary", "Primary"}, {"secondary", "Secondary"}, {"all_through", "All-through"}}},
           {"contract_type", {{"permanent", "Permanent"}, {"fixed_term", "Fixed term"}, {"supply", "Supply"}}},
           {"school_kind", {{"state_funded", "State-funded school"}, {"independent", "Independent school"}}}}) {
    out.line(0, "choice " + name);
    for (const Noun& value : values) out.line(1, fmt::format("{} \"{}\"", value.one, value.many));
    out.line(0, "end");
    out.blank();
  }
  out.line(0, "# A teacher as the Teaching Regulation Agency holds them.");
  out.line(0, "record teacher");
  out.line(1, "key trn");
  for (const char* field : {"trn as trn", "first_name as text", "last_name as text", "date_of_birth as date",
                            "qts_awarded as date", "prohibited as yes_no"}) {
    out.line(1, std::string("field ") + field);
  }
  out.line(0, "end");
  out.blank();
  out.line(0, "record school");
  out.line(1, "key urn");
  for (const char* field : {"urn as text", "name as text", "kind as school_kind", "phase as school_phase"}) {
    out.line(1, std::string("field ") + field);
  }
  out.line(0, "end");
  out.blank();
  out.line(0, "# A year's intake, running from 1 June to 31 May.");
  out.line(0, "record cohort");
  out.line(1, "key year");
  for (const char* field : {"year as number", "start as date", "end as date", "open_for_registration as yes_no"}) {
    out.line(1, std::string("field ") + field);
  }
  out.line(0, "end");
  return {"generated/core.flow", out.take()};
}

SourceFile records_file(const ModulePlan& m) {
  const std::string case_word = spoken(m.case_word.one);
  const std::string staff_word = spoken(m.staff_word.one);
  FlowWriter out;
  out.line(0, fmt::format("# Generated module {}: {}, their {} and who looks after which.", m.index,
                          m.case_word.many, m.staff_word.many));
  out.blank();
  out.line(0, "choice " + m.kind_choice);
  for (const Noun& kind : m.kinds) out.line(1, fmt::format("{} \"{}\"", kind.one, kind.many));
  out.line(0, "end");
  out.blank();

  out.line(0, fmt::format("# A {} at a school.", staff_word));
  out.line(0, fmt::format("record {} plural {}", m.staff_record, m.staff));
  out.line(1, "key id");
  for (const char* field : {"id as text", "school_id as school", "trn as trn", "name as text", "email as email",
                            "start_date as date", "left_on as date"}) {
    out.line(1, std::string("field ") + field);
  }
  out.line(1, fmt::format("# The {} they look after today, by name.", m.case_word.many));
  out.line(1, fmt::format("derived caseload as list of {} = all c in {} where c.{} = id and c is open sort by "
                          "casefold(c.name)",
                          m.case_record, m.cases, m.staff_ref));
  out.line(1, "derived teacher_record as teacher = first t in teachers where t.trn = trn");
  out.line(1, "open when left_on is empty or left_on > today");
  out.line(0, "end");
  out.blank();

  out.line(0, fmt::format("# A {} a school manages for one of its teachers.", case_word));
  out.line(0, fmt::format("record {} plural {}", m.case_record, m.cases));
  out.line(1, "key id");
  for (const std::string& field : {std::string("id as text"), std::string("school_id as school"),
                                   std::string("trn as trn"), std::string("name as text"),
                                   std::string("email as email"), "kind as " + m.kind_choice,
                                   std::string("start_date as date"), std::string("left_on as date")}) {
    out.line(1, "field " + field);
  }
  for (const DetailStep* step : stored_steps(m)) out.line(1, fmt::format("field {} as {}", step->name, step->type));
  out.line(1, fmt::format("# The {} looking after them today, if any.", staff_word));
  out.line(1, fmt::format("derived open_{} as {} = first p in {} where p.{} = id and p is open", m.pairing_word.one,
                          m.pairing_record, m.pairings, m.case_ref));
  out.line(1, fmt::format("derived {} as {} = open_{}.{}", m.staff_ref, m.staff_record, m.pairing_word.one, m.staff_ref));
  out.line(1, "open when left_on is empty or left_on > today");
  out.line(1, "status");
  out.line(2, "ending \"Ending\" when left_on is not empty and left_on > today");
  out.line(2, fmt::format("complete \"Looked after\" when open_{} is not empty", m.pairing_word.one));
  out.line(2, fmt::format("incomplete \"Action required\" because {}_required", m.staff_word.one));
  out.line(1, "end");
  out.line(0, "end");
  out.blank();

  out.line(0, fmt::format("# Which {} looks after which {}, and when.", staff_word, case_word));
  out.line(0, fmt::format("record {} plural {}", m.pairing_record, m.pairings));
  out.line(1, "key id");
  out.line(1, "field id as text");
  out.line(1, fmt::format("field {} as {}", m.case_ref, m.case_record));
  out.line(1, fmt::format("field {} as {}", m.staff_ref, m.staff_record));
  out.line(1, "field started_on as date");
  out.line(1, "field finished_on as date");
  out.line(1, "open when started_on <= today and (finished_on is empty or finished_on > today)");
  out.line(0, "end");
  out.blank();

  out.line(0, fmt::format("# Is this address already used by an open {} or {} who is someone else?", case_word,
                          staff_word));
  out.line(0, fmt::format("rule {}_email_in_use(address as email, trn as trn) as yes_no = (exists c in {} where c is "
                          "open and casefold(c.email) = casefold(address) and c.trn != trn) or exists s in {} where "
                          "s is open and casefold(s.email) = casefold(address) and s.trn != trn",
                          m.case_record, m.cases, m.staff));
  return {m.folder + "/records.flow", out.take()};
}

}  // namespace ectflow::bench
