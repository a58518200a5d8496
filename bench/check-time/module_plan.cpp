// Choosing a module's names and pages with the dice: words from lists a school would use, so the
// generated text reads like the real flows, with a module number so no two names collide.
#include "module_plan.hpp"

#include <fmt/format.h>

namespace ectflow::bench {
namespace {

const std::vector<Noun> kCaseWords = {
    {"claim", "claims"},           {"placement", "placements"},   {"bursary", "bursaries"},
    {"appeal", "appeals"},         {"secondment", "secondments"}, {"observation", "observations"},
    {"enrolment", "enrolments"},   {"referral", "referrals"},     {"application", "applications"},
    {"transfer", "transfers"},     {"assessment", "assessments"}, {"study_leave", "study leaves"},
};
const std::vector<Noun> kStaffWords = {
    {"adviser", "advisers"}, {"assessor", "assessors"},     {"coordinator", "coordinators"},
    {"coach", "coaches"},    {"caseworker", "caseworkers"}, {"moderator", "moderators"},
    {"tutor", "tutors"},     {"verifier", "verifiers"},
};
const std::vector<Noun> kPairingWords = {
    {"allocation", "allocations"}, {"assignment", "assignments"}, {"pairing", "pairings"},
    {"mentoring_link", "mentoring links"},
};
const std::vector<Noun> kKindWords = {
    {"standard", "Standard"}, {"urgent", "Urgent"},     {"deferred", "Deferred"},
    {"part_funded", "Part-funded"}, {"fully_funded", "Fully funded"}, {"pilot", "Pilot"},
    {"local", "Local"},       {"regional", "Regional"}, {"national_scheme", "National scheme"},
};

// Topics for each kind of question: the answer's stem and how a sentence says it.
const std::vector<Noun> kTextTopics = {
    {"main_subject", "main subject"},       {"previous_school", "previous school"},
    {"contact_phone", "contact phone number"}, {"postcode", "home postcode"},
    {"qualification", "highest qualification"}, {"reason", "reason for applying"},
    {"evidence_reference", "evidence reference"}, {"funding_source", "funding source"},
    {"support_needs", "support needs"},     {"department", "department"},
    {"line_manager_name", "line manager's name"}, {"provider_note", "note for the provider"},
};
const std::vector<Noun> kNumberTopics = {
    {"weekly_hours", "weekly teaching hours"}, {"days_absent", "number of days absent"},
    {"class_size", "usual class size"},       {"salary_point", "salary point"},
    {"years_teaching", "years of teaching"},  {"training_days", "number of training days"},
};
const std::vector<Noun> kDateTopics = {
    {"review_date", "next review date"}, {"end_date", "expected end date"},
    {"contract_start", "contract start date"}, {"return_date", "date of return"},
    {"assessment_date", "assessment date"},
};
const std::vector<Noun> kYesNoTopics = {
    {"has_consent", "agree to share their details"}, {"needs_support", "need extra support"},
    {"has_dbs", "have a current DBS check"},           {"works_elsewhere", "work at another school"},
    {"is_part_time", "work part-time this year"},     {"has_qts", "have qualified teacher status"},
};
const std::vector<Noun> kChoiceTopics = {
    {"working_pattern", "working pattern"}, {"school_phase", "school phase"},
    {"contract_type", "contract type"},
};
const std::vector<Noun> kStaffTopics = {
    {"backup_contact", "backup contact"}, {"second_reader", "second reader"},
    {"quality_lead", "quality lead"},
};
// A value of each choice in kChoiceTopics (core.flow declares them).
const std::vector<std::string> kChoiceValues = {"part_time", "secondary", "supply"};

// English plurals of the words above, for the collections' names (`record … plural …`).
std::string pluralised(const std::string& word) {
  const auto ends_with = [&](std::string_view end) { return word.ends_with(end); };
  if (ends_with("ch") || ends_with("s")) return word + "es";
  if (ends_with("ry")) return word.substr(0, word.size() - 1) + "ies";
  return word + "s";
}

DetailStep random_step(const ModulePlan& plan, Dice& dice, int& counter) {
  DetailStep step;
  const int roll = dice.between(1, 100);
  const Noun* topic = nullptr;
  if (roll <= 30) {
    step.kind = AskKind::text;
    topic = &dice.pick(kTextTopics);
    step.type = "text";
    step.limit = dice.between(2, 40) * 10;
    step.duplicate_check = dice.chance(25);
  } else if (roll <= 45) {
    step.kind = AskKind::number;
    topic = &dice.pick(kNumberTopics);
    step.type = "number";
    step.limit = dice.between(5, 400);
  } else if (roll <= 60) {
    step.kind = AskKind::date;
    topic = &dice.pick(kDateTopics);
    step.type = "date";
    step.limit = dice.between(1, 24);
  } else if (roll <= 80) {
    step.kind = AskKind::yes_no;
    topic = &dice.pick(kYesNoTopics);
    step.type = "yes_no";
    step.stops_early = dice.chance(30);
  } else if (roll <= 92) {
    step.kind = AskKind::choice;
    const std::size_t which = dice.next() % kChoiceTopics.size();
    topic = &kChoiceTopics[which];
    step.type = topic->one;
    step.choice_value = kChoiceValues[which];
    step.stops_early = dice.chance(35);
  } else {
    step.kind = AskKind::staff;
    topic = &dice.pick(kStaffTopics);
    step.type = plan.staff_record;
  }
  // Error codes are named after answers and are global: the module's number keeps them apart.
  step.name = fmt::format("{}_{}_{}", topic->one, plan.index, ++counter);
  step.phrase = topic->many;
  step.stored = dice.chance(40);
  step.wording = dice.between(0, 2);
  return step;
}

// `count` question pages; now and then a yes/no page decides whether the page after it is asked.
std::vector<DetailStep> random_steps(const ModulePlan& plan, Dice& dice, int count, int& counter) {
  std::vector<DetailStep> steps;
  for (int i = 0; i < count; ++i) {
    DetailStep step = random_step(plan, dice, counter);
    const bool can_gate = step.kind == AskKind::yes_no && !step.stops_early && i + 1 < count &&
                          (steps.empty() || !steps.back().gates_next);
    step.gates_next = can_gate && dice.chance(50);
    if (!steps.empty() && steps.back().gates_next) step.gated = true;
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

std::string spoken(std::string word) {
  for (char& c : word) {
    if (c == '_') c = ' ';
  }
  return word;
}

ModulePlan plan_module(int index, Dice& dice) {
  ModulePlan plan;
  plan.index = index;
  plan.folder = fmt::format("generated/m{:03}", index);
  plan.case_word = kCaseWords[static_cast<std::size_t>(index) % kCaseWords.size()];
  plan.staff_word = dice.pick(kStaffWords);
  plan.pairing_word = dice.pick(kPairingWords);
  plan.case_record = fmt::format("{}_{}", plan.case_word.one, index);
  plan.cases = fmt::format("{}_{}", pluralised(plan.case_word.one), index);
  plan.staff_record = fmt::format("{}_{}", plan.staff_word.one, index);
  plan.staff = fmt::format("{}_{}", pluralised(plan.staff_word.one), index);
  plan.pairing_record = fmt::format("{}_{}", plan.pairing_word.one, index);
  plan.pairings = fmt::format("{}_{}", pluralised(plan.pairing_word.one), index);
  plan.case_ref = plan.case_word.one + "_id";
  plan.staff_ref = plan.staff_word.one + "_id";
  plan.kind_choice = plan.case_record + "_kind";
  const std::size_t first_kind = dice.next() % kKindWords.size();
  const int kind_count = dice.between(2, 4);
  for (int k = 0; k < kind_count; ++k) {
    plan.kinds.push_back(kKindWords[(first_kind + static_cast<std::size_t>(k)) % kKindWords.size()]);
  }
  int counter = 0;
  plan.register_steps = random_steps(plan, dice, dice.between(4, 30), counter);
  plan.review_steps = random_steps(plan, dice, dice.between(3, 15), counter);
  // The review journey updates the case record, so at least its first answer is kept.
  plan.review_steps.front().stored = true;
  if (index > 0) {
    const Noun& before = kCaseWords[static_cast<std::size_t>(index - 1) % kCaseWords.size()];
    plan.previous_list = fmt::format("{}_{}_list", pluralised(before.one), index - 1);
  }
  return plan;
}

std::vector<const DetailStep*> stored_steps(const ModulePlan& plan) {
  std::vector<const DetailStep*> stored;
  for (const auto* steps : {&plan.register_steps, &plan.review_steps}) {
    for (const DetailStep& step : *steps) {
      if (step.stored) stored.push_back(&step);
    }
  }
  return stored;
}

}  // namespace ectflow::bench
