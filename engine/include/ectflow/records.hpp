// Records as exports, reports and other front ends read them: a record's stored fields, derived
// fields and statuses, each worked out by the flows' rules for a RunContext's day and given as
// text. Standard library types only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow {

struct FieldText {
  enum class Source { stored, derived, status };
  std::string name;
  Source source = Source::stored;
  // The value as files write it: an ISO date, yes or no, a number, a choice's or a status's code,
  // a record's id; "" when empty. A list's items are joined with ", ".
  std::string value;
  bool is_list = false;
  std::vector<std::string> items;  // a list's items, each as `value` writes one
  // The value as a page shows it: "1 September 2025", "Yes", a choice's or a status's label.
  std::string label;
  std::string reason;  // a status's reason code, if it gives one
};

struct RecordFields {
  std::string type;
  std::string id;
  bool open = true;               // the type's `open when` on the day (true when it has none)
  std::vector<FieldText> fields;  // in the order asked for

  const FieldText* find(std::string_view name) const;
  // The field's `value`, or "" when it was not read.
  const std::string& value(std::string_view name) const;
};

// Reads records of one type. Derived fields and statuses can query many other records, so a
// reader works out only the fields it is asked for; one reader shares its work across records.
class RecordFieldsReader {
 public:
  // `fields` names stored fields, derived fields and status blocks (`status`, `funding`); empty
  // reads them all: stored fields by slot, then derived fields, then statuses. Throws
  // std::invalid_argument naming a record type or field the flows do not declare.
  RecordFieldsReader(const Engine& engine, const RunContext& context, std::string_view type,
                     std::vector<std::string> fields = {});
  ~RecordFieldsReader();
  RecordFieldsReader(const RecordFieldsReader&) = delete;
  RecordFieldsReader& operator=(const RecordFieldsReader&) = delete;

  std::optional<RecordFields> read(std::string_view id);
  std::vector<RecordFields> read_all();  // in the store's order
  // Hooks that failed while statuses or fields were worked out (the reader carried on).
  const std::vector<std::string>& hook_problems() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ectflow
