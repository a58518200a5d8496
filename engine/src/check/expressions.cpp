// Typing expressions: names resolve in their scope, operators get operands they can use.
#include <fmt/format.h>

#include <regex>

#include "check/builtins.hpp"
#include "check/checker.hpp"
#include "check/suggest.hpp"

namespace ectflow::check {

using namespace syntax;
using K = Type::Kind;

const Binding* Scope::find(const std::string& name) const {
  for (const Scope* s = this; s; s = s->parent_) {
    if (auto it = s->names_.find(name); it != s->names_.end()) return &it->second;
  }
  return nullptr;
}

void Scope::collect_names(std::vector<std::string>& out) const {
  for (const Scope* s = this; s; s = s->parent_) {
    for (const auto& [name, binding] : s->names_) out.push_back(name);
  }
}

bool Checker::is_bare_name(const Expr& expr, std::string& name) const {
  if (const auto* ref = std::get_if<NameRef>(&expr.node)) {
    name = ref->name;
    return true;
  }
  return false;
}

Type Checker::expect(const Expr& expr, const Scope& scope, K kind, const char* where) {
  Type t = type_of(expr, scope);
  if (t.known() && !t.is(kind) && t.kind != K::nothing) {
    error(expr.span, "type-mismatch",
          fmt::format("{} must be {}, but this is {}", where, describe(Type::of(kind)), describe(t)));
    return Type{};
  }
  return t;
}

void Checker::expect_text(const Expr* expr, const Scope& scope) {
  if (expr) (void)type_of(*expr, scope);
}

// The values a bare name may stand for when compared with this expression: a choice's values,
// a status's codes, or an answer's fixed options.
std::optional<std::vector<std::string>> Checker::values_for(const Expr& expr, const Scope& scope) {
  std::vector<std::string> values;
  std::string name;
  if (is_bare_name(expr, name)) {
    if (const Binding* b = scope.find(name); b && b->ask) {
      for (const auto& option : b->ask->fixed_options) values.push_back(option.value.text);
    }
  }
  Type t = type_of(expr, scope);
  for (const auto& v : choice_values(t.element())) values.push_back(v);
  if (values.empty()) return std::nullopt;
  return values;
}

Type Checker::compare_with_value(const Expr& value_side, const Expr& name_side, const Scope& scope,
                                 bool& resolved) {
  resolved = false;
  std::string name;
  if (!is_bare_name(name_side, name) || scope.find(name)) return Type{};
  auto values = values_for(value_side, scope);
  if (!values) return Type{};
  resolved = true;
  facts_.constants[name_side.id] = name;
  if (std::find(values->begin(), values->end(), name) == values->end()) {
    auto suggestion = closest_name(name, *values);
    error(name_side.span, "unknown-value",
          fmt::format("`{}` is not one of the values it is compared with ({}){}", name,
                      fmt::join(*values, ", "), did_you_mean(suggestion)),
          suggestion);
  }
  return type_of(value_side, scope).element();
}

Type Checker::name_type(const Expr& expr, const std::string& name, const Scope& scope) {
  if (const Binding* b = scope.find(name)) {
    if (b->kind == Binding::Kind::let) return let_type(name, *b, scope);
    return b->type;
  }
  std::vector<std::string> candidates;
  scope.collect_names(candidates);
  auto suggestion = closest_name(name, candidates);
  error(expr.span, "unknown-name",
        fmt::format("`{}` is not an answer, value or record known here{}", name, did_you_mean(suggestion)),
        suggestion);
  return Type{};
}

Type Checker::let_type(const std::string& name, const Binding& binding, const Scope& scope) {
  if (auto it = let_types_.find(binding.let_value); it != let_types_.end()) return it->second;
  if (lets_in_progress_.count(name)) {
    error(binding.let_value->span, "cyclic-definition",
          fmt::format("`{}` is defined in terms of itself; break the cycle", name));
    return Type{};
  }
  lets_in_progress_.insert(name);
  Type t = type_of(*binding.let_value, scope);
  lets_in_progress_.erase(name);
  let_types_[binding.let_value] = t;
  return t;
}

Type Checker::type_of(const Expr& expr, const Scope& scope) {
  Type t = infer(expr, scope);
  facts_.types[expr.id] = t;
  return t;
}

Type Checker::infer(const Expr& expr, const Scope& scope) {
  return std::visit(
      [&](const auto& node) -> Type {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Literal>) {
          switch (node.kind) {
            case Literal::Kind::number: return Type::of(K::number);
            case Literal::Kind::date: return Type::of(K::date, "date");
            case Literal::Kind::today: return Type::of(K::date, "date");
            case Literal::Kind::yes:
            case Literal::Kind::no: return Type::of(K::yes_no);
            case Literal::Kind::empty: return Type::of(K::nothing);
          }
          return Type{};
        } else if constexpr (std::is_same_v<T, Template>) {
          for (const auto& part : node.parts) {
            if (const auto* inner = std::get_if<ExprPtr>(&part)) {
              Type t = type_of(**inner, scope);
              if (t.kind == K::record && !t.list) {
                error((*inner)->span, "type-mismatch",
                      fmt::format("a whole {} record cannot be written into text; write one of its "
                                  "fields, like `{{...name}}`",
                                  t.name));
              }
            }
          }
          return Type::of(K::text, "text");
        } else if constexpr (std::is_same_v<T, Duration>) {
          return Type::of(K::duration);
        } else if constexpr (std::is_same_v<T, NameRef>) {
          return name_type(expr, node.name, scope);
        } else if constexpr (std::is_same_v<T, FieldAccess>) {
          Type object = type_of(*node.object, scope);
          if (!object.known()) return Type{};
          if (object.kind == K::status && !object.list) {
            if (node.field.text == "label" || node.field.text == "reason" || node.field.text == "code") {
              return Type::of(K::text, "text");
            }
            error(node.field.span, "unknown-field",
                  fmt::format("a status has `code`, `label` and `reason`, not `{}`", node.field.text));
            return Type{};
          }
          if (object.kind != K::record || object.list) {
            error(node.field.span, "type-mismatch",
                  fmt::format("{} has no fields, so `.{}` cannot be read from it", describe(object),
                              node.field.text));
            return Type{};
          }
          return field_type(object.name, node.field);
        } else if constexpr (std::is_same_v<T, Call>) {
          return call_type(expr, node, scope);
        } else if constexpr (std::is_same_v<T, Unary>) {
          if (node.op == UnaryOp::not_) {
            expect(*node.operand, scope, K::yes_no, "the condition after `not`");
            return Type::of(K::yes_no);
          }
          return expect(*node.operand, scope, K::number, "the value after `-`");
        } else if constexpr (std::is_same_v<T, Binary>) {
          return binary_type(expr, node, scope);
        } else if constexpr (std::is_same_v<T, IsTest>) {
          Type subject = type_of(*node.subject, scope);
          std::string name;
          if (node.what == IsWhat::asked) {
            const Binding* b = is_bare_name(*node.subject, name) ? scope.find(name) : nullptr;
            if (subject.known() && (!b || b->kind != Binding::Kind::answer)) {
              error(node.subject->span, "type-mismatch",
                    "only an answer can be tested with `is asked`; this is not one of the journey's answers");
            }
          } else if (node.what == IsWhat::open && subject.known()) {
            if (subject.kind != K::record || subject.list) {
              error(node.subject->span, "type-mismatch",
                    fmt::format("only a record can be open, and this is {}", describe(subject)));
            } else if (auto it = program_.records.find(subject.name);
                       it != program_.records.end() && !it->second->open_when) {
              error(node.subject->span, "not-openable",
                    fmt::format("record {} does not say when it is open; add `open when ...` to it",
                                subject.name));
            }
          }
          return Type::of(K::yes_no);
        } else if constexpr (std::is_same_v<T, IfThenElse>) {
          expect(*node.condition, scope, K::yes_no, "the condition of `if`");
          Type a = type_of(*node.then_value, scope);
          Type b = type_of(*node.else_value, scope);
          if (!compatible(a, b)) {
            error(node.else_value->span, "type-mismatch",
                  fmt::format("`then` gives {} but `else` gives {}; both must give the same kind of value",
                              describe(a), describe(b)));
          }
          return a.kind == K::nothing ? b : a;
        } else if constexpr (std::is_same_v<T, ListLiteral>) {
          Type element = Type::of(K::nothing);
          for (const auto& item : node.items) {
            Type t = type_of(*item, scope);
            if (!compatible(element, t)) {
              error(item->span, "type-mismatch",
                    fmt::format("every item of a list must be the same kind of value; this is {}, "
                                "the others are {}",
                                describe(t), describe(element)));
            } else if (element.kind == K::nothing) {
              element = t;
            }
          }
          return Type::list_of(element);
        } else {
          return query_type(node, scope);
        }
      },
      expr.node);
}

Type Checker::binary_type(const Expr& expr, const Binary& node, const Scope& scope) {
  switch (node.op) {
    case BinaryOp::or_:
    case BinaryOp::and_: {
      const char* word = node.op == BinaryOp::or_ ? "each side of `or`" : "each side of `and`";
      expect(*node.lhs, scope, K::yes_no, word);
      expect(*node.rhs, scope, K::yes_no, word);
      return Type::of(K::yes_no);
    }
    case BinaryOp::eq:
    case BinaryOp::ne:
    case BinaryOp::lt:
    case BinaryOp::le:
    case BinaryOp::gt:
    case BinaryOp::ge: {
      bool resolved = false;
      Type lhs, rhs;
      if (Type t = compare_with_value(*node.lhs, *node.rhs, scope, resolved); resolved) {
        lhs = rhs = t;
      } else if (Type u = compare_with_value(*node.rhs, *node.lhs, scope, resolved); resolved) {
        lhs = rhs = u;
      } else {
        lhs = type_of(*node.lhs, scope);
        rhs = type_of(*node.rhs, scope);
      }
      const bool ordering = node.op != BinaryOp::eq && node.op != BinaryOp::ne;
      if (!compatible(lhs, rhs)) {
        error(expr.span, "type-mismatch",
              fmt::format("this compares {} with {}; they can never be equal or ordered", describe(lhs),
                          describe(rhs)));
      } else if (ordering && lhs.known() && lhs.kind != K::nothing &&
                 !(lhs.is(K::number) || lhs.is(K::date) || lhs.is(K::text))) {
        error(expr.span, "type-mismatch",
              fmt::format("only numbers, dates and text can be ordered with <, <=, > or >=; this is {}",
                          describe(lhs)));
      }
      return Type::of(K::yes_no);
    }
    case BinaryOp::in: {
      Type list = type_of(*node.rhs, scope);
      if (list.known() && !list.list) {
        error(node.rhs->span, "type-mismatch",
              fmt::format("`in` needs a list on its right, like `[full_time, part_time]`; this is {}",
                          describe(list)));
        return Type::of(K::yes_no);
      }
      // Bare names in a list literal may be values of the left side's choice.
      if (const auto* items = std::get_if<ListLiteral>(&node.rhs->node)) {
        for (const auto& item : items->items) {
          bool resolved = false;
          (void)compare_with_value(*node.lhs, *item, scope, resolved);
        }
        return Type::of(K::yes_no);
      }
      Type element = type_of(*node.lhs, scope);
      if (!compatible(element, list.element())) {
        error(expr.span, "type-mismatch",
              fmt::format("this looks for {} in {}", describe(element), describe(list)));
      }
      return Type::of(K::yes_no);
    }
    case BinaryOp::matches: {
      expect(*node.lhs, scope, K::text, "the value before `matches`");
      const auto* pattern = std::get_if<Template>(&node.rhs->node);
      std::string text;
      if (pattern && pattern->parts.size() <= 1) {
        if (!pattern->parts.empty()) {
          if (const auto* s = std::get_if<std::string>(&pattern->parts[0])) text = *s;
        }
        try {
          std::regex re(text, std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
          error(node.rhs->span, "bad-pattern",
                fmt::format("this pattern is not a valid regular expression ({})", e.what()));
        }
      } else {
        error(node.rhs->span, "bad-pattern", "`matches` needs a fixed pattern in quotes, like \"^[0-9]+$\"");
      }
      return Type::of(K::yes_no);
    }
    case BinaryOp::add:
    case BinaryOp::sub: {
      Type lhs = type_of(*node.lhs, scope);
      Type rhs = type_of(*node.rhs, scope);
      if (!lhs.known() || !rhs.known()) return Type{};
      if (lhs.is(K::number) && rhs.is(K::number)) return lhs;
      if (lhs.is(K::date) && rhs.is(K::duration)) return Type::of(K::date, "date");
      if (node.op == BinaryOp::sub && lhs.is(K::date) && rhs.is(K::date)) return Type::of(K::number);
      if (node.op == BinaryOp::add && lhs.is(K::text) && rhs.is(K::text)) return Type::of(K::text, "text");
      if (node.op == BinaryOp::add && lhs.list && compatible(lhs, rhs)) return lhs;
      error(expr.span, "type-mismatch",
            fmt::format("cannot {} {} and {}; dates take durations like `4 months`, numbers take numbers",
                        node.op == BinaryOp::add ? "add" : "subtract", describe(lhs), describe(rhs)));
      return Type{};
    }
    case BinaryOp::mul:
    case BinaryOp::div:
      expect(*node.lhs, scope, K::number, "each side of `*` and `/`");
      expect(*node.rhs, scope, K::number, "each side of `*` and `/`");
      return Type::of(K::number);
  }
  return Type{};
}

Type Checker::query_element(const Expr& collection, const Scope& scope) {
  Type t = type_of(collection, scope);
  if (t.known() && !t.list) {
    error(collection.span, "type-mismatch",
          fmt::format("`in` must be followed by a collection, like `ects`; this is {}", describe(t)));
    return Type{};
  }
  return t.element();
}

Type Checker::query_type(const Query& query, const Scope& scope) {
  Type element = query_element(*query.collection, scope);
  Scope inner(&scope);
  inner.bind(query.variable.text, Binding{Binding::Kind::variable, element});
  if (query.where) expect(*query.where, inner, K::yes_no, "the condition after `where`");
  for (const auto& key : query.sort) (void)type_of(*key.key, inner);
  switch (query.kind) {
    case QueryKind::exists: return Type::of(K::yes_no);
    case QueryKind::count: return Type::of(K::number);
    case QueryKind::first: return element;
    case QueryKind::all: return Type::list_of(element);
    case QueryKind::collect: {
      Type projected = type_of(*query.projection, inner);
      return projected.known() ? Type::list_of(projected.element()) : Type{};
    }
  }
  return Type{};
}

Type Checker::call_type(const Expr& expr, const Call& call, const Scope& scope) {
  std::vector<Type> args;
  for (const auto& arg : call.args) args.push_back(type_of(*arg, scope));
  const std::string& name = call.callee.text;

  std::vector<Type> params;
  Type result;
  if (const Builtin* builtin = find_builtin(name)) {
    if (auto message = builtin->check(args)) {
      error(expr.span, "wrong-arguments", fmt::format("{}: {}", name, *message));
      return Type{};
    }
    return builtin->result(args);
  }
  if (auto it = program_.rules.find(name); it != program_.rules.end()) {
    for (const auto& p : it->second->params) params.push_back(resolve_type(p.type));
    result = resolve_type(it->second->result);
  } else if (auto hook = program_.hooks.find(name); hook != program_.hooks.end()) {
    for (const auto& p : hook->second->params) params.push_back(resolve_type(p.type));
    result = resolve_type(hook->second->result);
  } else {
    std::vector<std::string> candidates = builtin_names();
    for (const auto& [n, r] : program_.rules) candidates.push_back(n);
    for (const auto& [n, h] : program_.hooks) candidates.push_back(n);
    unknown(call.callee, "unknown-function", "function, rule or hook", candidates);
    return Type{};
  }
  if (params.size() != args.size()) {
    error(expr.span, "wrong-arguments",
          fmt::format("`{}` takes {} value{}, but {} {} given", name, params.size(),
                      params.size() == 1 ? "" : "s", args.size(), args.size() == 1 ? "is" : "are"));
    return result;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!compatible(params[i], args[i])) {
      error(call.args[i]->span, "wrong-arguments",
            fmt::format("`{}` expects {} here, but this is {}", name, describe(params[i]), describe(args[i])));
    }
  }
  return result;
}

}  // namespace ectflow::check
