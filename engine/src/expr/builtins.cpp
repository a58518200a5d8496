// What each builtin does. Their argument types were checked when the flows loaded.
#include "expr/builtins.hpp"

#include <algorithm>

#include "expr/eval.hpp"
#include "expr/unicode.hpp"

namespace ectflow::expr {
namespace {

using model::Value;
using model::ValueList;

std::string text_of(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v.v)) return *s;
  return {};
}

std::vector<Value> list_of(const Value& v) {
  if (const auto* l = std::get_if<ValueList>(&v.v); l && *l) return **l;
  return {};
}

// Most answers and names are plain ASCII: their code points are their bytes, so the text builtins
// work on the bytes and skip decoding (the Unicode mappings send ASCII to ASCII).
bool is_ascii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

template <typename Map>
Value map_code_points(const Value& v, Map map) {
  std::string text = text_of(v);
  if (is_ascii(text)) {
    for (char& c : text) c = static_cast<char>(map(static_cast<char32_t>(c)));
    return Value{std::move(text)};
  }
  auto cps = decode_utf8(text);
  for (char32_t& c : cps) c = map(c);
  return Value{encode_utf8(cps)};
}

Value trim(const Value& v) {
  std::string text = text_of(v);
  if (is_ascii(text)) {
    std::size_t b = 0, e = text.size();
    while (b < e && is_white_space(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && is_white_space(static_cast<unsigned char>(text[e - 1]))) --e;
    return Value{text.substr(b, e - b)};
  }
  auto cps = decode_utf8(text);
  std::size_t b = 0, e = cps.size();
  while (b < e && is_white_space(cps[b])) ++b;
  while (e > b && is_white_space(cps[e - 1])) --e;
  return Value{encode_utf8(std::vector<char32_t>(cps.begin() + static_cast<long>(b), cps.begin() + static_cast<long>(e)))};
}

Value keep_if(const Value& v, bool (*keep)(char32_t)) {
  std::string text = text_of(v);
  if (is_ascii(text)) {
    std::erase_if(text, [&](char c) { return !keep(static_cast<unsigned char>(c)); });
    return Value{std::move(text)};
  }
  auto cps = decode_utf8(text);
  std::vector<char32_t> out;
  for (char32_t c : cps) {
    if (keep(c)) out.push_back(c);
  }
  return Value{encode_utf8(out)};
}

// The length JavaScript (and so a GOV.UK character count) gives: code points beyond the Basic
// Multilingual Plane count twice.
std::size_t utf16_length(const std::string& text) {
  std::size_t units = 0;
  for (char32_t c : decode_utf8(text)) units += c > 0xFFFF ? 2 : 1;
  return units;
}

Value replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return Value{text};
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return Value{text};
}

Value min_max(const std::vector<Value>& args, bool want_max) {
  if (args[0].empty()) return args[1];
  if (args[1].empty()) return args[0];
  auto order = Evaluator::compare(args[0], args[1]).value_or(0);
  return (want_max ? order >= 0 : order <= 0) ? args[0] : args[1];
}

}  // namespace

Value call_builtin(std::uint32_t id, const std::vector<Value>& args) {
  switch (id) {
    case 0: return trim(args[0]);
    case 1: return map_code_points(args[0], simple_casefold);
    case 2: return map_code_points(args[0], simple_upper);
    case 3: return Value{lower_text(text_of(args[0]))};  // the same as the stores' lowered indexes
    case 4: return keep_if(args[0], [](char32_t c) { return c >= '0' && c <= '9'; });
    case 5: return keep_if(args[0], [](char32_t c) { return !is_white_space(c); });
    case 6:
      if (std::holds_alternative<ValueList>(args[0].v)) return Value{static_cast<double>(list_of(args[0]).size())};
      return Value{static_cast<double>(decode_utf8(text_of(args[0])).size())};
    case 7: {  // pad_left(text, width, fill)
      auto cps = decode_utf8(text_of(args[0]));
      auto fill = decode_utf8(text_of(args[2]));
      const auto* width = std::get_if<double>(&args[1].v);
      if (!width || fill.empty()) return args[0];
      std::vector<char32_t> out;
      while (out.size() + cps.size() < static_cast<std::size_t>(*width)) out.push_back(fill[0]);
      out.insert(out.end(), cps.begin(), cps.end());
      return Value{encode_utf8(out)};
    }
    case 8: {  // join(list, separator)
      std::string out;
      const std::string sep = text_of(args[1]);
      bool first = true;
      for (const Value& item : list_of(args[0])) {
        out += (first ? "" : sep) + text_of(item);
        first = false;
      }
      return Value{out};
    }
    case 9: return Value{text_of(args[0]).find(text_of(args[1])) != std::string::npos};
    case 10: {  // sorted
      auto items = list_of(args[0]);
      std::stable_sort(items.begin(), items.end(),
                       [](const Value& a, const Value& b) { return Evaluator::compare(a, b).value_or(0) < 0; });
      return model::make_list(std::move(items));
    }
    case 11: {  // unique: the first of each is kept
      std::vector<Value> out;
      for (const Value& item : list_of(args[0])) {
        bool seen = std::any_of(out.begin(), out.end(),
                                [&](const Value& o) { return Evaluator::compare(o, item) == 0 && o.v.index() == item.v.index(); });
        if (!seen) out.push_back(item);
      }
      return model::make_list(std::move(out));
    }
    case 12: return min_max(args, false);
    case 13: return min_max(args, true);
    case 14: return Value{static_cast<double>(utf16_length(text_of(args[0])))};
    case 15: return replace_all(text_of(args[0]), text_of(args[1]), text_of(args[2]));
    case 16: {  // remove_prefix(text, prefix): once, when it is there
      std::string text = text_of(args[0]);
      const std::string prefix = text_of(args[1]);
      return Value{text.starts_with(prefix) ? text.substr(prefix.size()) : text};
    }
    case 17: {  // to_date(text): exactly YYYY-MM-DD, a real date; else empty
      auto date = Date::parse_iso(text_of(args[0]));
      return date ? Value{*date} : Value{};
    }
    case 18: {  // year(date); empty for an empty date
      const auto* date = std::get_if<Date>(&args[0].v);
      return date ? Value{static_cast<double>(date->year())} : Value{};
    }
    default: return Value{};
  }
}

}  // namespace ectflow::expr
