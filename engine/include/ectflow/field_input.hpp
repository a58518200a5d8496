// Stored field values from text, as an import file writes them, checked the way the flows type
// each field. Standard library types only.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow {

struct ParsedField {
  FieldValue value;    // empty (monostate) for blank text
  std::string code;    // why it was refused: the answer type's code, or invalid_date, ...
  std::string error;   // what is wrong and how to fix it; "" when the text was accepted
  bool ok() const { return error.empty(); }
};

// Reads field values by the field's declared type: a date in ISO form (2025-09-01), yes or no
// (true and false too, any case), a number, one of a choice's codes, a list's items separated by
// ";". A field declared with an answer type (`as trn`, `as nino`, `as email`) is normalised and
// checked by that type's rules, as a journey's answer is ("RP99/12345" becomes 9912345).
// Surrounding white space is ignored; blank text is an empty value. `error` does not repeat the
// text or name the field, so a caller can say where it was.
class FieldParser {
 public:
  // `today` is the day answer types' rules run on.
  FieldParser(const Engine& engine, Date today);
  ~FieldParser();
  FieldParser(const FieldParser&) = delete;
  FieldParser& operator=(const FieldParser&) = delete;

  ParsedField parse(RecordTypeId type, std::size_t slot, std::string_view text);
  // A choice's codes in declared order, or none if the flows declare no such choice.
  std::vector<std::string> choice_codes(std::string_view choice) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ectflow
