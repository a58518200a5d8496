// Pass 2 for journeys and views: names and types in every page, link and effect.
#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/journey_flow.hpp"

namespace ectflow::check {

using namespace syntax;
using K = Type::Kind;

namespace {

std::vector<std::string> step_names(const Journey& journey) {
  std::vector<std::string> names;
  for (const auto& step : journey.steps) names.push_back(step.name.text);
  return names;
}

template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

void collect_creates(const std::vector<EffectPtr>& effects, std::vector<const Effect*>& out) {
  for (const auto& effect : effects) {
    if (effect->kind == Effect::Kind::create && !effect->binding.empty()) out.push_back(effect.get());
    collect_creates(effect->body, out);
  }
}

}  // namespace

// Binds who acts (`for school`) and the record a page starts from (`from mentor`).
Type Checker::bind_subject(Scope& scope, const Name& actor, const Name& from) {
  Type subject;
  for (const Name* name : {&actor, &from}) {
    if (name->empty()) continue;
    if (!program_.records.count(name->text)) {
      unknown(*name, "unknown-record", "record", keys_of(program_.records));
      continue;
    }
    subject = Type::of(K::record, name->text);
    scope.bind(name->text, Binding{Binding::Kind::record, subject});
  }
  return subject;
}

void Checker::check_journey(const Journey& journey) {
  Scope scope(&collections());
  bind_subject(scope, journey.actor, journey.from);
  std::vector<const Effect*> creates;
  collect_creates(journey.on_complete, creates);
  for (const Effect* create : creates) {
    if (program_.records.count(create->record.text)) {
      scope.bind(create->binding.text, Binding{Binding::Kind::record, Type::of(K::record, create->record.text)});
    }
  }
  for (const auto& step : journey.steps) {
    for (const auto& ask : step.asks) {
      Binding answer{Binding::Kind::answer, resolve_type(ask.type)};
      answer.ask = &ask;
      scope.bind(ask.answer.text, answer);
    }
  }
  for (const auto& let : journey.lets) {
    Binding b{Binding::Kind::let, Type{}};
    b.let_value = let.value.get();
    scope.bind(let.name.text, b);
  }
  if (journey.start_when) expect(*journey.start_when, scope, K::yes_no, "the journey's `when`");
  (void)type_of(*journey.title, scope);
  for (const auto& let : journey.lets) (void)name_type(*let.value, let.name.text, scope);
  for (const auto& step : journey.steps) check_step(journey, step, scope);
  Scope effects(&scope);
  for (const auto& effect : journey.on_complete) check_effect(*effect, effects);

  bool has_check_answers = false, has_confirmation = false, completes = false;
  for (const auto& step : journey.steps) {
    has_check_answers |= step.kind == StepKind::check_answers;
    has_confirmation |= step.kind == StepKind::confirmation;
    for (const auto& next : step.nexts) completes |= next.target.kind == Target::Kind::complete;
  }
  if ((has_check_answers || completes) && !has_confirmation) {
    error(journey.name.span, "missing-confirmation",
          fmt::format("journey {} can complete but has no `confirmation` page to show afterwards; "
                      "add `confirmation \"...\" end`",
                      journey.name.text));
  }
  if (!journey.on_complete.empty() && !has_check_answers && !completes) {
    error(journey.on_complete_span, "effects-never-run",
          "these effects never run: the journey has no `check_answers` page and no `next complete`");
  }

  check_journey_flow(journey, out_, nullptr, [this](const std::string& type_name) {
    std::vector<std::string> values = choice_values(resolve_quiet(type_name));
    return values.empty() ? std::nullopt : std::optional<std::vector<std::string>>(std::move(values));
  });
}

Type Checker::resolve_quiet(const std::string& name) const {
  if (name == "yes_no") return Type::of(K::yes_no);
  if (program_.choices.count(name)) return Type::of(K::choice, name);
  return Type{};
}

void Checker::check_step(const Journey& journey, const Step& step, Scope& journey_scope) {
  Scope scope(&journey_scope);
  for (const auto& let : step.lets) {
    Binding b{Binding::Kind::let, Type{}};
    b.let_value = let.value.get();
    scope.bind(let.name.text, b);
  }
  if (step.title) (void)type_of(*step.title, scope);
  for (const auto& ask : step.asks) check_ask(ask, scope);
  for (const auto& check : step.checks) {
    expect(*check.condition, scope, K::yes_no, "a check's condition");
    // The message may write values in ("on or after {current_cohort.start}"): type them, so a
    // wrong name is reported and the compiler knows each field's record.
    (void)type_of(*check.message, scope);
    check_error_code(check.code, *check.message);
  }
  for (const auto& let : step.lets) (void)name_type(*let.value, let.name.text, scope);
  for (const auto& text : step.texts) {
    (void)type_of(*text.text, scope);
    if (text.when) expect(*text.when, scope, K::yes_no, "the `when` of a text");
  }
  for (const auto& link : step.links) check_link(link, &journey, scope);
  expect_text(step.button.get(), scope);
  expect_text(step.inset.get(), scope);
  for (const auto& answer : step.unchangeable) {
    const Binding* b = scope.find(answer.text);
    if (!b || b->kind != Binding::Kind::answer) {
      std::vector<std::string> answers;
      for (const auto& s : journey.steps) {
        for (const auto& a : s.asks) answers.push_back(a.answer.text);
      }
      unknown(answer, "unknown-answer", "answer in journey " + journey.name.text, answers);
    }
  }
  for (const auto& next : step.nexts) {
    check_target(next.target, &journey, scope);
    if (next.when) expect(*next.when, scope, K::yes_no, "the `when` of a `next`");
  }
  if (step.kind == StepKind::question && step.asks.empty()) {
    error(step.name.span, "step-without-question",
          fmt::format("step {} asks nothing; add an `ask`, or make it an `interstitial` page",
                      step.name.text));
  }
}

void Checker::check_ask(const Ask& ask, const Scope& scope) {
  Type answer = resolve_type(ask.type);
  if (ask.label) (void)type_of(*ask.label, scope);
  if (ask.blank_message) (void)type_of(*ask.blank_message, scope);
  for (const auto& option : ask.fixed_options) (void)type_of(*option.label, scope);
  if (!ask.option_collection) {
    if (answer.kind == K::record && !answer.list) {
      error(ask.type.span, "missing-options",
            fmt::format("a question whose answer is a {} record must say which ones to offer, like "
                        "`options m in {}s where ...`",
                        answer.name, answer.name));
    }
    return;
  }
  Type element = query_element(*ask.option_collection, scope);
  if (answer.known() && element.known() && answer.kind == K::record && !compatible(answer, element)) {
    error(ask.option_collection->span, "type-mismatch",
          fmt::format("the answer is {} but the options are {}", describe(answer), describe(Type::list_of(element))));
  }
  Scope inner(&scope);
  inner.bind(ask.option_variable.text, Binding{Binding::Kind::variable, element});
  if (ask.option_where) expect(*ask.option_where, inner, K::yes_no, "the condition after `where`");
  for (const auto& key : ask.option_sort) (void)type_of(*key.key, inner);
  for (const auto* part : {ask.option_value.get(), ask.option_label.get(), ask.option_hint.get()}) {
    if (part) (void)type_of(*part, inner);
  }
}

void Checker::check_target(const Target& target, const Journey* journey, const Scope& scope) {
  const Name* from = nullptr;
  switch (target.kind) {
    case Target::Kind::complete:
      return;
    case Target::Kind::step:
      if (!journey) {
        error(target.name.span, "unknown-step", "a view has no steps; link to a journey with `starts` instead");
      } else if (std::none_of(journey->steps.begin(), journey->steps.end(),
                              [&](const Step& s) { return s.name.text == target.name.text; })) {
        unknown(target.name, "unknown-step", "step in journey " + journey->name.text, step_names(*journey));
      }
      return;
    case Target::Kind::start_journey: {
      auto it = program_.journeys.find(target.name.text);
      if (it == program_.journeys.end()) {
        unknown(target.name, "unknown-journey", "journey", keys_of(program_.journeys));
        return;
      }
      from = &it->second->from;
      break;
    }
    case Target::Kind::open_view: {
      auto it = program_.views.find(target.name.text);
      if (it == program_.views.end()) {
        unknown(target.name, "unknown-view", "view", keys_of(program_.views));
        return;
      }
      from = &it->second->from;
      break;
    }
  }
  if (from->empty() && target.with) {
    error(target.with->span, "unexpected-with",
          fmt::format("{} does not start from a record, so it takes no `with`", target.name.text));
  } else if (!from->empty() && !target.with) {
    error(target.name.span, "missing-with",
          fmt::format("{} starts from a {}: say which one, like `with {}`", target.name.text, from->text,
                      from->text));
  } else if (target.with) {
    Type t = type_of(*target.with, scope);
    if (t.known() && !(t.kind == K::record && !t.list && t.name == from->text) && t.kind != K::text) {
      error(target.with->span, "type-mismatch",
            fmt::format("{} starts from a {} record, but this is {}", target.name.text, from->text, describe(t)));
    }
  }
}

void Checker::check_link(const Link& link, const Journey* journey, const Scope& scope) {
  (void)type_of(*link.text, scope);
  check_target(link.target, journey, scope);
  if (link.when) expect(*link.when, scope, K::yes_no, "the `when` of a link");
}

void Checker::check_assignments(const std::string& record, const std::vector<Assignment>& assignments,
                                const Scope& scope) {
  auto it = program_.records.find(record);
  if (it == program_.records.end()) return;
  for (const auto& assignment : assignments) {
    const FieldDecl* field = nullptr;
    for (const auto& f : it->second->fields) {
      if (f.name.text == assignment.field.text) field = &f;
    }
    Type value = type_of(*assignment.value, scope);
    if (!field) {
      std::vector<std::string> stored;
      for (const auto& f : it->second->fields) {
        if (!f.derived) stored.push_back(f.name.text);
      }
      unknown(assignment.field, "unknown-field", "field of record " + record, stored);
      continue;
    }
    if (field->derived) {
      error(assignment.field.span, "assign-derived",
            fmt::format("`{}` is derived from other records, so it cannot be set; set what it is "
                        "derived from instead",
                        field->name.text));
      continue;
    }
    Type declared = resolve_type(field->type);
    if (!compatible(declared, value)) {
      error(assignment.value->span, "type-mismatch",
            fmt::format("`{}` holds {}, but this is {}", field->name.text, describe(declared), describe(value)));
    }
  }
}

void Checker::check_effect(const Effect& effect, Scope& scope) {
  auto record_of = [&](const Expr& target) -> std::string {
    Type t = type_of(target, scope);
    if (t.known() && (t.kind != K::record || t.list)) {
      error(target.span, "type-mismatch", fmt::format("only a record can be changed, and this is {}", describe(t)));
      return {};
    }
    return t.name;
  };
  switch (effect.kind) {
    case Effect::Kind::create:
      if (!program_.records.count(effect.record.text)) {
        unknown(effect.record, "unknown-record", "record", keys_of(program_.records));
      }
      if (effect.when) expect(*effect.when, scope, K::yes_no, "the `when` of an effect");
      check_assignments(effect.record.text, effect.assignments, scope);
      break;
    case Effect::Kind::update: {
      std::string record = record_of(*effect.target);
      if (effect.when) expect(*effect.when, scope, K::yes_no, "the `when` of an effect");
      check_assignments(record, effect.assignments, scope);
      break;
    }
    case Effect::Kind::remove:
      (void)record_of(*effect.target);
      if (effect.when) expect(*effect.when, scope, K::yes_no, "the `when` of an effect");
      break;
    case Effect::Kind::for_each: {
      Type element = query_element(*effect.target, scope);
      Scope inner(&scope);
      inner.bind(effect.binding.text, Binding{Binding::Kind::variable, element});
      if (effect.when) expect(*effect.when, inner, K::yes_no, "the condition after `where`");
      for (const auto& body : effect.body) check_effect(*body, inner);
      break;
    }
  }
}

void Checker::check_view(const View& view) {
  Scope scope(&collections());
  bind_subject(scope, view.actor, view.from);
  for (const auto& let : view.lets) {
    Binding b{Binding::Kind::let, Type{}};
    b.let_value = let.value.get();
    scope.bind(let.name.text, b);
  }
  (void)type_of(*view.title, scope);
  for (const auto& let : view.lets) (void)name_type(*let.value, let.name.text, scope);
  for (const auto& text : view.texts) {
    (void)type_of(*text.text, scope);
    if (text.when) expect(*text.when, scope, K::yes_no, "the `when` of a text");
  }
  for (const auto& action : view.actions) check_link(action, nullptr, scope);
  std::map<std::string, Span> lists;
  for (const auto& list : view.lists) {
    if (auto [it, inserted] = lists.emplace(list.name.text, list.name.span); !inserted) {
      duplicate(list.name.span, fmt::format("view {} has two lists named `{}`", view.name.text, list.name.text),
                it->second);
    }
    Type element = query_element(*list.collection, scope);
    Scope inner(&scope);
    inner.bind(list.variable.text, Binding{Binding::Kind::variable, element});
    if (list.where) expect(*list.where, inner, K::yes_no, "the condition after `where`");
    for (const auto& key : list.sort) (void)type_of(*key.key, inner);
    if (list.status) {
      Type t = type_of(*list.status, inner);
      if (t.known() && !(t.kind == K::status && !t.list)) {
        error(list.status->span, "type-mismatch",
              fmt::format("a row's `status` must be a record's status, like `e.status`; this is {}", describe(t)));
      }
    }
    for (const auto& text : list.texts) {
      (void)type_of(*text.text, inner);
      if (text.when) expect(*text.when, inner, K::yes_no, "the `when` of a text");
    }
    for (const auto& action : list.actions) check_link(action, nullptr, inner);
  }
}

}  // namespace ectflow::check
