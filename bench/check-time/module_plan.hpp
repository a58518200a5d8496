// What one generated module holds: a kind of case a school manages (a claim, a placement…), the
// staff who look after it and the pairing between them, and the detail pages its journeys ask.
// A flow set grows module by module, as a real one grows by journeys and records.
#pragma once

#include <string>
#include <vector>

#include "flow_writer.hpp"

namespace ectflow::bench {

struct Noun {
  std::string one;   // "claim"
  std::string many;  // "claims"
};

// A word as a sentence says it: "study leave" for `study_leave`.
std::string spoken(std::string word);

enum class AskKind { text, number, date, yes_no, choice, staff };

// One question page of a journey; its step and its answer share `name`.
struct DetailStep {
  AskKind kind = AskKind::text;
  std::string name;    // "weekly_hours_12": unique within the module
  std::string phrase;  // how titles and messages say it: "weekly hours"
  std::string type;    // the answer's type as written after `as`
  std::string choice_value;  // choice: a value of `type`, for a branch
  int limit = 0;             // text: most characters; number: largest; date: months ahead
  bool stops_early = false;  // yes_no: "no", choice: `choice_value` end it on an outcome page
  bool gates_next = false;   // yes_no: only "yes" asks the next step
  bool gated = false;        // asked only when the step before says yes
  bool duplicate_check = false;  // text: a query for another case with that name
  bool stored = false;           // kept in a field of the case record of the same name
  int wording = 0;               // which of a few titles the page has
};

struct ModulePlan {
  int index = 0;
  std::string folder;  // "generated/m007"
  Noun case_word, staff_word, pairing_word;
  std::string case_record, cases;        // "claim_7", "claims_7"
  std::string staff_record, staff;       // "adviser_7", "advisers_7"
  std::string pairing_record, pairings;  // "allocation_7", "allocations_7"
  std::string case_ref, staff_ref;       // fields naming them: "claim_id", "adviser_id"
  std::string kind_choice;               // "claim_7_kind"
  std::vector<Noun> kinds;               // its values: {"urgent", "Urgent"}
  std::vector<DetailStep> register_steps;
  std::vector<DetailStep> review_steps;
  std::string previous_list;  // the module before's list page, which this one links to ("" for the first)
};

ModulePlan plan_module(int index, Dice& dice);

// Every step whose answer the case record keeps as a field: the register journey's, then the review's.
std::vector<const DetailStep*> stored_steps(const ModulePlan& plan);

}  // namespace ectflow::bench
