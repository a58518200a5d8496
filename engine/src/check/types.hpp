// The checker's types: what an expression's value is, so `start_date > "yes"` is caught.
#pragma once

#include <string>

namespace ectflow::check {

struct Type {
  enum class Kind {
    unknown,   // an error was already reported: stay quiet about it
    nothing,   // the literal `empty`: fits anywhere
    text,      // name: "text" or a text-based type (email, trn, ...)
    number,
    date,      // name: "date" or a date-based type (date_of_birth)
    duration,  // 4 months
    yes_no,
    choice,    // name: the choice
    record,    // name: the record (a reference to one)
    status,    // name: "record.status_name"
  };
  Kind kind = Kind::unknown;
  std::string name;
  bool list = false;

  static Type of(Kind k, std::string n = {}) { return Type{k, std::move(n), false}; }
  static Type list_of(Type element) {
    element.list = true;
    return element;
  }
  Type element() const { return Type{kind, name, false}; }
  bool is(Kind k) const { return kind == k && !list; }
  bool known() const { return kind != Kind::unknown; }
};

// For messages: "a date", "a list of ect records", "the choice working_pattern".
std::string describe(const Type& type);
// Whether two values may be compared with = or assigned one to the other.
bool compatible(const Type& a, const Type& b);

}  // namespace ectflow::check
