#include "check/types.hpp"

namespace ectflow::check {

std::string describe(const Type& type) {
  using K = Type::Kind;
  std::string element;
  switch (type.kind) {
    case K::unknown: element = "an unknown value"; break;
    case K::nothing: element = "empty"; break;
    case K::text: element = type.name.empty() || type.name == "text" ? "text" : "a " + type.name; break;
    case K::number: element = "a number"; break;
    case K::date: element = type.name.empty() || type.name == "date" ? "a date" : "a " + type.name; break;
    case K::duration: element = "a duration"; break;
    case K::yes_no: element = "yes or no"; break;
    case K::choice: element = "a " + type.name + " choice"; break;
    case K::record: element = "a " + type.name + " record"; break;
    case K::status: element = "a " + type.name + " status"; break;
  }
  if (!type.list) return element;
  if (element.rfind("a ", 0) == 0) element = element.substr(2) + "s";
  return "a list of " + element;
}

bool compatible(const Type& a, const Type& b) {
  using K = Type::Kind;
  if (!a.known() || !b.known() || a.kind == K::nothing || b.kind == K::nothing) return true;
  if (a.list != b.list) return false;
  // A reference holds its record's id, so it compares with text (an answer holding an id).
  auto id_like = [](const Type& t) { return t.kind == K::text || t.kind == K::record; };
  if (a.kind == K::record && b.kind == K::record) return a.name == b.name;
  if (id_like(a) && id_like(b)) return true;
  if (a.kind != b.kind) return false;
  if (a.kind == K::choice || a.kind == K::status) return a.name == b.name;
  return true;
}

}  // namespace ectflow::check
