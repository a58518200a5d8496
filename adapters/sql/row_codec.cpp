// Converting field values to and from the columns SOCI binds and fetches.
#include "row_codec.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "ectflow/sql_store.hpp"

namespace ectflow::sql {

namespace {

const char* kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::text:
      return "text";
    case FieldKind::number:
      return "a number";
    case FieldKind::date:
      return "a date";
    case FieldKind::yes_no:
      return "yes or no";
    case FieldKind::choice:
      return "a choice";
    case FieldKind::reference:
      return "a reference";
  }
  return "a value";
}

[[noreturn]] void wrong_kind(const TableLayout& layout, const Column& column) {
  throw std::invalid_argument("field " + layout.record + "." + column.name + " should hold " +
                              (column.is_list ? std::string("a list") : kind_name(column.kind)));
}

bool is_text_kind(FieldKind kind) {
  return kind == FieldKind::text || kind == FieldKind::choice || kind == FieldKind::reference;
}

nlohmann::json item_json(const FieldValue& value, FieldKind kind, const TableLayout& layout,
                         const Column& column) {
  if (std::holds_alternative<std::monostate>(value)) return nullptr;
  if (is_text_kind(kind)) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
  } else if (kind == FieldKind::number) {
    if (const auto* number = std::get_if<double>(&value)) return *number;
  } else if (kind == FieldKind::date) {
    if (const auto* date = std::get_if<Date>(&value)) return date->iso();
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    return *flag;
  }
  wrong_kind(layout, column);
}

FieldValue item_value(const nlohmann::json& item, FieldKind kind, const TableLayout& layout,
                      const Column& column) {
  if (item.is_null()) return std::monostate{};
  if (is_text_kind(kind) && item.is_string()) return item.get<std::string>();
  if (kind == FieldKind::number && item.is_number()) return item.get<double>();
  if (kind == FieldKind::yes_no && item.is_boolean()) return item.get<bool>();
  if (kind == FieldKind::date && item.is_string()) {
    if (auto date = Date::parse_iso(item.get<std::string>())) return *date;
  }
  throw StoreError("table " + layout.table + " column " + column.name + " holds \"" + item.dump() +
                   "\", which is not " + kind_name(kind) +
                   ": the database was changed outside ectflow");
}

}  // namespace

void Bindings::text(std::optional<std::string> value) {
  std::string& held = texts_.emplace_back(value.value_or(""));
  soci::indicator& indicator = indicators_.emplace_back(value ? soci::i_ok : soci::i_null);
  exchanges_.push_back(
      [&held, &indicator](soci::statement& st) { st.exchange(soci::use(held, indicator)); });
}

void Bindings::real(std::optional<double> value) {
  double& held = reals_.emplace_back(value.value_or(0));
  soci::indicator& indicator = indicators_.emplace_back(value ? soci::i_ok : soci::i_null);
  exchanges_.push_back(
      [&held, &indicator](soci::statement& st) { st.exchange(soci::use(held, indicator)); });
}

void Bindings::integer(std::optional<int> value) {
  int& held = integers_.emplace_back(value.value_or(0));
  soci::indicator& indicator = indicators_.emplace_back(value ? soci::i_ok : soci::i_null);
  exchanges_.push_back(
      [&held, &indicator](soci::statement& st) { st.exchange(soci::use(held, indicator)); });
}

void Bindings::int64(long long value) {
  long long& held = int64s_.emplace_back(value);
  exchanges_.push_back([&held](soci::statement& st) { st.exchange(soci::use(held)); });
}

void Bindings::fields(const TableLayout& layout, const Record& record) {
  for (const Column& column : layout.columns) {
    const FieldValue& value =
        column.slot < record.fields.size() ? record.fields[column.slot] : FieldValue{};
    const bool empty = std::holds_alternative<std::monostate>(value);
    if (column.is_list) {
      if (empty) {
        text(std::nullopt);
        continue;
      }
      const auto* list = std::get_if<std::shared_ptr<const FieldList>>(&value);
      if (!list || !*list) wrong_kind(layout, column);
      nlohmann::json array = nlohmann::json::array();
      for (const FieldValue& item : (*list)->items)
        array.push_back(item_json(item, column.kind, layout, column));
      text(array.dump());
    } else if (column.storage == Storage::real) {
      const auto* number = std::get_if<double>(&value);
      if (!empty && !number) wrong_kind(layout, column);
      real(number ? std::optional(*number) : std::nullopt);
    } else if (column.storage == Storage::integer) {
      const auto* flag = std::get_if<bool>(&value);
      if (!empty && !flag) wrong_kind(layout, column);
      integer(flag ? std::optional(*flag ? 1 : 0) : std::nullopt);
    } else if (column.kind == FieldKind::date) {
      const auto* date = std::get_if<Date>(&value);
      if (!empty && !date) wrong_kind(layout, column);
      text(date ? std::optional(date->iso()) : std::nullopt);
    } else {
      const auto* held = std::get_if<std::string>(&value);
      if (!empty && !held) wrong_kind(layout, column);
      text(held ? std::optional(*held) : std::nullopt);
    }
  }
}

long long Bindings::execute(soci::session& session, const std::string& sql) {
  soci::statement st(session);
  for (const auto& exchange : exchanges_) exchange(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

void fetch_records(soci::session& session, const std::string& sql, const TableLayout& layout,
                   std::size_t field_count, const std::optional<std::string>& id,
                   const std::function<void(Record)>& visit) {
  const std::size_t n = layout.columns.size();
  std::string row_id;
  long long version = 0;
  std::vector<std::string> texts(n);
  std::vector<double> reals(n);
  std::vector<int> integers(n);
  std::vector<soci::indicator> indicators(n, soci::i_ok);
  std::string id_value = id.value_or("");

  soci::statement st(session);
  st.exchange(soci::into(row_id));
  for (std::size_t i = 0; i < n; ++i) {
    switch (layout.columns[i].storage) {
      case Storage::text:
        st.exchange(soci::into(texts[i], indicators[i]));
        break;
      case Storage::real:
        st.exchange(soci::into(reals[i], indicators[i]));
        break;
      case Storage::integer:
        st.exchange(soci::into(integers[i], indicators[i]));
        break;
    }
  }
  st.exchange(soci::into(version));
  if (id) st.exchange(soci::use(id_value));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    Record record;
    record.fields.resize(field_count);
    record.version = version;
    if (layout.key_is_id_column) record.fields[layout.key_slot] = row_id;
    for (std::size_t i = 0; i < n; ++i) {
      const Column& column = layout.columns[i];
      FieldValue& field = record.fields[column.slot];
      if (indicators[i] == soci::i_null) continue;
      if (column.is_list) {
        nlohmann::json array = nlohmann::json::parse(texts[i], nullptr, false);
        if (!array.is_array()) item_value(array, FieldKind::yes_no, layout, column);  // throws
        auto list = std::make_shared<FieldList>();
        for (const auto& item : array)
          list->items.push_back(item_value(item, column.kind, layout, column));
        field = std::shared_ptr<const FieldList>(std::move(list));
      } else if (column.storage == Storage::real) {
        field = reals[i];
      } else if (column.storage == Storage::integer) {
        field = integers[i] != 0;
      } else if (column.kind == FieldKind::date) {
        field = item_value(nlohmann::json(texts[i]), FieldKind::date, layout, column);
      } else {
        field = texts[i];
      }
    }
    visit(std::move(record));
  }
}

namespace {

bool same_value(const FieldValue& a, const FieldValue& b) {
  const auto* list_a = std::get_if<std::shared_ptr<const FieldList>>(&a);
  const auto* list_b = std::get_if<std::shared_ptr<const FieldList>>(&b);
  if (!list_a || !list_b) return a == b;
  if (!*list_a || !*list_b) return *list_a == *list_b;
  const auto& items_a = (*list_a)->items;
  const auto& items_b = (*list_b)->items;
  if (items_a.size() != items_b.size()) return false;
  for (std::size_t i = 0; i < items_a.size(); ++i) {
    if (!same_value(items_a[i], items_b[i])) return false;
  }
  return true;
}

}  // namespace

bool same_record(const Record& a, const Record& b) {
  if (a.version != b.version || a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    if (!same_value(a.fields[i], b.fields[i])) return false;
  }
  return true;
}

}  // namespace ectflow::sql
