// The expression IR: a flow's expressions after names have been resolved to slots, so nothing
// is looked up by name while a submission runs. Nodes live in one arena and refer to each
// other by index.
#pragma once

#include <cstdint>
#include <regex>
#include <vector>

#include "model/value.hpp"

namespace ectflow::model {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFF;

enum class Op : std::uint8_t {
  constant,       // value
  today,          // the date rules run on
  choice_label,   // a: a choice value; slot: the choice
  answer,         // slot: the journey's answer slot
  local,          // slot: a frame slot (who acts, the record a page starts from, query variables)
  let,            // slot: the let's index in the model
  collection,     // type: every record of that type
  field,          // a: object; type, slot: a stored field
  derived_field,  // a: object; type, slot: the record's derived field
  status_field,   // a: object; type, slot: the record's status block
  status_part,    // a: a status; slot: 0 code, 1 label, 2 reason
  is_empty,       // a
  is_open,        // a; type
  is_asked,       // slot: answer slot
  not_,
  negate,
  and_,
  or_,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  matches,  // a; slot: pattern index
  add,
  sub,
  mul,
  div,
  if_,            // a ? b : c
  list,           // children
  text,           // children: the template's parts, joined
  call_builtin,   // slot: builtin id; children: arguments
  call_rule,      // slot: rule index; children: arguments (bound to the rule's frame slots)
  call_hook,      // slot: hook index; children: arguments
  query,          // kind: QueryKind; slot: the variable's frame slot; a: collection; b: where; c: projection;
                  // index_key, when set: only records whose field index_slot equals it can match
  lookup,         // type; a: the key: `first x in C where x.KEY = a`, found by key, not by a scan
};

enum class QueryKind : std::uint8_t { exists, count, first, all, collect };

struct Node {
  Op op = Op::constant;
  std::uint8_t kind = 0;
  RecordTypeId type = 0;
  std::uint32_t slot = 0;
  NodeId a = kNoNode, b = kNoNode, c = kNoNode;
  std::vector<NodeId> children;   // list items, call arguments, text parts, sort keys (query)
  std::vector<bool> descending;   // query sort keys
  Value constant;
  std::uint32_t index_slot = 0;   // query: the field the store's index narrows it by
  NodeId index_key = kNoNode;     // query: the value that field must hold
  bool index_is_where = false;    // query: the `where` is just `x.F = E`: the index decides alone
  std::uint32_t lower_slot = 0;   // query, `lower(x.F) = E` first: the field whose lowercase is E
  NodeId lower_key = kNoNode;     // query: E (tried before index_key, where the store can)
};

struct ExprArena {
  std::vector<Node> nodes;
  std::vector<std::regex> patterns;

  NodeId add(Node node) {
    nodes.push_back(std::move(node));
    return static_cast<NodeId>(nodes.size() - 1);
  }
  const Node& operator[](NodeId id) const { return nodes[id]; }
};

}  // namespace ectflow::model
