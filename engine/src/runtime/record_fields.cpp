// RecordFieldsReader: a record's stored fields, derived fields and statuses as text (records.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "ectflow/records.hpp"
#include "expr/eval.hpp"
#include "runtime/engine_internals.hpp"

namespace ectflow {
namespace {

using model::Value;

// One field asked for, resolved once to where the model keeps it.
struct Wanted {
  std::string name;
  FieldText::Source source;
  std::uint32_t index;  // stored slot, derived index or status block
  const model::Choice* choice = nullptr;  // stored choice fields: for their labels
};

// The form files use: ISO dates, yes/no, whole numbers without a decimal point, codes and ids.
std::string file_form(const Value& value, const expr::Evaluator& eval) {
  if (const auto* b = std::get_if<bool>(&value.v)) return *b ? "yes" : "no";
  if (const auto* d = std::get_if<Date>(&value.v)) return d->iso();
  if (const auto* s = std::get_if<model::StatusRef>(&value.v)) return (*s)->code;
  if (const auto* n = std::get_if<double>(&value.v)) {
    return std::floor(*n) == *n && std::fabs(*n) < 1e15 ? fmt::format("{}", static_cast<long long>(*n))
                                                        : fmt::format("{}", *n);
  }
  return eval.display(value);  // text, ids, durations
}

std::string label_of(const std::string& code, const model::Choice* choice) {
  if (choice) {
    for (const auto& [value, label] : choice->values) {
      if (value == code) return label;
    }
  }
  return code;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

FieldText field_text(const Wanted& wanted, const Value& value, expr::Evaluator& eval) {
  FieldText out;
  out.name = wanted.name;
  out.source = wanted.source;
  if (const auto* list = std::get_if<model::ValueList>(&value.v)) {
    out.is_list = true;
    std::vector<std::string> labels;
    if (*list) {
      for (const Value& item : **list) {
        out.items.push_back(file_form(item, eval));
        labels.push_back(wanted.choice ? label_of(out.items.back(), wanted.choice) : eval.display(item));
      }
    }
    out.value = joined(out.items);
    out.label = joined(labels);
    return out;
  }
  out.value = file_form(value, eval);
  if (const auto* status = std::get_if<model::StatusRef>(&value.v)) {
    out.label = (*status)->label;
    out.reason = (*status)->reason;
  } else if (wanted.choice) {
    out.label = label_of(out.value, wanted.choice);
  } else {
    out.label = eval.display(value);
  }
  return out;
}

}  // namespace

const FieldText* RecordFields::find(std::string_view name) const {
  for (const FieldText& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const std::string& RecordFields::value(std::string_view name) const {
  static const std::string kNone;
  const FieldText* field = find(name);
  return field ? field->value : kNone;
}

struct RecordFieldsReader::State {
  const model::Model& model;
  const RecordReader& store;
  RecordTypeId type = 0;
  std::vector<Wanted> wanted;
  std::vector<std::string> hook_problems;  // filled by the hook caller
  std::unique_ptr<expr::HookCaller> hooks;
  std::unique_ptr<expr::Evaluator> eval;
  std::vector<std::string> problems;  // hook_problems and the evaluator's, for the caller

  State(const Engine& engine, const RunContext& context) : model(engine.model()), store(context.store) {}

  RecordFields fields_of(const Record& record) {
    const model::RecordType& rt = model.records[type];
    RecordFields out;
    out.type = rt.schema.name;
    out.id = record.key_text(rt.schema);
    const Value ref{model::RecordRef{type, &record}};
    out.open = eval->is_open(ref, type);
    for (const Wanted& w : wanted) {
      Value value;
      switch (w.source) {
        case FieldText::Source::stored: value = eval->field(ref, type, w.index); break;
        case FieldText::Source::derived: value = eval->derived(ref, type, w.index); break;
        case FieldText::Source::status: value = eval->status(ref, type, w.index); break;
      }
      out.fields.push_back(field_text(w, value, *eval));
    }
    return out;
  }

  void gather_problems() {
    problems = hook_problems;
    problems.insert(problems.end(), eval->problems.begin(), eval->problems.end());
  }
};

RecordFieldsReader::RecordFieldsReader(const Engine& engine, const RunContext& context, std::string_view type,
                                       std::vector<std::string> fields)
    : state_(std::make_unique<State>(engine, context)) {
  const model::Model& m = engine.model();
  auto found = m.record_index.find(std::string(type));
  if (found == m.record_index.end()) {
    throw std::invalid_argument("the flows declare no record type `" + std::string(type) + "`");
  }
  state_->type = found->second;
  const model::RecordType& rt = m.records[found->second];
  if (fields.empty()) {
    for (const FieldSchema& f : rt.schema.fields) fields.push_back(f.name);
    fields.insert(fields.end(), rt.derived_names.begin(), rt.derived_names.end());
    for (const model::StatusBlock& block : rt.statuses) fields.push_back(block.name);
  }
  for (const std::string& name : fields) {
    Wanted w{name, FieldText::Source::stored, 0};
    if (auto slot = rt.schema.slot(name)) {
      w.index = static_cast<std::uint32_t>(*slot);
      if (rt.schema.fields[*slot].kind == FieldKind::choice) {
        for (const model::Choice& choice : m.choices) {
          if (choice.name == rt.schema.fields[*slot].type_name) w.choice = &choice;
        }
      }
    } else if (auto d = std::find(rt.derived_names.begin(), rt.derived_names.end(), name);
               d != rt.derived_names.end()) {
      w.source = FieldText::Source::derived;
      w.index = static_cast<std::uint32_t>(d - rt.derived_names.begin());
    } else {
      auto s = std::find_if(rt.statuses.begin(), rt.statuses.end(),
                            [&](const model::StatusBlock& block) { return block.name == name; });
      if (s == rt.statuses.end()) {
        throw std::invalid_argument("the flows' " + rt.schema.name + " record has no field or status `" + name + "`");
      }
      w.source = FieldText::Source::status;
      w.index = static_cast<std::uint32_t>(s - rt.statuses.begin());
    }
    state_->wanted.push_back(std::move(w));
  }
  if (engine.internals().hook_caller) state_->hooks = engine.internals().hook_caller(state_->hook_problems);
  state_->eval = std::make_unique<expr::Evaluator>(m, context.store, context.today, state_->hooks.get(),
                                                   context.teachers);
}

RecordFieldsReader::~RecordFieldsReader() = default;

std::optional<RecordFields> RecordFieldsReader::read(std::string_view id) {
  const Record* record = state_->store.find(state_->type, id);
  if (!record) return std::nullopt;
  RecordFields out = state_->fields_of(*record);
  state_->gather_problems();
  return out;
}

std::vector<RecordFields> RecordFieldsReader::read_all() {
  // Collect the pointers first: evaluating may read the store again (a SQL store's reads refill
  // its cache), so no evaluation runs inside for_each.
  std::vector<const Record*> records;
  state_->store.for_each(state_->type, [&](const Record& record) { records.push_back(&record); });
  std::vector<RecordFields> out;
  out.reserve(records.size());
  for (const Record* record : records) out.push_back(state_->fields_of(*record));
  state_->gather_problems();
  return out;
}

const std::vector<std::string>& RecordFieldsReader::hook_problems() const { return state_->problems; }

}  // namespace ectflow
