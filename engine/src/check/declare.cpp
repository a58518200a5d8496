// Pass 1 of the checker: every declaration by name, duplicates reported; and the lookups
// (types, fields, choice values) the later passes share.
#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/suggest.hpp"

namespace ectflow::check {

using namespace syntax;
using K = Type::Kind;

namespace {
// Types every flow may use without declaring them.
const std::map<std::string, Type::Kind>& base_types() {
  static const std::map<std::string, Type::Kind> types = {
      {"text", K::text}, {"number", K::number}, {"date", K::date}, {"yes_no", K::yes_no}};
  return types;
}
}  // namespace

void Checker::report(Severity severity, Span span, std::string code, std::string message,
                     std::optional<std::string> replacement) {
  // A name read in several places (a field's type, say) is reported once, where it is written.
  if (!reported_.emplace(span.file, span.begin, code).second) return;
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  d.replacement = std::move(replacement);
  out_.push_back(std::move(d));
}

void Checker::unknown(const Name& name, std::string code, const std::string& what,
                      const std::vector<std::string>& candidates, const std::string& hint) {
  auto suggestion = closest_name(name.text, candidates);
  error(name.span, std::move(code),
        fmt::format("there is no {} named `{}`{}{}", what, name.text, did_you_mean(suggestion),
                    suggestion || hint.empty() ? "" : "; " + hint),
        suggestion);
}

template <typename Map>
void Checker::declare_unique(Map& map, const Name& name, typename Map::mapped_type decl, const char* what) {
  auto [it, inserted] = map.emplace(name.text, decl);
  if (inserted) return;
  duplicate(name.span, fmt::format("{} `{}` is declared twice; rename or remove one", what, name.text),
            it->second->name.span);
}

void Checker::duplicate(Span span, std::string message, Span first, const char* note) {
  Diagnostic d;
  d.code = "duplicate-declaration";
  d.span = span;
  d.message = std::move(message);
  d.notes.push_back({first, note});
  out_.push_back(std::move(d));
}

void Checker::declare(const FlowFile& file) {
  for (const Declaration& declaration : file.declarations) {
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, RecordDecl>) {
            declare_unique(program_.records, d.name, &d, "record");
            std::string plural = d.plural.empty() ? d.name.text + "s" : d.plural.text;
            program_.collections.emplace(plural, d.name.text);
          } else if constexpr (std::is_same_v<T, ChoiceDecl>) {
            declare_unique(program_.choices, d.name, &d, "choice");
          } else if constexpr (std::is_same_v<T, TypeDecl>) {
            declare_unique(program_.types, d.name, &d, "type");
          } else if constexpr (std::is_same_v<T, HookDecl>) {
            declare_unique(program_.hooks, d.name, &d, "hook");
          } else if constexpr (std::is_same_v<T, RuleDecl>) {
            declare_unique(program_.rules, d.name, &d, "rule");
          } else if constexpr (std::is_same_v<T, Journey>) {
            declare_unique(program_.journeys, d.name, &d, "journey");
          } else {
            declare_unique(program_.views, d.name, &d, "view");
          }
        },
        declaration);
  }
}

Type Checker::resolve_type(const TypeRef& ref) {
  const std::string& name = ref.name.text;
  Type t;
  if (auto base = base_types().find(name); base != base_types().end()) {
    t = Type::of(base->second, name);
  } else if (name == "status") {
    t = Type::of(K::status, "status");
  } else if (program_.records.count(name)) {
    t = Type::of(K::record, name);
  } else if (program_.choices.count(name)) {
    t = Type::of(K::choice, name);
  } else if (auto type = program_.types.find(name); type != program_.types.end()) {
    auto base = base_types().find(type->second->base.text);
    t = base == base_types().end() ? Type{} : Type::of(base->second, name);
  } else {
    std::vector<std::string> candidates;
    for (const auto& [n, k] : base_types()) candidates.push_back(n);
    for (const auto& [n, r] : program_.records) candidates.push_back(n);
    for (const auto& [n, c] : program_.choices) candidates.push_back(n);
    for (const auto& [n, d] : program_.types) candidates.push_back(n);
    unknown(ref.name, "unknown-type", "type", candidates,
            "use text, number, date, yes_no, a choice, a type or a record");
    return Type{};
  }
  t.list = ref.is_list;
  return t;
}

std::vector<std::string> Checker::field_names(const std::string& record) const {
  std::vector<std::string> names;
  if (auto it = program_.records.find(record); it != program_.records.end()) {
    for (const auto& f : it->second->fields) names.push_back(f.name.text);
    for (const auto& s : it->second->statuses) names.push_back(s.name.text);
  }
  return names;
}

Type Checker::field_type(const std::string& record, const Name& field) {
  auto it = program_.records.find(record);
  if (it == program_.records.end()) return Type{};
  for (const auto& f : it->second->fields) {
    if (f.name.text == field.text) return resolve_type(f.type);
  }
  for (const auto& s : it->second->statuses) {
    if (s.name.text == field.text) return Type::of(K::status, record + "." + s.name.text);
  }
  unknown(field, "unknown-field", "field of record " + record, field_names(record));
  return Type{};
}

std::vector<std::string> Checker::choice_values(const Type& type) const {
  std::vector<std::string> values;
  if (type.kind == K::yes_no) return {"yes", "no"};
  if (type.kind == K::choice) {
    if (auto it = program_.choices.find(type.name); it != program_.choices.end()) {
      for (const auto& v : it->second->values) values.push_back(v.value.text);
    }
  } else if (type.kind == K::status) {
    auto dot = type.name.find('.');
    auto record = program_.records.find(type.name.substr(0, dot));
    if (record != program_.records.end() && dot != std::string::npos) {
      for (const auto& s : record->second->statuses) {
        if (s.name.text != type.name.substr(dot + 1)) continue;
        for (const auto& rule : s.rules) values.push_back(rule.code.text);
      }
    }
  }
  return values;
}

void check_program(const std::vector<const FlowFile*>& files, std::vector<Diagnostic>& out,
                   CheckFacts* facts) {
  CheckFacts local;
  Checker checker(out, facts ? *facts : local);
  for (const FlowFile* file : files) checker.declare(*file);
  for (const FlowFile* file : files) checker.check(*file);
}

}  // namespace ectflow::check
