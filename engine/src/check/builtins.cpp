#include "check/builtins.hpp"

#include <array>

namespace ectflow::check {
namespace {

using K = Type::Kind;

bool is_text(const Type& t) { return !t.known() || t.kind == K::nothing || t.is(K::text); }

std::optional<std::string> one_text(const std::vector<Type>& a) {
  if (a.size() != 1) return "takes one text value";
  if (!is_text(a[0])) return "takes text, not " + describe(a[0]);
  return std::nullopt;
}
std::optional<std::string> two_texts(const std::vector<Type>& a) {
  if (a.size() != 2 || !is_text(a[0]) || !is_text(a[1])) return "takes two text values";
  return std::nullopt;
}
std::optional<std::string> text_or_list(const std::vector<Type>& a) {
  if (a.size() != 1 || !(is_text(a[0]) || a[0].list)) return "takes one text value or one list";
  return std::nullopt;
}
std::optional<std::string> pad_args(const std::vector<Type>& a) {
  if (a.size() != 3 || !is_text(a[0]) || !(a[1].is(K::number) || !a[1].known()) || !is_text(a[2])) {
    return "takes a text, a width and a fill text, like pad_left(value, 7, \"0\")";
  }
  return std::nullopt;
}
std::optional<std::string> join_args(const std::vector<Type>& a) {
  if (a.size() != 2 || !(a[0].list || !a[0].known()) || !is_text(a[1])) {
    return "takes a list and a separator, like join(names, \", \")";
  }
  return std::nullopt;
}
std::optional<std::string> one_list(const std::vector<Type>& a) {
  if (a.size() != 1 || !(a[0].list || !a[0].known())) return "takes one list";
  return std::nullopt;
}
std::optional<std::string> two_same(const std::vector<Type>& a) {
  if (a.size() != 2 || !compatible(a[0], a[1])) return "takes two values of the same kind";
  if (a[0].known() && !(a[0].is(K::number) || a[0].is(K::date))) return "takes two numbers or two dates";
  return std::nullopt;
}

std::optional<std::string> three_texts(const std::vector<Type>& a) {
  if (a.size() != 3 || !is_text(a[0]) || !is_text(a[1]) || !is_text(a[2])) {
    return "takes three text values, like replace(value, \"/\", \"\")";
  }
  return std::nullopt;
}

std::optional<std::string> one_date(const std::vector<Type>& a) {
  if (a.size() != 1 || !(a[0].is(K::date) || !a[0].known() || a[0].kind == K::nothing)) return "takes one date";
  return std::nullopt;
}

Type text_result(const std::vector<Type>&) { return Type::of(K::text, "text"); }
Type date_result(const std::vector<Type>&) { return Type::of(K::date); }
Type number_result(const std::vector<Type>&) { return Type::of(K::number); }
Type yes_no_result(const std::vector<Type>&) { return Type::of(K::yes_no); }
Type same_as_first(const std::vector<Type>& a) { return a.empty() ? Type{} : a[0]; }
Type first_known(const std::vector<Type>& a) {
  for (const Type& t : a) {
    if (t.known() && t.kind != K::nothing) return t;
  }
  return a.empty() ? Type{} : a[0];
}

// A builtin's position here is its id in expr/builtins.cpp: add new ones at the end.
constexpr std::array<Builtin, 19> kBuiltins = {{
    {"trim", one_text, text_result},
    {"casefold", one_text, text_result},
    {"upper", one_text, text_result},
    {"lower", one_text, text_result},
    {"digits", one_text, text_result},
    {"remove_spaces", one_text, text_result},
    {"length", text_or_list, number_result},
    {"pad_left", pad_args, text_result},
    {"join", join_args, text_result},
    {"contains", two_texts, yes_no_result},
    {"sorted", one_list, same_as_first},
    {"unique", one_list, same_as_first},
    {"min", two_same, first_known},
    {"max", two_same, first_known},
    {"utf16_length", one_text, number_result},
    {"replace", three_texts, text_result},
    {"remove_prefix", two_texts, text_result},
    {"to_date", one_text, date_result},
    {"year", one_date, number_result},
}};

}  // namespace

const Builtin* find_builtin(std::string_view name) {
  for (const Builtin& b : kBuiltins) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (const Builtin& b : kBuiltins) names.emplace_back(b.name);
  return names;
}

}  // namespace ectflow::check
