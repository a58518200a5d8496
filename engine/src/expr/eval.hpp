// Runs IR expressions against a store snapshot, the answers given so far and today's date.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace ectflow::expr {

using model::NodeId;
using model::Value;

// Calls a policy hook (Lua) with typed values. The runtime provides one; without it, a hook
// call gives empty and records the problem.
class HookCaller {
 public:
  virtual ~HookCaller() = default;
  virtual Value call(std::uint32_t hook, const std::vector<Value>& args) = 0;
};

// The answers of one journey instance, already converted to values, by answer slot.
struct AnswerValues {
  std::vector<std::optional<Value>> values;  // nullopt: not asked on the path
};

class Evaluator {
 public:
  Evaluator(const model::Model& model, const RecordReader& store, Date today, HookCaller* hooks = nullptr,
            const TeacherDirectory* teachers = nullptr);

  // A frame of slots for one journey, view, record rule or answer type.
  struct Frame {
    std::vector<Value> slots;
    const AnswerValues* answers = nullptr;
  };
  Frame frame(std::uint32_t size, const AnswerValues* answers = nullptr) const;

  Value eval(NodeId node, Frame& frame);
  bool test(NodeId node, Frame& frame) { return node == model::kNoNode || eval(node, frame).truthy(); }
  std::string text(NodeId node, Frame& frame);  // a template or any value, as page text

  // Record helpers shared with the runtime.
  RecordTypeId type_of_record(const Value& value) const;
  const Record* resolve(const Value& value, RecordTypeId type) const;
  Value field(const Value& record, RecordTypeId type, std::uint32_t slot) const;
  Value derived(const Value& record, RecordTypeId type, std::uint32_t index);
  Value status(const Value& record, RecordTypeId type, std::uint32_t index);
  bool is_open(const Value& record, RecordTypeId type);
  std::vector<Value> records(RecordTypeId type) const;

  // The items of a collection or list expression.
  std::vector<Value> sequence(NodeId node, Frame& frame);
  // Sorts items by keys evaluated with each item in `slot` (a stable sort; `sort by`).
  void sort_by(std::vector<Value>& items, const std::vector<NodeId>& keys, const std::vector<bool>& descending,
               std::uint32_t slot, Frame& frame);

  // The records a selection chooses, in its order.
  std::vector<Value> select(const model::Selection& selection, Frame& frame);

  static Value from_field(const FieldValue& field);
  bool equal(const Value& a, const Value& b) const;
  // Orders values for `sort by` and <, <=, >, >=: nullopt when they cannot be ordered.
  static std::optional<int> compare(const Value& a, const Value& b);
  std::string display(const Value& value) const;

  // Forgets the `let`s worked out so far: the answers they read have changed.
  void forget_lets();

  const model::Model& model() const { return model_; }
  const RecordReader& store() const { return store_; }
  Date today() const { return today_; }
  // Problems met while evaluating (a hook that failed), for the caller to report.
  std::vector<std::string> problems;

 private:
  std::vector<Value> candidates(const model::Node& node, Frame& frame, bool& decided);
  std::optional<std::string> index_text(NodeId key, Frame& frame, bool& exact);
  Value eval_query(const model::Node& node, Frame& frame);
  // A query's records that pass its `where`, in its order; whether there is any.
  std::vector<Value> matching(const model::Node& node, Frame& frame);
  bool any_matching(const model::Node& node, Frame& frame);
  Value eval_lookup(const model::Node& node, Frame& frame);
  Value eval_binary(const model::Node& node, Frame& frame);
  Value eval_call_rule(const model::Node& node, Frame& frame);
  Value eval_let(std::uint32_t index, Frame& frame);

  const model::Model& model_;
  const RecordReader& store_;
  Date today_;
  HookCaller* hooks_;
  const TeacherDirectory* teachers_;
  std::optional<RecordTypeId> teacher_type_;
  std::deque<Record> fetched_;  // teachers the directory returned, kept while values point at them
  std::vector<std::optional<Value>> let_cache_;
};

}  // namespace ectflow::expr
