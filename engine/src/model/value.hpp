// A value while expressions run: what a field, an answer or an expression gives.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "ectflow/store.hpp"

namespace ectflow::model {

struct Duration {
  int months = 0;
  int days = 0;
  bool operator==(const Duration&) const = default;
};

// A record in the store, with its type, so fields can be read by slot.
struct RecordRef {
  RecordTypeId type = 0;
  const Record* record = nullptr;
  bool operator==(const RecordRef&) const = default;
};

// A derived status: which rule of the status block applied.
struct StatusValue {
  std::string code;
  std::string reason;
  std::string label;
  bool operator==(const StatusValue&) const = default;
};

// Held by pointer in a Value: a status is rare and three texts, and a Value should stay small.
using StatusRef = std::shared_ptr<const StatusValue>;

struct Value;
using ValueList = std::shared_ptr<const std::vector<Value>>;

struct Value {
  std::variant<std::monostate, bool, double, std::string, Date, Duration, RecordRef, StatusRef, ValueList> v;

  bool empty() const;
  bool truthy() const { return std::holds_alternative<bool>(v) && std::get<bool>(v); }
};

Value make_list(std::vector<Value> items);
Value make_status(StatusValue status);

}  // namespace ectflow::model
