// Pass 2 for records, choices, answer types, hooks and rules.
#include <fmt/format.h>

#include <filesystem>

#include "check/checker.hpp"

namespace ectflow::check {

using namespace syntax;
using K = Type::Kind;

void Checker::check(const FlowFile& file) {
  for (const Declaration& declaration : file.declarations) {
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, RecordDecl>) check_record(d);
          else if constexpr (std::is_same_v<T, ChoiceDecl>) check_choice(d);
          else if constexpr (std::is_same_v<T, TypeDecl>) check_type_decl(d);
          else if constexpr (std::is_same_v<T, HookDecl>) check_hook(d);
          else if constexpr (std::is_same_v<T, RuleDecl>) check_rule(d);
          else if constexpr (std::is_same_v<T, Journey>) check_journey(d);
          else check_view(d);
        },
        declaration);
  }
}

const Scope& Checker::collections() {
  if (!collections_) {
    collections_.emplace();
    for (const auto& [plural, record] : program_.collections) {
      collections_->bind(plural, Binding{Binding::Kind::collection, Type::list_of(Type::of(K::record, record))});
    }
  }
  return *collections_;
}

void Checker::check_record(const RecordDecl& record) {
  Scope scope(&collections());
  scope.bind("this", Binding{Binding::Kind::variable, Type::of(K::record, record.name.text)});
  std::map<std::string, Span> seen;
  for (const auto& field : record.fields) {
    Type t = resolve_type(field.type);
    if (auto [it, inserted] = seen.emplace(field.name.text, field.name.span); !inserted) {
      duplicate(field.name.span,
                fmt::format("field `{}` is declared twice in record {}", field.name.text, record.name.text),
                it->second);
    }
    scope.bind(field.name.text, Binding{Binding::Kind::field, t});
  }
  for (const auto& status : record.statuses) {
    scope.bind(status.name.text,
               Binding{Binding::Kind::field, Type::of(K::status, record.name.text + "." + status.name.text)});
  }
  for (const auto& key : record.keys) {
    if (!seen.count(key.text)) {
      std::vector<std::string> names;
      for (const auto& [n, s] : seen) names.push_back(n);
      unknown(key, "unknown-field", "field of record " + record.name.text, names);
    }
  }
  for (const auto& field : record.fields) {
    if (!field.derived) continue;
    Type declared = resolve_type(field.type);
    Type actual = type_of(*field.derived, scope);
    if (!compatible(declared, actual)) {
      error(field.derived->span, "type-mismatch",
            fmt::format("`{}` is declared as {} but this gives {}", field.name.text, describe(declared),
                        describe(actual)));
    }
  }
  if (record.open_when) expect(*record.open_when, scope, K::yes_no, "the condition of `open when`");
  for (const auto& status : record.statuses) check_status(record, status, scope);
}

void Checker::check_status(const RecordDecl& record, const StatusDecl& status, const Scope& scope) {
  std::map<std::string, Span> codes;
  const StatusRule* otherwise = nullptr;
  for (const auto& rule : status.rules) {
    // One status may apply for several reasons (ineligible: completed / started_not_completed).
    const std::string key = rule.code.text + "/" + rule.reason.text;
    if (auto [it, inserted] = codes.emplace(key, rule.code.span); !inserted && !status.from) {
      duplicate(rule.code.span,
                fmt::format("status `{}` of {} is declared twice with the same reason", rule.code.text,
                            record.name.text),
                it->second);
    }
    expect_text(rule.label.get(), scope);
    if (otherwise) {
      report(Severity::warning, rule.code.span, "unreachable-status-rule",
             fmt::format("status `{}` can never apply: `{}` above it has no `when`, so it always "
                         "applies first; move this rule above it",
                         rule.code.text, otherwise->code.text));
    }
    if (rule.when) expect(*rule.when, scope, K::yes_no, "a status rule's `when`");
    else otherwise = otherwise ? otherwise : &rule;
  }
  if (status.from) {
    Type t = type_of(*status.from, scope);
    if (t.known() && !(t.kind == K::status && !t.list)) {
      error(status.from->span, "type-mismatch",
            fmt::format("`from` must call a hook that returns status, but this gives {}", describe(t)));
    }
  } else if (!otherwise && !status.rules.empty()) {
    error(status.span, "missing-default-status",
          fmt::format("some {} records would have no {}: give the last rule no `when`, so it applies "
                      "when none above does",
                      record.name.text, status.name.text));
  }
}

void Checker::check_choice(const ChoiceDecl& choice) {
  std::map<std::string, Span> seen;
  Scope empty;
  for (const auto& value : choice.values) {
    expect_text(value.label.get(), empty);
    if (auto [it, inserted] = seen.emplace(value.value.text, value.value.span); !inserted) {
      duplicate(value.value.span,
                fmt::format("`{}` is listed twice in choice {}", value.value.text, choice.name.text),
                it->second, "first listed here");
    }
  }
  if (choice.values.empty()) {
    error(choice.name.span, "empty-choice", fmt::format("choice {} lists no options", choice.name.text));
  }
}

void Checker::check_type_decl(const TypeDecl& type) {
  static const std::set<std::string> bases = {"text", "number", "date"};
  if (!bases.count(type.base.text)) {
    error(type.base.span, "unknown-type",
          fmt::format("an answer type must be based on text, number or date, not `{}`", type.base.text));
    return;
  }
  Scope scope(&collections());
  scope.bind("value", Binding{Binding::Kind::variable, Type::of(base_kind(type.base.text), type.base.text)});
  for (const auto& clause : type.clauses) {
    switch (clause.kind) {
      case TypeClause::Kind::blank:
      case TypeClause::Kind::invalid:
        check_error_code(clause.code, *clause.message);
        break;
      case TypeClause::Kind::normalise: {
        Type t = type_of(*clause.expr, scope);
        if (t.known() && !t.is(K::text)) {
          error(clause.expr->span, "type-mismatch",
                fmt::format("`normalise` works on the text as given and must give text; this is {}",
                            describe(t)));
        }
        break;
      }
      case TypeClause::Kind::check:
        expect(*clause.expr, scope, K::yes_no, "a check's condition");
        check_error_code(clause.code, *clause.message);
        break;
    }
  }
}

Type::Kind Checker::base_kind(const std::string& base) {
  return base == "number" ? K::number : base == "date" ? K::date : K::text;
}

void Checker::check_error_code(const Name& code, const Expr& message) {
  Scope empty;
  std::string text;
  if (const auto* t = std::get_if<Template>(&message.node); t && t->parts.size() == 1) {
    if (const auto* s = std::get_if<std::string>(&t->parts[0])) text = *s;
  }
  auto [it, inserted] = error_messages_.emplace(code.text, std::make_pair(text, code.span));
  if (!inserted && !text.empty() && !it->second.first.empty() && it->second.first != text) {
    Diagnostic d;
    d.severity = Severity::warning;
    d.code = "inconsistent-error-message";
    d.span = message.span;
    d.message = fmt::format("error `{}` has a different message here than where it is first given; "
                            "people should see one wording for one problem",
                            code.text);
    d.notes.push_back({it->second.second, "first given here"});
    out_.push_back(std::move(d));
  }
}

void Checker::check_hook(const HookDecl& hook) {
  for (const auto& p : hook.params) (void)resolve_type(p.type);
  (void)resolve_type(hook.result);
  if (hook.file.empty() || hook.file.find("..") != std::string::npos || hook.file.front() == '/' ||
      hook.file.size() < 5 || hook.file.substr(hook.file.size() - 4) != ".lua") {
    error(hook.file_span, "bad-hook-file",
          "a hook's file must be a Lua file inside the project, like \"rules/cohort.lua\"");
  }
}

void Checker::check_rule(const RuleDecl& rule) {
  Scope scope(&collections());
  for (const auto& p : rule.params) {
    scope.bind(p.name.text, Binding{Binding::Kind::parameter, resolve_type(p.type)});
  }
  Type declared = resolve_type(rule.result);
  Type actual = type_of(*rule.body, scope);
  if (!compatible(declared, actual)) {
    error(rule.body->span, "type-mismatch",
          fmt::format("rule `{}` says it gives {} but this gives {}", rule.name.text, describe(declared),
                      describe(actual)));
  }
}

}  // namespace ectflow::check
