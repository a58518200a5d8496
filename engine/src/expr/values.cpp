// Comparing, ordering, adding and showing values: the semantics docs/language.md promises
// (empty equals only empty; ordering with empty is false; a reference equals its id).
#include <cmath>
#include <fmt/format.h>

#include "expr/builtins.hpp"
#include "expr/eval.hpp"
#include "store/date_math.hpp"

namespace ectflow::model {

bool Value::empty() const {
  if (std::holds_alternative<std::monostate>(v)) return true;
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty();
  if (const auto* l = std::get_if<ValueList>(&v)) return !*l || (*l)->empty();
  if (const auto* r = std::get_if<RecordRef>(&v)) return r->record == nullptr;
  return false;
}

Value make_list(std::vector<Value> items) {
  return Value{std::make_shared<const std::vector<Value>>(std::move(items))};
}

Value make_status(StatusValue status) { return Value{std::make_shared<const StatusValue>(std::move(status))}; }

}  // namespace ectflow::model

namespace ectflow::expr {

using model::RecordRef;
using model::StatusRef;
using model::ValueList;

namespace {

// The id a record value stands for, if it is one: a reference, or the id text it holds.
const std::string* record_id(const Value& v, const model::Model* m) {
  if (const auto* s = std::get_if<std::string>(&v.v)) return s;
  if (const auto* r = std::get_if<RecordRef>(&v.v); r && r->record && m) return &r->record->id(m->records[r->type].schema);
  return nullptr;
}

}  // namespace

bool Evaluator::equal(const Value& a, const Value& b) const {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  if (const auto* x = std::get_if<RecordRef>(&a.v)) {
    if (const auto* y = std::get_if<RecordRef>(&b.v)) return x->record == y->record;
  }
  if (std::holds_alternative<RecordRef>(a.v) || std::holds_alternative<RecordRef>(b.v)) {
    const std::string* i1 = record_id(a, &model_);
    const std::string* i2 = record_id(b, &model_);
    return i1 && i2 && *i1 == *i2;
  }
  if (const auto* s = std::get_if<StatusRef>(&a.v)) {
    if (const auto* code = std::get_if<std::string>(&b.v)) return (*s)->code == *code;
    if (const auto* t = std::get_if<StatusRef>(&b.v)) return (*s)->code == (*t)->code;
    return false;
  }
  if (std::holds_alternative<StatusRef>(b.v)) return equal(b, a);
  if (const auto* x = std::get_if<ValueList>(&a.v)) {
    const auto* y = std::get_if<ValueList>(&b.v);
    if (!y || (*x)->size() != (*y)->size()) return false;
    for (std::size_t i = 0; i < (*x)->size(); ++i) {
      if (!equal((**x)[i], (**y)[i])) return false;
    }
    return true;
  }
  return a.v == b.v;
}

std::optional<int> Evaluator::compare(const Value& a, const Value& b) {
  if (a.empty() || b.empty()) {
    if (a.empty() && b.empty()) return 0;
    return std::nullopt;
  }
  auto order = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (const auto* x = std::get_if<double>(&a.v)) {
    if (const auto* y = std::get_if<double>(&b.v)) return order(*x, *y);
  }
  if (const auto* x = std::get_if<Date>(&a.v)) {
    if (const auto* y = std::get_if<Date>(&b.v)) return order(*x, *y);
  }
  if (const auto* x = std::get_if<std::string>(&a.v)) {
    if (const auto* y = std::get_if<std::string>(&b.v)) return order(*x, *y);
  }
  if (const auto* x = std::get_if<bool>(&a.v)) {
    if (const auto* y = std::get_if<bool>(&b.v)) return order(*x, *y);
  }
  return std::nullopt;
}

std::string Evaluator::display(const Value& value) const {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "Yes" : "No";
        } else if constexpr (std::is_same_v<T, double>) {
          return std::floor(v) == v && std::fabs(v) < 1e15 ? fmt::format("{}", static_cast<long long>(v))
                                                           : fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, Date>) {
          static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
          return fmt::format("{} {} {}", v.day(), months[v.month() - 1], v.year());
        } else if constexpr (std::is_same_v<T, model::Duration>) {
          return v.months ? fmt::format("{} months", v.months) : fmt::format("{} days", v.days);
        } else if constexpr (std::is_same_v<T, RecordRef>) {
          return v.record ? v.record->id(model_.records[v.type].schema) : "";
        } else if constexpr (std::is_same_v<T, StatusRef>) {
          return v->label;
        } else {
          std::string out;
          if (v) {
            for (const Value& item : *v) out += (out.empty() ? "" : ", ") + display(item);
          }
          return out;
        }
      },
      value.v);
}

std::string Evaluator::text(NodeId node, Frame& frame) {
  if (node == model::kNoNode) return "";
  Value value = eval(node, frame);
  if (auto* text = std::get_if<std::string>(&value.v)) return std::move(*text);  // no copy
  return display(value);
}

Value arithmetic(model::Op op, const Value& a, const Value& b) {
  using model::Op;
  const auto* x = std::get_if<double>(&a.v);
  const auto* y = std::get_if<double>(&b.v);
  if (x && y) {
    switch (op) {
      case Op::add: return Value{*x + *y};
      case Op::sub: return Value{*x - *y};
      case Op::mul: return Value{*x * *y};
      case Op::div: return *y == 0 ? Value{} : Value{*x / *y};
      default: return Value{};
    }
  }
  const auto* date = std::get_if<Date>(&a.v);
  if (date) {
    if (const auto* d = std::get_if<model::Duration>(&b.v)) {
      int sign = op == Op::sub ? -1 : 1;
      return Value{store::add_days(store::add_months(*date, sign * d->months), sign * d->days)};
    }
    if (const auto* other = std::get_if<Date>(&b.v); other && op == Op::sub) {
      return Value{static_cast<double>(date->days - other->days)};
    }
  }
  if (op == Op::add) {
    const auto* s = std::get_if<std::string>(&a.v);
    const auto* t = std::get_if<std::string>(&b.v);
    if (s || t) return Value{(s ? *s : std::string()) + (t ? *t : std::string())};
    const auto* l = std::get_if<ValueList>(&a.v);
    const auto* m = std::get_if<ValueList>(&b.v);
    if (l || m) {
      std::vector<Value> items;
      if (l && *l) items.insert(items.end(), (*l)->begin(), (*l)->end());
      if (m && *m) items.insert(items.end(), (*m)->begin(), (*m)->end());
      return model::make_list(std::move(items));
    }
  }
  return Value{};
}

}  // namespace ectflow::expr
