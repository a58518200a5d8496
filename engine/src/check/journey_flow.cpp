// The journey-graph analyses. Steps are the nodes of a StepGraph built once; each check is a small
// function over it. "Asked on every path" is a must-analysis: the answers asked on entry to a step
// are those asked on every edge into it (intersection over predecessors), to a fixed point.
#include "check/journey_flow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>
#include <utility>

namespace ectflow::check {
namespace {

using syntax::Ask;
using syntax::Binary;
using syntax::BinaryOp;
using syntax::EffectPtr;
using syntax::Expr;
using syntax::ExprPtr;
using syntax::IsTest;
using syntax::IsWhat;
using syntax::Journey;
using syntax::Let;
using syntax::NameRef;
using syntax::Step;
using syntax::StepKind;
using syntax::Target;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

using Answers = std::set<std::string>;

Answers merged(Answers a, const Answers& b) {
  a.insert(b.begin(), b.end());
  return a;
}

Answers common(const Answers& a, const Answers& b) {
  Answers result;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::inserter(result, result.end()));
  return result;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string result;
  for (const auto& item : items) {
    if (!result.empty()) result += separator;
    result += item;
  }
  return result;
}

void report(std::vector<Diagnostic>& out, Severity severity, std::string code, Span span,
            std::string message, std::vector<DiagnosticNote> notes = {}) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  d.notes = std::move(notes);
  out.push_back(std::move(d));
}

bool ends_journey(StepKind kind) {
  return kind == StepKind::outcome || kind == StepKind::confirmation ||
         kind == StepKind::check_answers;
}

// How a message names a step: `step "email"`, `interstitial "no_qts"`, `check_answers`.
std::string page_name(const Step& step) {
  switch (step.kind) {
    case StepKind::question:
      return fmt::format("step \"{}\"", step.name.text);
    case StepKind::interstitial:
      return fmt::format("interstitial \"{}\"", step.name.text);
    case StepKind::outcome:
      return fmt::format("outcome \"{}\"", step.name.text);
    case StepKind::check_answers:
      return "check_answers";
    case StepKind::confirmation:
      return "the confirmation page";
  }
  return step.name.text;
}

// How a message quotes a `next`: `next email`, `next complete`, `next start add_mentor`.
std::string next_text(const Target& target) {
  if (target.kind == Target::Kind::start_journey) return "next start " + target.name.text;
  return "next " + target.name.text;
}

// ---- the step graph ----

// One way from a step to another.
struct Edge {
  std::size_t to;
  bool submits;  // a `next` (the step's answers are then given); false: a `link ... to STEP`
};

// Steps are nodes 0..n-1 in source order; node n is the journey completing (check_answers
// confirmed, or a `next complete`), which leads on to the confirmation page.
struct StepGraph {
  std::vector<std::vector<Edge>> successors;
  std::map<std::string, std::size_t> step_index;  // name -> the first step so named
  std::size_t first = kNone;                      // where the journey starts
  std::size_t completion = 0;
  std::size_t confirmation = kNone;
  std::vector<bool> hands_over;    // has a `next start JOURNEY`
  std::vector<bool> unknown_next;  // a `next` to no step: the name checker reports it
  std::vector<bool> reachable;     // from the first step

  std::size_t size() const { return successors.size(); }
};

std::vector<bool> reachable_from(const StepGraph& graph, std::size_t start) {
  std::vector<bool> seen(graph.size(), false);
  if (start == kNone) return seen;
  std::deque<std::size_t> queue{start};
  seen[start] = true;
  while (!queue.empty()) {
    std::size_t node = queue.front();
    queue.pop_front();
    for (const Edge& edge : graph.successors[node]) {
      if (!seen[edge.to]) seen[edge.to] = true, queue.push_back(edge.to);
    }
  }
  return seen;
}

StepGraph build_step_graph(const Journey& journey) {
  const auto& steps = journey.steps;
  StepGraph graph;
  graph.completion = steps.size();
  graph.successors.resize(steps.size() + 1);
  graph.hands_over.assign(steps.size() + 1, false);
  graph.unknown_next.assign(steps.size() + 1, false);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    graph.step_index.emplace(steps[i].name.text, i);
    bool is_page = steps[i].kind == StepKind::outcome || steps[i].kind == StepKind::confirmation;
    if (graph.first == kNone && !is_page) graph.first = i;
    if (graph.confirmation == kNone && steps[i].kind == StepKind::confirmation) {
      graph.confirmation = i;
    }
  }
  auto step_named = [&](const std::string& name) {
    auto it = graph.step_index.find(name);
    return it == graph.step_index.end() ? kNone : it->second;
  };
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto& successors = graph.successors[i];
    for (const auto& next : steps[i].nexts) {
      if (next.target.kind == Target::Kind::complete) {
        successors.push_back({graph.completion, true});
      } else if (next.target.kind == Target::Kind::start_journey) {
        graph.hands_over[i] = true;
      } else if (std::size_t to = step_named(next.target.name.text); to != kNone) {
        successors.push_back({to, true});
      } else {
        graph.unknown_next[i] = true;
      }
    }
    for (const auto& link : steps[i].links) {
      if (link.target.kind != Target::Kind::step) continue;
      if (std::size_t to = step_named(link.target.name.text); to != kNone) {
        successors.push_back({to, false});
      }
    }
    if (steps[i].kind == StepKind::check_answers) successors.push_back({graph.completion, true});
  }
  if (graph.confirmation != kNone) {
    graph.successors[graph.completion].push_back({graph.confirmation, true});
  }
  graph.reachable = reachable_from(graph, graph.first);
  return graph;
}

// ---- unique steps and answers ----

void check_duplicate_steps(const Journey& journey, std::vector<Diagnostic>& out) {
  std::map<std::string, const Step*> first;
  for (const Step& step : journey.steps) {
    auto [it, inserted] = first.emplace(step.name.text, &step);
    if (inserted) continue;
    std::string message =
        step.kind == StepKind::check_answers || step.kind == StepKind::confirmation
            ? fmt::format("journey {} already has {}; a journey has only one: merge the two",
                          journey.name.text, page_name(step))
            : fmt::format("journey {} already has a step named \"{}\"; rename one of them",
                          journey.name.text, step.name.text);
    report(out, Severity::error, "duplicate-step", step.name.span, std::move(message),
           {{it->second->name.span, "the first one is here"}});
  }
}

void check_duplicate_answers(const Journey& journey, std::vector<Diagnostic>& out,
                             JourneyFlowFacts* facts) {
  std::map<std::string, std::pair<const Step*, const Ask*>> first;
  for (const Step& step : journey.steps) {
    for (const Ask& ask : step.asks) {
      const std::string& answer = ask.answer.text;
      auto [it, inserted] = first.emplace(answer, std::pair{&step, &ask});
      if (facts) {
        auto& steps = facts->steps_asking[answer];
        if (steps.empty() || steps.back() != step.name.text) steps.push_back(step.name.text);
      }
      if (inserted) continue;
      const Step& earlier = *it->second.first;
      std::string message =
          &earlier == &step
              ? fmt::format("\"{}\" is asked twice on {}; remove one of the `ask`s", answer,
                            page_name(step))
              : fmt::format(
                    "\"{}\" is already asked on {}; an answer is asked on one step only: "
                    "rename one of them, or remove one `ask`",
                    answer, page_name(earlier));
      report(out, Severity::error, "duplicate-answer", ask.answer.span, std::move(message),
             {{it->second.second->answer.span, "first asked here"}});
    }
  }
}

// ---- reachability and dead ends ----

void check_reachable(const Journey& journey, const StepGraph& graph, std::vector<Diagnostic>& out) {
  if (graph.first == kNone) return;
  const std::string& first = journey.steps[graph.first].name.text;
  for (std::size_t i = 0; i < journey.steps.size(); ++i) {
    const Step& step = journey.steps[i];
    if (graph.reachable[i] || graph.step_index.at(step.name.text) != i) continue;
    std::string message =
        step.kind == StepKind::confirmation
            ? fmt::format(
                  "the confirmation page cannot be reached: no check_answers or "
                  "`next complete` can be reached from the first step \"{}\"; add a "
                  "check_answers page to the journey, or remove the confirmation",
                  first)
            : fmt::format(
                  "{} cannot be reached from the first step \"{}\"; add a `next {}` to a "
                  "step that leads here, or remove it",
                  page_name(step), first, step.name.text);
    report(out, Severity::error, "unreachable-step", step.name.span, std::move(message));
  }
}

// Which nodes some sequence of `next`s leads from to an end: an outcome, check_answers, the
// confirmation, a hand-over to another journey, or a `next` the name checker already reports.
std::vector<bool> reaches_an_end(const Journey& journey, const StepGraph& graph) {
  std::vector<std::vector<std::size_t>> predecessors(graph.size());
  std::vector<bool> ends(graph.size(), false);
  std::deque<std::size_t> queue;
  for (std::size_t node = 0; node < graph.size(); ++node) {
    for (const Edge& edge : graph.successors[node]) {
      if (edge.submits) predecessors[edge.to].push_back(node);
    }
    bool is_end = node == graph.completion || graph.hands_over[node] || graph.unknown_next[node] ||
                  ends_journey(journey.steps[node].kind);
    if (is_end) ends[node] = true, queue.push_back(node);
  }
  while (!queue.empty()) {
    std::size_t node = queue.front();
    queue.pop_front();
    for (std::size_t from : predecessors[node]) {
      if (!ends[from]) ends[from] = true, queue.push_back(from);
    }
  }
  return ends;
}

// The steps a dead-end step leads to by its `next`s (itself included), in source order.
std::vector<std::size_t> steps_after(const StepGraph& graph, std::size_t start) {
  std::vector<bool> seen(graph.size(), false);
  std::vector<std::size_t> stack{start};
  seen[start] = true;
  while (!stack.empty()) {
    std::size_t node = stack.back();
    stack.pop_back();
    for (const Edge& edge : graph.successors[node]) {
      if (edge.submits && !seen[edge.to]) seen[edge.to] = true, stack.push_back(edge.to);
    }
  }
  std::vector<std::size_t> result;
  for (std::size_t node = 0; node < graph.size(); ++node) {
    if (seen[node]) result.push_back(node);
  }
  return result;
}

void check_dead_ends(const Journey& journey, const StepGraph& graph, std::vector<Diagnostic>& out) {
  const auto& steps = journey.steps;
  auto without_next = [&](std::size_t i) {
    return !ends_journey(steps[i].kind) && steps[i].nexts.empty();
  };
  std::vector<bool> ends = reaches_an_end(journey, graph);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (ends[i] || ends_journey(steps[i].kind)) continue;
    if (steps[i].nexts.empty()) {
      report(out, Severity::error, "dead-end-step", steps[i].name.span,
             fmt::format("{} has no `next`, so nobody can go on from it; add a `next STEP` (or "
                         "`next complete`) saying where the journey goes after it",
                         page_name(steps[i])));
      continue;
    }
    // A step that only leads to one without a `next` is reported there, not again here.
    std::vector<std::size_t> after = steps_after(graph, i);
    if (std::any_of(after.begin(), after.end(), without_next)) continue;
    std::vector<std::string> names;
    for (std::size_t node : after) names.push_back(steps[node].name.text);
    report(out, Severity::error, "dead-end-step", steps[i].name.span,
           fmt::format("{} never reaches an end of the journey: its `next`s only go round {} and "
                       "back; add a `next` that leads on to check_answers, an outcome or another "
                       "step that does",
                       page_name(steps[i]), joined(names, ", ")));
  }
}

// ---- the `next`s of a step ----

// The values an answer asked on this step can take, when they are known: yes_no and choices.
std::map<std::string, std::set<std::string>> answer_values(const Step& step,
                                                           const ChoiceValues& choice_values) {
  std::map<std::string, std::set<std::string>> result;
  for (const Ask& ask : step.asks) {
    if (ask.type.is_list) continue;
    if (ask.type.name.text == "yes_no") {
      result[ask.answer.text] = {"yes", "no"};
    } else if (choice_values) {
      if (auto values = choice_values(ask.type.name.text)) {
        result[ask.answer.text] = {values->begin(), values->end()};
      }
    }
  }
  return result;
}

// A value as a condition compares with it: yes, no, a choice value, or a plain string.
std::optional<std::string> value_text(const Expr& expr) {
  if (const auto* literal = std::get_if<syntax::Literal>(&expr.node)) {
    if (literal->kind == syntax::Literal::Kind::yes) return "yes";
    if (literal->kind == syntax::Literal::Kind::no) return "no";
    return std::nullopt;
  }
  if (const auto* ref = std::get_if<NameRef>(&expr.node)) return ref->name;
  if (const auto* text = std::get_if<syntax::Template>(&expr.node);
      text && text->parts.size() == 1) {
    if (const auto* piece = std::get_if<std::string>(&text->parts[0])) return *piece;
  }
  return std::nullopt;
}

using AnswerValues = std::map<std::string, std::set<std::string>>;
using Coverage = std::pair<std::string, std::set<std::string>>;  // answer, values

// The answer a condition tests and the values for which it holds, when the condition has the
// shape ANSWER = V, ANSWER != V, ANSWER in [V1, V2], `not` or `or` of those, on one answer.
std::optional<Coverage> values_where_true(const Expr& condition, const AnswerValues& values) {
  auto answer_of = [&](const Expr& expr) -> const std::string* {
    const auto* ref = std::get_if<NameRef>(&expr.node);
    return ref && values.count(ref->name) ? &ref->name : nullptr;
  };
  auto all_but = [&](const std::string& answer, const std::set<std::string>& excluded) {
    std::set<std::string> rest;
    for (const auto& v : values.at(answer)) {
      if (!excluded.count(v)) rest.insert(v);
    }
    return rest;
  };
  if (const auto* unary = std::get_if<syntax::Unary>(&condition.node)) {
    if (unary->op != syntax::UnaryOp::not_) return std::nullopt;
    auto inner = values_where_true(*unary->operand, values);
    if (!inner) return std::nullopt;
    return Coverage{inner->first, all_but(inner->first, inner->second)};
  }
  const auto* binary = std::get_if<Binary>(&condition.node);
  if (!binary) return std::nullopt;
  switch (binary->op) {
    case BinaryOp::eq:
    case BinaryOp::ne: {
      const std::string* answer = answer_of(*binary->lhs);
      std::optional<std::string> value = value_text(*binary->rhs);
      if (!answer || !value) answer = answer_of(*binary->rhs), value = value_text(*binary->lhs);
      if (!answer || !value) return std::nullopt;
      if (binary->op == BinaryOp::eq) return Coverage{*answer, {*value}};
      return Coverage{*answer, all_but(*answer, {*value})};
    }
    case BinaryOp::in: {
      const std::string* answer = answer_of(*binary->lhs);
      const auto* list = std::get_if<syntax::ListLiteral>(&binary->rhs->node);
      if (!answer || !list) return std::nullopt;
      Coverage result{*answer, {}};
      for (const auto& item : list->items) {
        auto value = value_text(*item);
        if (!value) return std::nullopt;
        result.second.insert(*value);
      }
      return result;
    }
    case BinaryOp::or_: {
      auto lhs = values_where_true(*binary->lhs, values);
      auto rhs = values_where_true(*binary->rhs, values);
      if (!lhs || !rhs || lhs->first != rhs->first) return std::nullopt;
      lhs->second.insert(rhs->second.begin(), rhs->second.end());
      return lhs;
    }
    default:
      return std::nullopt;
  }
}

void check_default_next(const Journey& journey, const ChoiceValues& choice_values,
                        std::vector<Diagnostic>& out) {
  for (const Step& step : journey.steps) {
    if (ends_journey(step.kind) || step.nexts.empty()) continue;
    bool all_conditional = std::all_of(step.nexts.begin(), step.nexts.end(),
                                       [](const auto& next) { return next.when != nullptr; });
    if (!all_conditional) continue;
    AnswerValues values = answer_values(step, choice_values);
    std::map<std::string, std::set<std::string>> covered;
    for (const auto& next : step.nexts) {
      if (auto coverage = values_where_true(*next.when, values)) {
        covered[coverage->first].insert(coverage->second.begin(), coverage->second.end());
      }
    }
    std::vector<std::string> missing;  // of the one answer the conditions test, if only one
    bool exhaustive = false;
    for (const auto& [answer, seen] : covered) {
      missing.clear();
      for (const auto& value : values.at(answer)) {
        if (!seen.count(value)) missing.push_back(value);
      }
      exhaustive = exhaustive || missing.empty();
    }
    if (exhaustive) continue;
    std::string uncovered =
        covered.size() == 1
            ? fmt::format(" (\"{}\" can also be {})", covered.begin()->first, joined(missing, ", "))
            : "";
    report(out, Severity::error, "missing-default-next", step.nexts.back().when->span,
           fmt::format("{} has no `next` for when none of its `when` conditions hold{}; add a "
                       "final `next STEP` without `when`",
                       page_name(step), uncovered));
  }
}

void check_unreachable_next(const Journey& journey, std::vector<Diagnostic>& out) {
  for (const Step& step : journey.steps) {
    const syntax::Next* always = nullptr;
    for (const auto& next : step.nexts) {
      if (always) {
        report(out, Severity::warning, "unreachable-next", next.target.name.span,
               fmt::format("this `next` can never be taken: the `{}` before it has no `when`, so "
                           "it is always taken first; remove this one, or add a `when` to that one",
                           next_text(always->target)));
      } else if (!next.when) {
        always = &next;
      }
    }
  }
}

// ---- what an expression reads ----

// What is known where an expression is evaluated: names bound by queries, options and effects
// (they hide answers of the same name), and answers a guard (`x is asked`) shows are asked.
struct Context {
  std::set<std::string> bound;
  Answers guarded;

  Context binding(const std::string& name) const {
    Context c = *this;
    if (!name.empty()) c.bound.insert(name);
    return c;
  }
  Context guarding(const Answers& answers) const {
    Context c = *this;
    c.guarded.insert(answers.begin(), answers.end());
    return c;
  }
};

// The answers known to be asked when `condition` evaluates to `outcome`.
Answers asked_when(const Expr& condition, bool outcome) {
  if (const auto* test = std::get_if<IsTest>(&condition.node)) {
    const auto* ref = std::get_if<NameRef>(&test->subject->node);
    if (test->what == IsWhat::asked && ref && test->negated != outcome) return {ref->name};
    return {};
  }
  if (const auto* unary = std::get_if<syntax::Unary>(&condition.node)) {
    return unary->op == syntax::UnaryOp::not_ ? asked_when(*unary->operand, !outcome) : Answers{};
  }
  const auto* binary = std::get_if<Binary>(&condition.node);
  if (!binary || (binary->op != BinaryOp::and_ && binary->op != BinaryOp::or_)) return {};
  Answers lhs = asked_when(*binary->lhs, outcome);
  Answers rhs = asked_when(*binary->rhs, outcome);
  // `a and b` is true, or `a or b` false, only when both sides are.
  bool both = (binary->op == BinaryOp::and_) == outcome;
  return both ? merged(lhs, rhs) : common(lhs, rhs);
}

Context guarded_by(const ExprPtr& when, const Context& context = {}) {
  return when ? context.guarding(asked_when(*when, true)) : context;
}

// Called for each name an expression reads and does not bind; `tested` when the name is only
// the subject of `is asked`, which reads no value.
using NameVisitor =
    std::function<void(const Expr& ref, const std::string& name, const Context&, bool tested)>;

void walk(const Expr& expr, const Context& context, const NameVisitor& visit);

void walk(const ExprPtr& expr, const Context& context, const NameVisitor& visit) {
  if (expr) walk(*expr, context, visit);
}

void walk(const Expr& expr, const Context& context, const NameVisitor& visit) {
  std::visit(
      Overloaded{
          [](const syntax::Literal&) {},
          [](const syntax::Duration&) {},
          [&](const syntax::Template& text) {
            for (const auto& part : text.parts) {
              if (const auto* inner = std::get_if<ExprPtr>(&part)) walk(*inner, context, visit);
            }
          },
          [&](const NameRef& ref) {
            if (!context.bound.count(ref.name)) visit(expr, ref.name, context, false);
          },
          [&](const syntax::FieldAccess& access) { walk(access.object, context, visit); },
          [&](const syntax::Call& call) {
            for (const auto& arg : call.args) walk(arg, context, visit);
          },
          [&](const syntax::Unary& unary) { walk(unary.operand, context, visit); },
          [&](const Binary& binary) {
            walk(binary.lhs, context, visit);
            if (binary.op == BinaryOp::and_ || binary.op == BinaryOp::or_) {
              bool lhs_outcome = binary.op == BinaryOp::and_;  // when the rhs is evaluated
              walk(binary.rhs, context.guarding(asked_when(*binary.lhs, lhs_outcome)), visit);
            } else {
              walk(binary.rhs, context, visit);
            }
          },
          [&](const IsTest& test) {
            const auto* ref = std::get_if<NameRef>(&test.subject->node);
            if (test.what == IsWhat::asked && ref) {
              if (!context.bound.count(ref->name)) visit(*test.subject, ref->name, context, true);
            } else {
              walk(test.subject, context, visit);
            }
          },
          [&](const syntax::IfThenElse& choice) {
            walk(choice.condition, context, visit);
            walk(choice.then_value, context.guarding(asked_when(*choice.condition, true)), visit);
            walk(choice.else_value, context.guarding(asked_when(*choice.condition, false)), visit);
          },
          [&](const syntax::ListLiteral& list) {
            for (const auto& item : list.items) walk(item, context, visit);
          },
          [&](const syntax::Query& query) {
            walk(query.collection, context, visit);
            Context inner = context.binding(query.variable.text);
            walk(query.projection, inner, visit);
            walk(query.where, inner, visit);
            for (const auto& key : query.sort) walk(key.key, inner, visit);
          },
      },
      expr.node);
}

// ---- where expressions are evaluated ----

// A point of the journey: a step's page (shown before its answers are given), the step once
// submitted (its checks, lets and nexts, which see its answers), or before the journey starts.
struct Point {
  std::size_t node = kNone;  // a step, or the completion node; kNone: before the journey starts
  bool submitted = false;
};

using SiteVisitor = std::function<void(const Expr&, const Point&, const Context&)>;

void ask_sites(const Ask& ask, const Point& page, const SiteVisitor& visit) {
  auto at = [&](const ExprPtr& expr, const Context& context) {
    if (expr) visit(*expr, page, context);
  };
  Context option = Context{}.binding(ask.option_variable.text);
  at(ask.label, {});
  at(ask.option_collection, {});
  at(ask.option_where, option);
  for (const auto& key : ask.option_sort) at(key.key, option);
  at(ask.option_value, option);
  at(ask.option_label, option);
  at(ask.option_hint, option);
  for (const auto& fixed : ask.fixed_options) at(fixed.label, {});
  at(ask.blank_message, {});
}

void step_sites(const Step& step, std::size_t node, const SiteVisitor& visit) {
  const Point page{node, false};
  const Point submitted{node, true};
  auto at = [&](const ExprPtr& expr, const Point& point, const Context& context) {
    if (expr) visit(*expr, point, context);
  };
  at(step.title, page, {});
  at(step.button, page, {});
  at(step.inset, page, {});
  for (const auto& text : step.texts) {
    at(text.when, page, {});
    at(text.text, page, guarded_by(text.when));
  }
  for (const auto& link : step.links) {
    at(link.when, page, {});
    at(link.text, page, guarded_by(link.when));
    at(link.target.with, page, guarded_by(link.when));
  }
  for (const Ask& ask : step.asks) ask_sites(ask, page, visit);
  for (const auto& check : step.checks) {
    at(check.condition, submitted, {});
    // The message is shown when the condition is false.
    at(check.message, submitted, Context{}.guarding(asked_when(*check.condition, false)));
  }
  for (const Let& let : step.lets) at(let.value, submitted, {});
  for (const auto& next : step.nexts) {
    at(next.when, submitted, {});
    at(next.target.with, submitted, guarded_by(next.when));
  }
}

void effect_sites(const std::vector<EffectPtr>& effects, const Point& point, Context context,
                  const SiteVisitor& visit) {
  auto at = [&](const ExprPtr& expr, const Context& c) {
    if (expr) visit(*expr, point, c);
  };
  for (const EffectPtr& effect : effects) {
    if (effect->kind == syntax::Effect::Kind::for_each) {
      at(effect->target, context);
      Context each = context.binding(effect->binding.text);
      at(effect->when, each);
      effect_sites(effect->body, point, guarded_by(effect->when, each), visit);
      continue;
    }
    at(effect->when, context);
    Context guarded = guarded_by(effect->when, context);
    at(effect->target, guarded);
    for (const auto& assignment : effect->assignments) at(assignment.value, guarded);
    // `create ... as NAME` names the record for the effects after it.
    if (effect->kind == syntax::Effect::Kind::create)
      context = context.binding(effect->binding.text);
  }
}

// Every expression of the journey where it is evaluated, except journey-level lets (they are
// evaluated where they are read).
void for_each_site(const Journey& journey, std::size_t completion, const SiteVisitor& visit) {
  if (journey.title) visit(*journey.title, Point{}, {});
  if (journey.start_when) visit(*journey.start_when, Point{}, {});
  for (std::size_t i = 0; i < journey.steps.size(); ++i) step_sites(journey.steps[i], i, visit);
  effect_sites(journey.on_complete, Point{completion, false}, {}, visit);
}

// ---- answers asked on every path ----

class AskedOnEveryPath {
 public:
  AskedOnEveryPath(const Journey& journey, const StepGraph& graph, std::vector<Diagnostic>& out)
      : journey_(journey), graph_(graph), out_(out), own_(graph.size()), step_lets_(graph.size()) {
    for (std::size_t i = 0; i < journey.steps.size(); ++i) {
      for (const Ask& ask : journey.steps[i].asks) own_[i].insert(ask.answer.text);
      for (const Let& let : journey.steps[i].lets) step_lets_[i].emplace(let.name.text, &let);
      answers_.insert(own_[i].begin(), own_[i].end());
    }
    for (const Let& let : journey.lets) journey_lets_.emplace(let.name.text, &let);
  }

  void run() {
    compute_asked_on_entry();
    for_each_site(journey_, graph_.completion,
                  [&](const Expr& expr, const Point& point, const Context& context) {
                    check_reads(expr, point, context);
                  });
  }

 private:
  // Must-analysis: on entry to a step, the answers asked on every edge into it.
  void compute_asked_on_entry() {
    entry_.assign(graph_.size(), answers_);  // unreachable steps: everything (nothing reported)
    if (graph_.first == kNone) return;
    entry_[graph_.first] = {};
    std::vector<std::vector<std::pair<std::size_t, bool>>> predecessors(graph_.size());
    for (std::size_t node = 0; node < graph_.size(); ++node) {
      if (!graph_.reachable[node]) continue;
      for (const Edge& edge : graph_.successors[node]) {
        predecessors[edge.to].push_back({node, edge.submits});
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t node = 0; node < graph_.size(); ++node) {
        if (!graph_.reachable[node] || node == graph_.first) continue;
        Answers asked = answers_;
        for (auto [from, submits] : predecessors[node]) {
          asked = common(asked, submits ? merged(entry_[from], own_[from]) : entry_[from]);
        }
        if (asked != entry_[node]) entry_[node] = std::move(asked), changed = true;
      }
    }
  }

  Answers asked_at(const Point& point) const {
    if (point.node == kNone) return {};
    return point.submitted ? merged(entry_[point.node], own_[point.node]) : entry_[point.node];
  }

  const Let* step_let(const std::string& name, std::size_t step) const {
    if (step >= journey_.steps.size()) return nullptr;
    auto it = step_lets_[step].find(name);
    return it == step_lets_[step].end() ? nullptr : it->second;
  }
  const Let* journey_let(const std::string& name) const {
    auto it = journey_lets_.find(name);
    return it == journey_lets_.end() ? nullptr : it->second;
  }

  // The answers a let reads without a guard, through the lets it reads. `step` is the step a
  // step-level let belongs to, or kNone for a journey-level one.
  const Answers& let_reads(const Let& let, std::size_t step) {
    if (auto it = let_reads_.find(&let); it != let_reads_.end()) return it->second;
    let_reads_[&let];  // empty while it is worked out: a let that reads itself adds nothing
    Answers reads;
    walk(let.value, {}, [&](const Expr&, const std::string& name, const Context& c, bool tested) {
      if (tested) return;
      Answers read;
      if (answers_.count(name))
        read = {name};
      else if (const Let* inner = step_let(name, step))
        read = let_reads(*inner, step);
      else if (const Let* outer = journey_let(name))
        read = let_reads(*outer, kNone);
      for (const auto& answer : read) {
        if (!c.guarded.count(answer)) reads.insert(answer);
      }
    });
    return let_reads_[&let] = std::move(reads);
  }

  void check_reads(const Expr& expr, const Point& point, const Context& context) {
    Answers asked = asked_at(point);
    std::size_t step = point.node < journey_.steps.size() ? point.node : kNone;
    walk(expr, context,
         [&](const Expr& ref, const std::string& name, const Context& c, bool tested) {
           if (tested) return;
           auto need = [&](const std::string& answer, const Let* via) {
             if (!c.guarded.count(answer) && !asked.count(answer))
               report_unasked(answer, ref, point, via);
           };
           if (answers_.count(name)) {
             need(name, nullptr);
           } else if (const Let* let = step_let(name, step)) {
             // Its definition is checked once the step is submitted; a page shown before then
             // can still lack the step's own answers.
             for (const auto& answer : let_reads(*let, step)) {
               if (!point.submitted && own_[step].count(answer)) need(answer, let);
             }
           } else if (const Let* let = journey_let(name)) {
             for (const auto& answer : let_reads(*let, kNone)) need(answer, let);
           }
         });
  }

  // A path from the first step to `node` on which `answer` is never asked, as step names.
  std::vector<std::string> path_without(const std::string& answer, std::size_t node) const {
    std::vector<std::size_t> parent(graph_.size(), kNone);
    std::vector<bool> seen(graph_.size(), false);
    std::deque<std::size_t> queue{graph_.first};
    seen[graph_.first] = true;
    while (!queue.empty() && !seen[node]) {
      std::size_t from = queue.front();
      queue.pop_front();
      for (const Edge& edge : graph_.successors[from]) {
        if (seen[edge.to] || (edge.submits && own_[from].count(answer))) continue;
        seen[edge.to] = true, parent[edge.to] = from, queue.push_back(edge.to);
      }
    }
    std::vector<std::string> names;
    if (!seen[node]) return names;
    for (std::size_t at = node; at != kNone; at = parent[at]) {
      if (at != graph_.completion) names.push_back(journey_.steps[at].name.text);
    }
    std::reverse(names.begin(), names.end());
    return names;
  }

  void report_unasked(const std::string& answer, const Expr& ref, const Point& point,
                      const Let* via) {
    if (!reported_.insert({ref.span.begin, ref.span.end, answer}).second) return;
    std::string read =
        via ? fmt::format("\"{}\" is read here (through `{}`)", answer, via->name.text)
            : fmt::format("\"{}\" is read here", answer);
    std::string message;
    if (point.node == kNone) {
      message = fmt::format(
          "{}, but nothing has been asked yet when the journey starts; read it "
          "on a step after the one that asks it",
          read);
    } else if (!point.submitted && point.node < journey_.steps.size() &&
               own_[point.node].count(answer)) {
      message = fmt::format(
          "{}, but it is asked on this page, so it has no answer yet when the "
          "page is shown; read it in this step's `check`s and `next`s, or on a "
          "later step",
          read);
    } else {
      std::vector<std::string> path = path_without(answer, point.node);
      std::string example =
          path.empty() ? "" : fmt::format(" (for example via {})", joined(path, " → "));
      message = fmt::format(
          "{}, but it is not asked on every path to this point{}; guard the "
          "read with `if {} is asked then ... else ...`",
          read, example, answer);
    }
    report(out_, Severity::error, "answer-maybe-unasked", ref.span, std::move(message));
  }

  const Journey& journey_;
  const StepGraph& graph_;
  std::vector<Diagnostic>& out_;
  Answers answers_;             // every answer the journey asks
  std::vector<Answers> own_;    // per node: the answers it asks
  std::vector<Answers> entry_;  // per node: asked on every path into it
  std::vector<std::map<std::string, const Let*>> step_lets_;
  std::map<std::string, const Let*> journey_lets_;
  std::map<const Let*, Answers> let_reads_;
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> reported_;
};

// ---- unused answers ----

// Every answer is shown on check_answers; without one, an answer nothing reads is wasted.
void check_unused_answers(const Journey& journey, const StepGraph& graph,
                          std::vector<Diagnostic>& out) {
  bool shown = std::any_of(journey.steps.begin(), journey.steps.end(),
                           [](const Step& s) { return s.kind == StepKind::check_answers; });
  if (shown) return;
  std::set<std::string> read;
  NameVisitor note_read = [&](const Expr&, const std::string& name, const Context&, bool) {
    read.insert(name);
  };
  for_each_site(journey, graph.completion, [&](const Expr& expr, const Point&, const Context& c) {
    walk(expr, c, note_read);
  });
  for (const Let& let : journey.lets) walk(let.value, {}, note_read);
  std::set<std::string> warned;
  for (const Step& step : journey.steps) {
    for (const Ask& ask : step.asks) {
      const std::string& answer = ask.answer.text;
      if (read.count(answer) || !warned.insert(answer).second) continue;
      report(out, Severity::warning, "unused-answer", ask.answer.span,
             fmt::format("\"{}\" is asked on {} but nothing reads it, and journey {} has no "
                         "check_answers to show it; use it in a `next`, `check`, text or effect, "
                         "or remove the `ask`",
                         answer, page_name(step), journey.name.text));
    }
  }
}

}  // namespace

void check_journey_flow(const syntax::Journey& journey, std::vector<Diagnostic>& out,
                        JourneyFlowFacts* facts, const ChoiceValues& choice_values) {
  StepGraph graph = build_step_graph(journey);
  check_duplicate_steps(journey, out);
  check_duplicate_answers(journey, out, facts);
  check_reachable(journey, graph, out);
  check_dead_ends(journey, graph, out);
  check_default_next(journey, choice_values, out);
  check_unreachable_next(journey, out);
  AskedOnEveryPath(journey, graph, out).run();
  check_unused_answers(journey, graph, out);
}

}  // namespace ectflow::check
