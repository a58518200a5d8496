// Where records live. The engine reads and writes records only through `Store`; an in-memory
// store ships with the engine, and adapters (SQL) provide others. Standard library types only.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ectflow {

// A calendar date, as days since 1970-01-01 (proleptic Gregorian).
struct Date {
  std::int32_t days = 0;
  static std::optional<Date> parse_iso(std::string_view text);  // "2025-09-01" only
  static Date from_ymd(int year, unsigned month, unsigned day);
  std::string iso() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  auto operator<=>(const Date&) const = default;
};

struct FieldList;

// One stored field's value. References hold the referenced record's id as text; choices hold
// their value's code; empty is monostate; a `list of` field holds a FieldList.
using FieldValue =
    std::variant<std::monostate, bool, double, std::string, Date, std::shared_ptr<const FieldList>>;

struct FieldList {
  std::vector<FieldValue> items;
};

enum class FieldKind { text, number, date, yes_no, choice, reference };

struct FieldSchema {
  std::string name;
  FieldKind kind = FieldKind::text;
  std::string type_name;  // the choice, answer type or referenced record, when there is one
  bool is_list = false;   // `list of KIND`
  bool looked_up = false; // some query finds records by it (`x.F = E and …`): stores may index it
};

// A record type as the flows declare it: its stored fields, in slot order.
struct RecordSchema {
  std::string name;    // "ect"
  std::string plural;  // "ects"
  std::vector<FieldSchema> fields;
  std::size_t key = 0;  // the slot of the record's key (its id)

  std::optional<std::size_t> slot(std::string_view field) const;
};

using RecordTypeId = std::uint32_t;  // index into the engine's schemas

struct Record {
  std::vector<FieldValue> fields;  // by slot, as the schema orders them
  std::int64_t version = 0;        // bumped by every committed change (optimistic concurrency)

  const std::string& id(const RecordSchema& schema) const;
  // The text the record is found by: its key as text, also when the key is a number or a date.
  std::string key_text(const RecordSchema& schema) const;
};

// What a completion changes, applied all together or not at all.
struct RecordChange {
  enum class Kind { create, update, remove } kind;
  RecordTypeId type;
  Record record;  // update/remove: `version` is the version read
};

// The reads a store offers. Records are returned by pointer; they stay valid until the store
// commits a change to them.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual void for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const = 0;
  virtual const Record* find(RecordTypeId type, std::string_view id) const = 0;
  // The records whose field `slot` holds the text `value` (a text, a choice's code, or a
  // referenced record's id), in for_each's order. Stores may keep an index for it; this default
  // looks through every record.
  virtual void for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                              const std::function<void(const Record&)>& visit) const;
  // The records whose field `slot`, lowercased as the flow language's `lower` does, is `value`:
  // for `lower(x.F) = E`. False, visiting nothing, when the store keeps no such index; the
  // caller then narrows the records some other way.
  virtual bool for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                                    const std::function<void(const Record&)>& visit) const;
};

class StoreTransaction : public RecordReader {
 public:
  // Buffers a change; the store applies all of them when the transaction body returns true.
  virtual void apply(RecordChange change) = 0;
  // A fresh id for a record the engine creates.
  virtual std::string new_id(RecordTypeId type) = 0;
};

class Store : public RecordReader {
 public:
  // Runs `body` with a consistent view that no other writer changes meanwhile, then commits its
  // changes if it returns true. A change to a record whose version moved on is a conflict:
  // nothing is applied and the conflicting record is named in the result. `body` may run more
  // than once (a database refusing it because a concurrent transaction went first runs it
  // again), so it must start afresh each time and change nothing outside the transaction.
  struct CommitResult {
    bool committed = false;
    std::string conflict;  // empty when committed, or when the body declined
  };
  virtual CommitResult transact(const std::function<bool(StoreTransaction&)>& body) = 0;
};

// The Teaching Regulation Agency's records, read through a lookup (DOMAIN.md: teacher).
// The default implementation reads the teachers imported into the store.
class TeacherDirectory {
 public:
  virtual ~TeacherDirectory() = default;
  virtual std::optional<Record> find_by_trn(std::string_view trn) const = 0;
};

}  // namespace ectflow
