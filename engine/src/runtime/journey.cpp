// Running a journey one request at a time: start, show, submit, back and change. Each takes an
// instance value and returns the next one with the page to show, or a clear rejection.
#include <algorithm>
#include <set>

#include "ectflow/engine.hpp"
#include "runtime/complete.hpp"
#include "runtime/page.hpp"
#include "runtime/session.hpp"
#include "runtime/validate.hpp"

namespace ectflow {
namespace {

using runtime::Session;

runtime::Reads reads_of(const RunContext& context) { return {context.store, context.today, context.teachers}; }

// "a mentor", "an ect": record names in problems read as words.
std::string a_or_an(const std::string& noun) {
  return (noun.empty() || std::string("aeiou").find(noun[0]) == std::string::npos ? "a " : "an ") + noun;
}

JourneyResult rejected(const JourneyInstance& instance, std::string code, std::string problem) {
  JourneyResult r;
  r.kind = JourneyResult::Kind::rejected;
  r.instance = instance;
  r.problem_code = std::move(code);
  r.problem = std::move(problem);
  return r;
}

JourneyResult with_page(const Engine& engine, const model::Journey& journey, JourneyInstance instance,
                        const RunContext& context) {
  JourneyResult r;
  r.page = runtime::render_page(engine, journey, instance, reads_of(context), r.hook_problems);
  r.instance = std::move(instance);
  return r;
}

// The journey an instance belongs to, if the instance is one this engine can run.
const model::Journey* journey_of(const Engine& engine, const JourneyInstance& instance, std::string& problem,
                                 std::string& code) {
  const model::Model& m = engine.model();
  if (instance.flow_version != m.flow_version) {
    code = "flow-version-mismatch";
    problem = "this journey started on flows " + instance.flow_version + ", but these are " + m.flow_version;
    return nullptr;
  }
  auto it = m.journey_index.find(instance.journey);
  if (it == m.journey_index.end()) {
    code = "unknown-journey";
    problem = "there is no journey named " + instance.journey;
    return nullptr;
  }
  const model::Journey& journey = m.journeys[it->second];
  auto known = [&](const std::string& step) { return journey.step_index.count(step) > 0; };
  if (!known(instance.step) || !std::all_of(instance.path.begin(), instance.path.end(), known) ||
      instance.path.empty() || instance.path.back() != instance.step) {
    code = "tampered-instance";
    problem = "this journey instance names steps its journey does not have";
    return nullptr;
  }
  for (const auto& answer : instance.answers) {
    const std::string& name = answer.first;  // clang 14 cannot capture a structured binding
    if (std::find(journey.answer_names.begin(), journey.answer_names.end(), name) == journey.answer_names.end()) {
      code = "tampered-instance";
      problem = "this journey instance holds an answer its journey does not ask: " + name;
      return nullptr;
    }
  }
  return &journey;
}

// Where a step's `next`s lead with the answers the session evaluates with; `taken`, when given,
// gets the index of the `next` that decided.
const model::Target* next_target(Session& session, const model::Step& step, int* taken = nullptr) {
  for (std::size_t i = 0; i < step.nexts.size(); ++i) {
    if (!session.eval().test(step.nexts[i].when, session.frame())) continue;
    if (taken) *taken = static_cast<int>(i);
    return &step.nexts[i].target;
  }
  return nullptr;
}

// The page the instance is on, from a session evaluating with its answers, with the hooks that
// failed while the request ran.
JourneyResult with_page(Session& session, JourneyInstance instance) {
  JourneyResult r;
  r.page = runtime::render_page(session, instance);
  r.instance = std::move(instance);
  r.hook_problems = session.hook_problems();
  return r;
}

bool answered(const model::Step& step, const JourneyInstance& instance) {
  return std::all_of(step.asks.begin(), step.asks.end(),
                     [&](const model::Ask& ask) { return instance.answers.count(ask.name) > 0; });
}

// Answers asked on steps no longer on the path are dropped (DOMAIN.md: check answers). True when
// any was.
bool drop_answers_off_path(const model::Journey& journey, JourneyInstance& instance) {
  std::set<std::string> on_path(instance.path.begin(), instance.path.end());
  bool dropped = false;
  for (std::uint32_t slot = 0; slot < journey.answer_names.size(); ++slot) {
    if (!on_path.count(journey.steps[journey.answer_step[slot]].name)) {
      dropped = instance.answers.erase(journey.answer_names[slot]) > 0 || dropped;
    }
  }
  return dropped;
}

}  // namespace

JourneyResult start_journey(const Engine& engine, std::string_view name, const RunContext& context,
                            const std::optional<std::string>& with_id) {
  const model::Model& m = engine.model();
  JourneyInstance instance;
  auto it = m.journey_index.find(std::string(name));
  if (it == m.journey_index.end()) return rejected(instance, "unknown-journey", "there is no journey named " + std::string(name));
  const model::Journey& journey = m.journeys[it->second];
  const std::string& actor_type = m.records[journey.actor].schema.name;
  if (!context.store.find(journey.actor, context.actor_id)) {
    return rejected(instance, "unknown-actor", "there is no " + actor_type + " " + context.actor_id);
  }
  if (journey.from) {
    const std::string& from_type = m.records[*journey.from].schema.name;
    if (!with_id) return rejected(instance, "missing-with", journey.name + " starts from " + a_or_an(from_type) + ": say which one");
    if (!context.store.find(*journey.from, *with_id)) {
      for (RecordTypeId t = 0; t < m.records.size(); ++t) {
        if (t != *journey.from && context.store.find(t, *with_id)) {
          return rejected(instance, "wrong-record-kind",
                          journey.name + " starts from " + a_or_an(from_type) + ", but " + *with_id + " is " +
                              a_or_an(m.records[t].schema.name));
        }
      }
      return rejected(instance, "unknown-record", "there is no " + from_type + " " + *with_id);
    }
  } else if (with_id) {
    return rejected(instance, "unexpected-with", journey.name + " does not start from a record");
  }
  instance.flow_version = m.flow_version;
  instance.journey = journey.name;
  instance.actor_id = context.actor_id;
  instance.subject_id = with_id.value_or("");
  instance.step = journey.steps[journey.first_step].name;
  instance.path = {instance.step};
  Session session(engine, journey, reads_of(context), instance.actor_id, instance.subject_id, {}, {});
  if (journey.from) {
    // Someone else's records cannot be started from: the record must belong to who acts.
    const RecordSchema& schema = m.records[*journey.from].schema;
    auto school = schema.slot("school_id");
    const Record* subject = context.store.find(*journey.from, *with_id);
    if (school && subject && std::holds_alternative<std::string>(subject->fields[*school]) &&
        std::get<std::string>(subject->fields[*school]) != context.actor_id) {
      return rejected(JourneyInstance{}, "not-yours", *with_id + " is not at " + actor_type + " " + context.actor_id);
    }
  }
  if (!session.eval().test(journey.start_when, session.frame())) {
    return rejected(JourneyInstance{}, "not-available", journey.name + " cannot be started for this record now");
  }
  return with_page(engine, journey, std::move(instance), context);
}

JourneyResult show_page(const Engine& engine, const JourneyInstance& instance, const RunContext& context) {
  std::string problem, code;
  const model::Journey* journey = journey_of(engine, instance, problem, code);
  if (!journey) return rejected(instance, code, problem);
  return with_page(engine, *journey, instance, context);
}

JourneyResult submit(const Engine& engine, const JourneyInstance& instance, std::string_view step_name,
                     const Answers& answers, const RunContext& context) {
  std::string problem, code;
  const model::Journey* journey = journey_of(engine, instance, problem, code);
  if (!journey) return rejected(instance, code, problem);
  if (instance.completed) return rejected(instance, "journey-completed", "this journey has already been completed");
  if (step_name != instance.step) {
    return rejected(instance, "not-current-step",
                    "this journey is on " + instance.step + ", not " + std::string(step_name));
  }
  const model::Step& step = journey->steps[journey->step_index.at(instance.step)];
  if (step.kind == model::StepKind::outcome || step.kind == model::StepKind::confirmation) {
    return rejected(instance, "no-answers-here", instance.step + " takes no answers");
  }
  if (step.kind == model::StepKind::check_answers) {
    for (const auto& [name, value] : answers) {
      if (name != "confirm") return rejected(instance, "unknown-answer", "check answers takes only `confirm`, not " + name);
    }
    auto confirm = answers.find("confirm");
    if (confirm == answers.end() || (confirm->second != "true" && confirm->second != "yes")) {
      return rejected(instance, "confirm-required", "to finish, submit confirm: true");
    }
    runtime::Completion done = runtime::complete_journey(engine, *journey, instance, context);
    if (!done.committed) {
      JourneyResult r = with_page(engine, *journey, instance, context);
      r.kind = JourneyResult::Kind::conflict;
      r.problem_code = "conflict";
      r.problem = done.conflict;
      r.hook_problems.insert(r.hook_problems.end(), done.hook_problems.begin(), done.hook_problems.end());
      return r;
    }
    JourneyInstance next = instance;
    next.created = done.created;
    next.completed = true;
    next.changing = false;
    next.step = "confirmation";
    next.path.push_back(next.step);
    JourneyResult r = with_page(engine, *journey, std::move(next), context);
    r.hook_problems.insert(r.hook_problems.end(), done.hook_problems.begin(), done.hook_problems.end());
    return r;
  }
  for (const auto& answer : answers) {
    const std::string& name = answer.first;  // clang 14 cannot capture a structured binding
    if (std::none_of(step.asks.begin(), step.asks.end(), [&](const model::Ask& a) { return a.name == name; })) {
      return rejected(instance, "unknown-answer", instance.step + " does not ask " + name);
    }
  }

  // One session serves the whole request: checking, choosing the next step and the page.
  Session session(engine, *journey, reads_of(context), instance.actor_id, instance.subject_id, instance.answers,
                  instance.created);
  runtime::StepCheck checked = runtime::check_step(session, step, instance.answers, answers);
  JourneyInstance next = instance;
  next.errors = checked.errors;
  next.error_messages = checked.messages;
  next.entered.clear();
  if (!checked.ok()) {
    for (const auto& [name, value] : answers) next.entered[name] = value;
    session.use_answers(next.answers);
    return with_page(session, std::move(next));
  }
  for (const auto& [name, value] : checked.values) next.answers[name] = value;

  int branch = -1;
  const model::Target* target = next_target(session, step, &branch);
  if (!target) return rejected(instance, "no-way-on", instance.step + " has no `next` for these answers");
  // Every page from here on was reached by that branch.
  auto by_branch = [branch](JourneyResult result) {
    if (result.kind != JourneyResult::Kind::rejected) result.branch = branch;
    return result;
  };
  if (target->kind == model::Target::Kind::start_journey) {
    // Hand over to another journey (assign_mentor's "Register a new mentor").
    PageLink link;
    link.kind = PageLink::Kind::start_journey;
    link.target = target->name;
    if (target->with != model::kNoNode) link.record_id = session.eval().display(session.eval().eval(target->with, session.frame()));
    JourneyResult result = with_page(session, next);
    result.hand_over = link;
    return by_branch(std::move(result));
  }
  if (target->kind == model::Target::Kind::complete) {
    next.step = "check_answers";  // completes at once: as if confirmed on check answers
    JourneyInstance completing = next;
    runtime::Completion done = runtime::complete_journey(engine, *journey, completing, context);
    if (!done.committed) {
      JourneyResult result = with_page(engine, *journey, instance, context);
      result.kind = JourneyResult::Kind::conflict;
      result.problem_code = "conflict";
      result.problem = done.conflict;
      return result;
    }
    next.created = done.created;
    next.completed = true;
    next.step = "confirmation";
    next.path.push_back(next.step);
    // The records changed: the page is worked out afresh.
    JourneyResult result = with_page(engine, *journey, std::move(next), context);
    result.hook_problems.insert(result.hook_problems.begin(), session.hook_problems().begin(),
                                session.hook_problems().end());
    return by_branch(std::move(result));
  }
  std::uint32_t to = target->step;
  if (next.changing) {
    // After a change, follow the path: answered steps are passed through until an unanswered
    // step or check answers comes.
    for (std::size_t guard = 0; guard < journey->steps.size(); ++guard) {
      const model::Step& s = journey->steps[to];
      if (s.kind == model::StepKind::check_answers) {
        next.changing = false;
        break;
      }
      bool seen = std::find(instance.path.begin(), instance.path.end(), s.name) != instance.path.end();
      if (s.kind != model::StepKind::question && s.kind != model::StepKind::interstitial) break;
      if (!answered(s, next) || (s.asks.empty() && !seen)) break;
      const model::Target* onward = next_target(session, s);
      if (!onward || onward->kind != model::Target::Kind::step) break;
      to = onward->step;
    }
    // The path is the way from the first step with these answers.
    std::vector<std::string> path{journey->steps[journey->first_step].name};
    std::uint32_t at = journey->first_step;
    for (std::size_t guard = 0; guard < journey->steps.size() && at != to; ++guard) {
      const model::Target* onward = next_target(session, journey->steps[at]);
      if (!onward || onward->kind != model::Target::Kind::step) break;
      at = onward->step;
      path.push_back(journey->steps[at].name);
    }
    next.path = std::move(path);
  } else {
    next.path.push_back(journey->steps[to].name);
  }
  next.step = journey->steps[to].name;
  if (next.path.back() != next.step) next.path.push_back(next.step);
  // A change that stopped at a step not yet answered decides the path only once that step is
  // answered: the answers after it stay until then (they are still on the path if it comes back
  // to them).
  if (!next.changing && drop_answers_off_path(*journey, next)) session.use_answers(next.answers);
  return by_branch(with_page(session, std::move(next)));
}

JourneyResult follow_link(const Engine& engine, const JourneyInstance& instance, std::string_view step_name,
                          const RunContext& context) {
  std::string problem, code;
  const model::Journey* journey = journey_of(engine, instance, problem, code);
  if (!journey) return rejected(instance, code, problem);
  if (instance.completed) return rejected(instance, "journey-completed", "this journey has already been completed");
  // Only a link within the page that shows now: its `when` may hide it.
  Session session(engine, *journey, reads_of(context), instance.actor_id, instance.subject_id, instance.answers,
                  instance.created);
  const model::Step& step = journey->steps[journey->step_index.at(instance.step)];
  const bool shown = std::any_of(step.links.begin(), step.links.end(), [&](const model::Link& link) {
    return !link.is_action && link.target.kind == model::Target::Kind::step &&
           journey->steps[link.target.step].name == step_name && session.eval().test(link.when, session.frame());
  });
  if (!shown) {
    return rejected(instance, "no-such-link", instance.step + " shows no link to " + std::string(step_name));
  }
  JourneyInstance next = instance;
  next.errors.clear();
  next.error_messages.clear();
  next.entered.clear();
  next.step = std::string(step_name);
  next.path.push_back(next.step);
  return with_page(session, std::move(next));
}

bool may_complete(const Engine& engine, const JourneyInstance& instance, std::string_view step_name) {
  const model::Model& m = engine.model();
  auto journey = m.journey_index.find(instance.journey);
  if (journey == m.journey_index.end()) return true;
  const model::Journey& j = m.journeys[journey->second];
  auto step = j.step_index.find(std::string(step_name));
  if (step == j.step_index.end()) return true;
  const model::Step& s = j.steps[step->second];
  return s.kind == model::StepKind::check_answers ||
         std::any_of(s.nexts.begin(), s.nexts.end(),
                     [](const model::Next& next) { return next.target.kind == model::Target::Kind::complete; });
}

JourneyResult go_back(const Engine& engine, const JourneyInstance& instance, const RunContext& context) {
  std::string problem, code;
  const model::Journey* journey = journey_of(engine, instance, problem, code);
  if (!journey) return rejected(instance, code, problem);
  if (instance.completed) return rejected(instance, "journey-completed", "this journey has already been completed");
  JourneyInstance next = instance;
  next.errors.clear();
  next.error_messages.clear();
  next.entered.clear();
  if (runtime::back_goes_to_check_answers(instance)) {
    // Back from a page a Change link opened: check answers, as it was.
    next.changing = false;
    next.step = "check_answers";
    while (next.path.back() != "check_answers") next.path.pop_back();
  } else {
    // Any other page, also one a change led on to (a question the change made necessary): the
    // page before it; the change carries on from there.
    if (instance.path.size() < 2) return rejected(instance, "no-back", "this is the journey's first page");
    next.path.pop_back();
    next.step = next.path.back();
  }
  return with_page(engine, *journey, std::move(next), context);
}

JourneyResult change_answer(const Engine& engine, const JourneyInstance& instance, std::string_view step_name,
                            const RunContext& context) {
  std::string problem, code;
  const model::Journey* journey = journey_of(engine, instance, problem, code);
  if (!journey) return rejected(instance, code, problem);
  if (instance.completed) return rejected(instance, "journey-completed", "this journey has already been completed");
  if (instance.step != "check_answers") {
    return rejected(instance, "not-on-check-answers", "answers are changed from check answers");
  }
  const std::string step(step_name);
  auto it = journey->step_index.find(step);
  if (it == journey->step_index.end() || std::find(instance.path.begin(), instance.path.end(), step) == instance.path.end()) {
    return rejected(instance, "unknown-step", step + " is not a step on this journey's path");
  }
  const model::Step& target = journey->steps[it->second];
  const model::Step& check = journey->steps[journey->step_index.at("check_answers")];
  bool changeable = std::any_of(target.asks.begin(), target.asks.end(), [&](const model::Ask& a) {
    return std::find(check.unchangeable.begin(), check.unchangeable.end(), a.slot) == check.unchangeable.end();
  });
  if (!changeable) return rejected(instance, "unchangeable", step + " cannot be changed");
  JourneyInstance next = instance;
  next.step = step;
  next.changing = true;
  next.errors.clear();
  next.error_messages.clear();
  next.entered.clear();
  next.path.push_back(step);
  return with_page(engine, *journey, std::move(next), context);
}

}  // namespace ectflow
