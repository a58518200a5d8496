// FieldParser: stored field values from an import file's text (field_input.hpp).
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "check/suggest.hpp"
#include "ectflow/field_input.hpp"
#include "expr/builtins.hpp"
#include "expr/eval.hpp"

namespace ectflow {
namespace {

using model::Value;

// Answer types' rules read only their value and today, never records.
class NoRecords : public RecordReader {
 public:
  void for_each(RecordTypeId, const std::function<void(const Record&)>&) const override {}
  const Record* find(RecordTypeId, std::string_view) const override { return nullptr; }
};

constexpr char kListSeparator = ';';

std::string trimmed(std::string_view text) {
  // Most values start and end with a visible ASCII character: nothing to trim, and no need to
  // decode them (imports check hundreds of thousands).
  auto visible = [](char c) { return c > ' ' && c < 0x7f; };
  if (text.empty() || (visible(text.front()) && visible(text.back()))) return std::string(text);
  // White space as answers are trimmed (builtin 0 is `trim`).
  return std::get<std::string>(expr::call_builtin(0, {Value{std::string(text)}}).v);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

ParsedField refused(std::string code, std::string error) { return {{}, std::move(code), std::move(error)}; }

}  // namespace

struct FieldParser::State {
  const model::Model& model;
  const std::vector<RecordSchema> schemas;
  NoRecords no_records;
  expr::Evaluator eval;

  State(const Engine& engine, Date today)
      : model(engine.model()), schemas(engine.schemas()), eval(model, no_records, today) {}

  const model::AnswerType* answer_type(const std::string& name) const {
    for (const auto& type : model.answer_types) {
      if (type.name == name) return &type;
    }
    return nullptr;
  }

  const model::Choice* choice(std::string_view name) const {
    for (const auto& c : model.choices) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }

  // The answer type's clauses in order: normalise steps change the text, the first failing check
  // refuses it (validate.cpp runs a journey's answers the same way).
  ParsedField run_answer_type(const model::AnswerType& type, const FieldSchema& field, std::string text) {
    auto frame = eval.frame(type.frame_size);
    auto code_for = [&](std::string code) {
      if (auto at = code.find("{answer}"); at != std::string::npos) code.replace(at, 8, field.name);
      return code;
    };
    std::optional<Date> date;
    if (type.base == FieldKind::date) {
      date = Date::parse_iso(text);
      if (!date) {
        if (type.invalid) {
          frame.slots[0] = Value{text};
          return refused(code_for(type.invalid->code), eval.text(type.invalid->text, frame));
        }
        return refused(field.name + "_invalid", "Enter a real date, for example 2025-09-01");
      }
    }
    for (const auto& clause : type.clauses) {
      frame.slots[0] = date ? Value{*date} : Value{text};
      Value result = eval.eval(clause.expr, frame);
      if (!clause.is_check) {
        if (const auto* s = std::get_if<std::string>(&result.v)) text = *s;
        if (const auto* d = std::get_if<Date>(&result.v)) date = *d;
        continue;
      }
      if (!result.truthy()) {
        return refused(code_for(clause.message.code), eval.text(clause.message.text, frame));
      }
    }
    if (date) return {*date, "", ""};
    return {std::move(text), "", ""};
  }

  ParsedField parse_one(const FieldSchema& field, const std::string& text) {
    if (text.empty()) return {};
    if (const model::AnswerType* type = answer_type(field.type_name)) return run_answer_type(*type, field, text);
    switch (field.kind) {
      case FieldKind::text:
      case FieldKind::reference: return {text, "", ""};
      case FieldKind::number: {
        char* end = nullptr;
        double number = std::strtod(text.c_str(), &end);
        if (end && *end == '\0') return {number, "", ""};
        return refused("invalid_number", "not a number; write digits, like 2025");
      }
      case FieldKind::date:
        if (auto date = Date::parse_iso(text)) return {*date, "", ""};
        return refused("invalid_date", "not a real date; write it as YYYY-MM-DD, like 2025-09-01");
      case FieldKind::yes_no: {
        const std::string word = lower(text);
        if (word == "yes" || word == "true") return {true, "", ""};
        if (word == "no" || word == "false") return {false, "", ""};
        return refused("invalid_yes_no", "not yes or no; write yes or no");
      }
      case FieldKind::choice: {
        std::vector<std::string> codes;
        if (const model::Choice* c = choice(field.type_name)) {
          for (const auto& [code, label] : c->values) codes.push_back(code);
        }
        if (codes.empty() || std::find(codes.begin(), codes.end(), text) != codes.end()) return {text, "", ""};
        return refused("invalid_choice", "not a valid " + field.type_name + "; write one of " + joined(codes) +
                                             check::did_you_mean(check::closest_name(text, codes)));
      }
    }
    return {text, "", ""};
  }
};

FieldParser::FieldParser(const Engine& engine, Date today) : state_(std::make_unique<State>(engine, today)) {}
FieldParser::~FieldParser() = default;

ParsedField FieldParser::parse(RecordTypeId type, std::size_t slot, std::string_view text) {
  const FieldSchema& field = state_->schemas.at(type).fields.at(slot);
  const std::string value = trimmed(text);
  if (!field.is_list) return state_->parse_one(field, value);
  auto list = std::make_shared<FieldList>();
  std::size_t start = 0;
  while (start <= value.size() && !value.empty()) {
    std::size_t end = value.find(kListSeparator, start);
    if (end == std::string::npos) end = value.size();
    ParsedField item = state_->parse_one(field, trimmed(std::string_view(value).substr(start, end - start)));
    if (!item.ok()) return item;
    if (!std::holds_alternative<std::monostate>(item.value)) list->items.push_back(std::move(item.value));
    start = end + 1;
  }
  return {std::shared_ptr<const FieldList>(std::move(list)), "", ""};
}

std::vector<std::string> FieldParser::choice_codes(std::string_view name) const {
  std::vector<std::string> codes;
  if (const model::Choice* c = state_->choice(name)) {
    for (const auto& [code, label] : c->values) codes.push_back(code);
  }
  return codes;
}

}  // namespace ectflow
