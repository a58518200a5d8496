// The expression evaluator: a walk over the IR, every name already a slot.
#include "expr/eval.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

#include "expr/builtins.hpp"
#include "store/date_math.hpp"

namespace ectflow::expr {

using model::Node;
using model::Op;
using model::RecordRef;
using model::StatusRef;
using model::StatusValue;
using model::ValueList;

Evaluator::Evaluator(const model::Model& model, const RecordReader& store, Date today, HookCaller* hooks,
                     const TeacherDirectory* teachers)
    : model_(model), store_(store), today_(today), hooks_(hooks), teachers_(teachers), let_cache_(model.lets.size()) {
  if (auto it = model.record_index.find("teacher"); it != model.record_index.end()) teacher_type_ = it->second;
}

// Teachers are the TRA's records: when a directory is given, they are looked up there by TRN.
Value Evaluator::eval_lookup(const Node& node, Frame& frame) {
  Value key = eval(node.a, frame);
  if (key.empty()) return Value{};
  const std::string id = display(key);
  if (teachers_ && teacher_type_ && node.type == *teacher_type_) {
    std::optional<Record> found = teachers_->find_by_trn(id);
    if (!found) return Value{};
    fetched_.push_back(std::move(*found));
    return Value{RecordRef{node.type, &fetched_.back()}};
  }
  const Record* record = store_.find(node.type, id);
  return record ? Value{RecordRef{node.type, record}} : Value{};
}

Evaluator::Frame Evaluator::frame(std::uint32_t size, const AnswerValues* answers) const {
  Frame f;
  f.slots.resize(size);
  f.answers = answers;
  return f;
}

Value Evaluator::from_field(const FieldValue& field) {
  return std::visit(
      [](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::shared_ptr<const FieldList>>) {
          std::vector<Value> items;
          if (v) {
            for (const auto& item : v->items) items.push_back(from_field(item));
          }
          return model::make_list(std::move(items));
        } else {
          return Value{v};
        }
      },
      field);
}

const Record* Evaluator::resolve(const Value& value, RecordTypeId type) const {
  if (const auto* ref = std::get_if<RecordRef>(&value.v)) return ref->record;
  if (const auto* id = std::get_if<std::string>(&value.v)) return store_.find(type, *id);
  return nullptr;
}

Value Evaluator::field(const Value& record, RecordTypeId type, std::uint32_t slot) const {
  const Record* r = resolve(record, type);
  if (!r || slot >= r->fields.size()) return Value{};
  return from_field(r->fields[slot]);
}

Value Evaluator::derived(const Value& record, RecordTypeId type, std::uint32_t index) {
  const Record* r = resolve(record, type);
  if (!r) return Value{};
  const model::RecordType& rt = model_.records[type];
  Frame f = frame(rt.frame_size);
  f.slots[0] = Value{RecordRef{type, r}};
  return eval(rt.derived[index], f);
}

Value Evaluator::status(const Value& record, RecordTypeId type, std::uint32_t index) {
  const Record* r = resolve(record, type);
  if (!r) return Value{};
  const model::RecordType& rt = model_.records[type];
  const model::StatusBlock& block = rt.statuses[index];
  Frame f = frame(rt.frame_size);
  f.slots[0] = Value{RecordRef{type, r}};
  if (block.from != model::kNoNode) {
    Value given = eval(block.from, f);
    const auto* given_status = std::get_if<StatusRef>(&given.v);
    if (!given_status) return Value{};
    StatusValue status = **given_status;
    for (const auto& rule : block.rules) {
      if (rule.code == status.code) status.label = text(rule.label, f);
    }
    return model::make_status(std::move(status));
  }
  for (const auto& rule : block.rules) {
    if (test(rule.when, f)) return model::make_status({rule.code, rule.reason, text(rule.label, f)});
  }
  return Value{};
}

bool Evaluator::is_open(const Value& record, RecordTypeId type) {
  const Record* r = resolve(record, type);
  if (!r) return false;
  const model::RecordType& rt = model_.records[type];
  if (rt.open_when == model::kNoNode) return true;
  Frame f = frame(rt.frame_size);
  f.slots[0] = Value{RecordRef{type, r}};
  return test(rt.open_when, f);
}

std::vector<Value> Evaluator::records(RecordTypeId type) const {
  std::vector<Value> out;
  store_.for_each(type, [&](const Record& r) { out.push_back(Value{RecordRef{type, &r}}); });
  return out;
}

RecordTypeId Evaluator::type_of_record(const Value& value) const {
  if (const auto* ref = std::get_if<RecordRef>(&value.v)) return ref->type;
  return 0;
}

void Evaluator::forget_lets() {
  for (auto& cached : let_cache_) cached.reset();
}

Value Evaluator::eval_let(std::uint32_t index, Frame& frame) {
  if (!let_cache_[index]) {
    Frame copy = frame;  // its own query slots, so the reader's stay as they are
    let_cache_[index] = eval(model_.lets[index].value, copy);
  }
  return *let_cache_[index];
}

std::vector<Value> Evaluator::sequence(NodeId id, Frame& frame) {
  const Node& node = model_.arena[id];
  if (node.op == Op::collection) return records(node.type);
  Value list = eval(id, frame);
  if (const auto* l = std::get_if<ValueList>(&list.v); l && *l) return **l;
  return {};
}

void Evaluator::sort_by(std::vector<Value>& items, const std::vector<NodeId>& keys,
                        const std::vector<bool>& descending, std::uint32_t slot, Frame& frame) {
  if (keys.empty()) return;
  std::vector<std::vector<Value>> key_values;
  for (const Value& item : items) {
    frame.slots[slot] = item;
    std::vector<Value> k;
    for (NodeId key : keys) k.push_back(eval(key, frame));
    key_values.push_back(std::move(k));
  }
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      int c = compare(key_values[x][k], key_values[y][k]).value_or(0);
      if (c != 0) return descending[k] ? c > 0 : c < 0;
    }
    return false;
  });
  std::vector<Value> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

std::vector<Value> Evaluator::select(const model::Selection& s, Frame& frame) {
  if (s.query == model::kNoNode) return {};
  return matching(model_.arena[s.query], frame);
}

// The text an index is searched by: a text as it is, a record as its id (or its key as text
// when that is a number or a date); nullopt for anything else (a number, a date, empty), which
// no index answers. `exact` says whether the index matches just what `=` would.
std::optional<std::string> Evaluator::index_text(NodeId key_node, Frame& frame, bool& exact) {
  const Value key = eval(key_node, frame);
  exact = true;
  if (const auto* s = std::get_if<std::string>(&key.v)) return s->empty() ? std::nullopt : std::optional(*s);
  if (const auto* ref = std::get_if<RecordRef>(&key.v); ref && ref->record) {
    const RecordSchema& schema = model_.records[ref->type].schema;
    if (const std::string& id = ref->record->id(schema); !id.empty()) return id;
    exact = false;
    std::string text = ref->record->key_text(schema);
    return text.empty() ? std::nullopt : std::optional(std::move(text));
  }
  return std::nullopt;
}

// The records an indexed query can match: those whose indexed field holds its key (or whose
// lowercased field does), from the store's index; or every record of the collection when no
// index answers. `decided` says the index alone chose them: the `where` need not be tested.
std::vector<Value> Evaluator::candidates(const Node& node, Frame& frame, bool& decided) {
  std::vector<Value> out;
  decided = false;
  auto keep = [&](const Record& r) { out.push_back(Value{RecordRef{node.type, &r}}); };
  bool exact = false;
  if (node.lower_key != model::kNoNode) {
    auto text = index_text(node.lower_key, frame, exact);
    if (text && store_.for_each_where_lower(node.type, node.lower_slot, *text, keep)) return out;
  }
  if (node.index_key == model::kNoNode) return sequence(node.a, frame);
  auto text = index_text(node.index_key, frame, exact);
  if (!text) return sequence(node.a, frame);
  store_.for_each_where(node.type, node.index_slot, *text, keep);
  decided = node.index_is_where && exact;
  return out;
}

std::vector<Value> Evaluator::matching(const Node& node, Frame& frame) {
  bool decided = false;
  std::vector<Value> kept = candidates(node, frame, decided);
  if (!decided) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      frame.slots[node.slot] = kept[i];
      if (!test(node.b, frame)) continue;
      if (out != i) kept[out] = std::move(kept[i]);
      ++out;
    }
    kept.resize(out);
  }
  sort_by(kept, node.children, node.descending, node.slot, frame);
  return kept;
}

bool Evaluator::any_matching(const Node& node, Frame& frame) {
  bool decided = false;
  std::vector<Value> kept = candidates(node, frame, decided);
  if (decided) return !kept.empty();
  for (const Value& item : kept) {
    frame.slots[node.slot] = item;
    if (test(node.b, frame)) return true;
  }
  return false;
}

Value Evaluator::eval_query(const Node& node, Frame& frame) {
  const auto kind = static_cast<model::QueryKind>(node.kind);
  if (kind == model::QueryKind::exists) return Value{any_matching(node, frame)};
  std::vector<Value> kept = matching(node, frame);
  if (kind == model::QueryKind::collect) {
    // `collect x.F …`, the usual projection, reads the field straight from each record.
    const Node& projection = model_.arena[node.c];
    const bool own_field = projection.op == Op::field && model_.arena[projection.a].op == Op::local &&
                           model_.arena[projection.a].slot == node.slot;
    for (Value& item : kept) {
      const auto* ref = own_field ? std::get_if<RecordRef>(&item.v) : nullptr;
      if (ref && ref->record && ref->type == projection.type && projection.slot < ref->record->fields.size()) {
        item = from_field(ref->record->fields[projection.slot]);
        continue;
      }
      frame.slots[node.slot] = item;
      item = eval(node.c, frame);
    }
  }
  switch (kind) {
    case model::QueryKind::exists: return Value{!kept.empty()};
    case model::QueryKind::count: return Value{static_cast<double>(kept.size())};
    case model::QueryKind::first: return kept.empty() ? Value{} : kept.front();
    case model::QueryKind::all:
    case model::QueryKind::collect: return model::make_list(std::move(kept));
  }
  return Value{};
}

Value Evaluator::eval_call_rule(const Node& node, Frame& frame) {
  const model::Rule& rule = model_.rules[node.slot];
  Frame inner = this->frame(rule.frame_size, frame.answers);
  for (std::size_t i = 0; i < node.children.size(); ++i) inner.slots[i] = eval(node.children[i], frame);
  return eval(rule.body, inner);
}

Value Evaluator::eval(NodeId id, Frame& frame) {
  const Node& node = model_.arena[id];
  switch (node.op) {
    case Op::constant: return node.constant;
    case Op::today: return Value{today_};
    case Op::choice_label: {
      Value code = eval(node.a, frame);
      if (const auto* s = std::get_if<std::string>(&code.v)) {
        for (const auto& [value, label] : model_.choices[node.slot].values) {
          if (value == *s) return Value{label};
        }
      }
      return code;
    }
    case Op::answer:
      if (frame.answers && node.slot < frame.answers->values.size() && frame.answers->values[node.slot]) {
        return *frame.answers->values[node.slot];
      }
      return Value{};
    case Op::local: return frame.slots[node.slot];
    case Op::let: return eval_let(node.slot, frame);
    case Op::collection: return model::make_list(records(node.type));
    case Op::field: return field(eval(node.a, frame), node.type, node.slot);
    case Op::derived_field: return derived(eval(node.a, frame), node.type, node.slot);
    case Op::status_field: return status(eval(node.a, frame), node.type, node.slot);
    case Op::status_part: {
      Value s = eval(node.a, frame);
      const auto* status = std::get_if<StatusRef>(&s.v);
      if (!status) return Value{};
      const StatusValue& parts = **status;
      const std::string& part = node.slot == 0 ? parts.code : node.slot == 1 ? parts.label : parts.reason;
      return part.empty() ? Value{} : Value{part};
    }
    case Op::is_empty: return Value{eval(node.a, frame).empty()};
    case Op::is_open: return Value{is_open(eval(node.a, frame), node.type)};
    case Op::is_asked:
      return Value{frame.answers && node.slot < frame.answers->values.size() &&
                   frame.answers->values[node.slot].has_value()};
    case Op::not_: return Value{!eval(node.a, frame).truthy()};
    case Op::negate: {
      Value v = eval(node.a, frame);
      if (const auto* d = std::get_if<double>(&v.v)) return Value{-*d};
      return Value{};
    }
    case Op::and_: return Value{eval(node.a, frame).truthy() && eval(node.b, frame).truthy()};
    case Op::or_: return Value{eval(node.a, frame).truthy() || eval(node.b, frame).truthy()};
    case Op::if_: return eval(node.a, frame).truthy() ? eval(node.b, frame) : eval(node.c, frame);
    case Op::list: {
      std::vector<Value> items;
      for (NodeId child : node.children) items.push_back(eval(child, frame));
      return model::make_list(std::move(items));
    }
    case Op::text: {
      std::string out;
      for (NodeId child : node.children) {
        Value part = eval(child, frame);
        if (const auto* text = std::get_if<std::string>(&part.v)) {
          out += *text;
        } else {
          out += display(part);
        }
      }
      return Value{std::move(out)};
    }
    case Op::call_builtin: {
      std::vector<Value> args;
      for (NodeId child : node.children) args.push_back(eval(child, frame));
      return call_builtin(node.slot, args);
    }
    case Op::call_rule: return eval_call_rule(node, frame);
    case Op::call_hook: {
      std::vector<Value> args;
      for (NodeId child : node.children) args.push_back(eval(child, frame));
      if (!hooks_) {
        problems.push_back("hook " + model_.hooks[node.slot].name + " was called, but no hooks are loaded");
        return Value{};
      }
      return hooks_->call(node.slot, args);
    }
    case Op::query: return eval_query(node, frame);
    case Op::lookup: return eval_lookup(node, frame);
    default: return eval_binary(node, frame);
  }
}

Value Evaluator::eval_binary(const Node& node, Frame& frame) {
  Value a = eval(node.a, frame);
  if (node.op == Op::matches) {
    const auto* s = std::get_if<std::string>(&a.v);
    return Value{s && std::regex_match(*s, model_.arena.patterns[node.slot])};
  }
  Value b = eval(node.b, frame);
  switch (node.op) {
    case Op::eq: return Value{equal(a, b)};
    case Op::ne: return Value{!equal(a, b)};
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: {
      // Ordering with empty, or across kinds, is false (docs/language.md).
      auto order = compare(a, b);
      if (!order || a.empty()) return Value{false};
      return Value{node.op == Op::lt ? *order < 0 : node.op == Op::le ? *order <= 0 : node.op == Op::gt ? *order > 0 : *order >= 0};
    }
    case Op::in: {
      if (const auto* l = std::get_if<ValueList>(&b.v); l && *l) {
        for (const Value& item : **l) {
          if (equal(a, item)) return Value{true};
        }
      }
      return Value{false};
    }
    default: return arithmetic(node.op, a, b);
  }
}

}  // namespace ectflow::expr
