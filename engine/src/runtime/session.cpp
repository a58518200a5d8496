#include "runtime/session.hpp"

#include <algorithm>

#include "runtime/engine_internals.hpp"

namespace ectflow::runtime {

using model::Value;

const char* kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::text: return "text";
    case FieldKind::number: return "number";
    case FieldKind::date: return "date";
    case FieldKind::yes_no: return "yes_no";
    case FieldKind::choice:
    case FieldKind::reference: return "choice";
  }
  return "text";
}

Session::Session(const Engine& engine, const model::Journey& journey, const Reads& reads,
                 const std::string& actor_id, const std::string& subject_id,
                 const std::map<std::string, std::string>& answers, const std::map<std::string, std::string>& created)
    : store_(reads.store), model_(engine.model()), journey_(journey) {
  if (engine.internals().hook_caller) hooks_ = engine.internals().hook_caller(hook_problems_);
  const RecordReader& store = reads.store;
  eval_ = std::make_unique<expr::Evaluator>(model_, store, reads.today, hooks_.get(), reads.teachers);
  read_answers(answers);
  frame_ = eval_->frame(journey.frame_size, &answers_);
  if (const Record* actor = store.find(journey.actor, actor_id)) frame_.slots[0] = Value{model::RecordRef{journey.actor, actor}};
  if (journey.from) {
    if (const Record* subject = store.find(*journey.from, subject_id)) {
      frame_.slots[1] = Value{model::RecordRef{*journey.from, subject}};
    }
  }
  for (const auto& [name, slot] : journey.created) {
    if (auto it = created.find(name); it != created.end()) frame_.slots[slot] = Value{it->second};
  }
}

void Session::read_answers(const std::map<std::string, std::string>& answers) {
  answers_.values.assign(journey_.answer_names.size(), std::nullopt);
  for (std::uint32_t slot = 0; slot < journey_.answer_names.size(); ++slot) {
    auto it = answers.find(journey_.answer_names[slot]);
    if (it == answers.end()) continue;
    if (const model::Ask* ask = ask_for_slot(slot)) answers_.values[slot] = answer_value(*ask, it->second);
  }
}

void Session::use_answers(const std::map<std::string, std::string>& answers) {
  read_answers(answers);
  eval_->forget_lets();
}

const model::Ask* Session::ask_for_slot(std::uint32_t slot) const {
  for (const model::Ask& ask : journey_.steps[journey_.answer_step[slot]].asks) {
    if (ask.slot == slot) return &ask;
  }
  return nullptr;
}

Value Session::answer_value(const model::Ask& ask, const std::string& text) const {
  if (text.empty()) return Value{};
  switch (ask.kind.kind) {
    case FieldKind::number: {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      return end && *end == '\0' ? Value{d} : Value{};
    }
    case FieldKind::date: {
      auto date = Date::parse_iso(text);
      return date ? Value{*date} : Value{};
    }
    case FieldKind::yes_no: return Value{text == "yes"};
    default: return Value{text};
  }
}

std::vector<OfferedOption> Session::options(const model::Ask& ask) {
  std::vector<OfferedOption> out;
  if (ask.kind.kind == FieldKind::yes_no) {
    out.push_back({"yes", "Yes", std::nullopt});
    out.push_back({"no", "No", std::nullopt});
  } else if (ask.kind.choice) {
    for (const auto& [code, label] : model_.choices[*ask.kind.choice].values) out.push_back({code, label, std::nullopt});
  }
  if (ask.options.collection != model::kNoNode) {
    auto& e = *eval_;
    for (const Value& item : e.select(ask.options, frame_)) {
      frame_.slots[ask.options.slot] = item;
      OfferedOption option;
      option.value = ask.option_value != model::kNoNode ? e.text(ask.option_value, frame_) : e.display(item);
      option.label = ask.option_label != model::kNoNode ? e.text(ask.option_label, frame_) : e.display(item);
      if (ask.option_hint != model::kNoNode) {
        std::string hint = e.text(ask.option_hint, frame_);
        if (!hint.empty()) option.hint = std::move(hint);
      }
      out.push_back(std::move(option));
    }
  }
  for (const auto& [value, label] : ask.fixed_options) out.push_back({value, eval_->text(label, frame_), std::nullopt});
  return out;
}

Session::Lookup Session::find_record_option(const model::Ask& ask, const std::string& value, Value& item) {
  const model::Node& collection = model_.arena[ask.options.collection];
  if (collection.op != model::Op::collection || ask.option_value != model::kNoNode) return Lookup::not_by_id;
  const Record* record = store_.find(collection.type, value);
  if (!record) return Lookup::absent;
  item = Value{model::RecordRef{collection.type, record}};
  frame_.slots[ask.options.slot] = item;
  return eval_->test(ask.options.where, frame_) ? Lookup::found : Lookup::absent;
}

std::optional<Value> Session::find_selected_option(const model::Ask& ask, const std::string& value) {
  if (ask.options.collection == model::kNoNode) return std::nullopt;
  Value item;
  switch (find_record_option(ask, value, item)) {
    case Lookup::found: return item;
    case Lookup::absent: return std::nullopt;
    case Lookup::not_by_id: break;
  }
  auto& e = *eval_;
  for (const Value& candidate : e.select(ask.options, frame_)) {
    frame_.slots[ask.options.slot] = candidate;
    const std::string offered = ask.option_value != model::kNoNode ? e.text(ask.option_value, frame_) : e.display(candidate);
    if (offered == value) return candidate;
  }
  return std::nullopt;
}

// Sources of options in the order `options` lists them: yes/no, a choice's codes, the selected
// records, then fixed options. `label`, when given, receives the matching option's label.
bool Session::offers_fixed(const model::Ask& ask, const std::string& value, std::string* label) {
  if (ask.kind.kind == FieldKind::yes_no && (value == "yes" || value == "no")) {
    if (label) *label = value == "yes" ? "Yes" : "No";
    return true;
  }
  if (ask.kind.choice) {
    for (const auto& [code, choice_label] : model_.choices[*ask.kind.choice].values) {
      if (code != value) continue;
      if (label) *label = choice_label;
      return true;
    }
  }
  return false;
}

bool Session::offers(const model::Ask& ask, const std::string& value) {
  if (offers_fixed(ask, value, nullptr) || find_selected_option(ask, value)) return true;
  return std::any_of(ask.fixed_options.begin(), ask.fixed_options.end(),
                     [&](const auto& option) { return option.first == value; });
}

std::string Session::display_answer(const model::Ask& ask, const std::string& value) {
  if (ask.kind.kind == FieldKind::date) {
    if (auto date = Date::parse_iso(value)) return eval_->display(Value{*date});
  }
  std::string label;
  if (offers_fixed(ask, value, &label)) return label;
  if (auto item = find_selected_option(ask, value)) {
    frame_.slots[ask.options.slot] = *item;
    return ask.option_label != model::kNoNode ? eval_->text(ask.option_label, frame_) : eval_->display(*item);
  }
  for (const auto& [fixed_value, fixed_label] : ask.fixed_options) {
    if (fixed_value == value) return eval_->text(fixed_label, frame_);
  }
  return value;
}

}  // namespace ectflow::runtime
