// Results out of Lua: the value a hook returned, checked against its declared type.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <lua.hpp>
#include <string_view>

#include "hooks/convert.hpp"

namespace ectflow::hooks {
namespace {

// What is wrong with a result, and where in it: "" for the value itself, "[2].code" inside.
struct Problem {
  std::string path;
  std::string message;
};

using Read = std::variant<DataValue, Problem>;

Read inside(std::string step, Read read) {
  if (auto* problem = std::get_if<Problem>(&read)) problem->path = std::move(step) + problem->path;
  return read;
}

bool has_date_shape(std::string_view text) {  // YYYY-MM-DD
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool is_real_date(std::string_view text) {  // of the date shape
  const auto number = [&](std::size_t from, std::size_t length) {
    int n = 0;
    for (std::size_t i = from; i < from + length; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  return date.ok();
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return "\"" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...\"" : "\"");
}

// What came back, for messages: "the text \"2025\"", "a table", "nil".
std::string describe_value(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TNIL:
      return "nil";
    case LUA_TBOOLEAN:
      return lua_toboolean(L, index) != 0 ? "true" : "false";
    case LUA_TNUMBER: {
      char text[48];
      const double number = lua_tonumber(L, index);
      if (std::isnan(number)) return "the number NaN";
      if (std::isinf(number)) return number > 0 ? "the number infinity" : "the number -infinity";
      if (lua_isinteger(L, index)) {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(lua_tointeger(L, index)));
      } else {
        std::snprintf(text, sizeof text, "%.14g", number);
      }
      return std::string("the number ") + text;
    }
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(L, index, &length);
      return "the text " + quoted({text, length});
    }
    default:
      return std::string("a ") + lua_typename(L, lua_type(L, index));
  }
}

Read mismatch(lua_State* L, int index, const std::string& expected, const char* why = nullptr) {
  return Problem{"",
                 "expected " + expected + ", got " + describe_value(L, index) + (why ? why : "")};
}

Read problem(std::string message) {
  return Problem{"", std::move(message)};
}

bool among(const std::vector<std::string>& values, std::string_view text) {
  return std::find(values.begin(), values.end(), text) != values.end();
}

std::string text_at(lua_State* L, int index) {
  std::size_t length = 0;
  const char* text = lua_tolstring(L, index, &length);  // a string: no conversion
  return {text, length};
}

Read read_any(lua_State* L, int index, int depth);
Read read_typed(lua_State* L, int index, const HookType& type, int depth);

// The keys of a table, read raw: all strings (a record), 1..n (a list), or neither.
struct Keys {
  std::size_t count = 0;
  bool strings = true;
  bool sequence = true;
};

// The table to read at `index` (a returned argument reads through to its fields) is pushed.
Keys push_table(lua_State* L, int index) {
  luaL_checkstack(L, 6, "hook result nests too deeply");
  if (!push_hidden(L, index)) lua_pushvalue(L, index);
  Keys keys;
  lua_Integer highest = 0;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    lua_pop(L, 1);
    ++keys.count;
    keys.strings = keys.strings && lua_type(L, -1) == LUA_TSTRING;
    keys.sequence = keys.sequence && lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1;
    if (keys.sequence) highest = std::max(highest, lua_tointeger(L, -1));
  }
  // n distinct whole keys, none below 1 nor above n: exactly 1..n.
  keys.sequence = keys.sequence && static_cast<std::size_t>(highest) == keys.count;
  return keys;
}

Read too_deep() {
  return problem("it nests more than " + std::to_string(kMaxHookValueDepth) +
                 " tables deep (kMaxHookValueDepth); a table inside itself?");
}

// The table on top of the stack as a list, each element read by `element`.
template <typename ReadElement>
Read read_list(lua_State* L, std::size_t count, ReadElement element) {
  std::vector<DataValue> items;
  items.reserve(count);
  for (std::size_t i = 1; i <= count; ++i) {
    lua_rawgeti(L, -1, static_cast<lua_Integer>(i));
    Read item = element(lua_gettop(L));
    lua_pop(L, 1);
    if (std::holds_alternative<Problem>(item))
      return inside("[" + std::to_string(i) + "]", std::move(item));
    items.push_back(std::move(std::get<DataValue>(item)));
  }
  return DataValue{std::move(items)};
}

// The table on top of the stack (string keys) as a record of any values.
Read read_record(lua_State* L, int depth) {
  std::map<std::string, DataValue> fields;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    std::string name = text_at(L, -2);
    Read item = read_any(L, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
    if (std::holds_alternative<Problem>(item)) {
      lua_pop(L, 1);
      return inside("." + name, std::move(item));
    }
    fields.emplace(std::move(name), std::move(std::get<DataValue>(item)));
  }
  return DataValue{std::move(fields)};
}

Read read_any(lua_State* L, int index, int depth) {
  switch (lua_type(L, index)) {
    case LUA_TBOOLEAN:
      return DataValue{lua_toboolean(L, index) != 0};
    case LUA_TNUMBER:
      if (!std::isfinite(lua_tonumber(L, index))) return mismatch(L, index, "a finite number");
      return DataValue{static_cast<double>(lua_tonumber(L, index))};
    case LUA_TSTRING:
      return DataValue{text_at(L, index)};
    case LUA_TTABLE: {
      if (depth > kMaxHookValueDepth) return too_deep();
      const Keys keys = push_table(L, index);
      Read value =
          keys.count > 0 && keys.sequence
              ? read_list(L, keys.count, [&](int at) { return read_any(L, at, depth + 1); })
          : keys.strings ? read_record(L, depth)
                         : problem(
                               "a table whose keys are neither all texts (a record) "
                               "nor 1, 2, 3... (a list)");
      lua_pop(L, 1);
      return value;
    }
    default:
      return mismatch(L, index, "a text, number, boolean or table");
  }
}

// A status: a code, or {code = ..., reason = ...}; read as {code, reason (when given)}.
Read read_status(lua_State* L, int index, const HookType& type, const std::string& expected) {
  std::map<std::string, DataValue> status;
  if (lua_type(L, index) == LUA_TSTRING) {
    if (!among(type.values, text_at(L, index))) return mismatch(L, index, expected);
    status["code"] = DataValue{text_at(L, index)};
    return DataValue{std::move(status)};
  }
  if (lua_type(L, index) != LUA_TTABLE) return mismatch(L, index, expected);
  const Keys keys = push_table(L, index);
  lua_pushliteral(L, "code");
  const int code_type = lua_rawget(L, -2);
  lua_pushliteral(L, "reason");
  const int reason_type = lua_rawget(L, -3);
  Read result;
  if (code_type != LUA_TSTRING || !among(type.values, text_at(L, -2))) {
    result = inside(".code", mismatch(L, -2, expected));
  } else if (reason_type != LUA_TNIL && reason_type != LUA_TSTRING) {
    result = inside(".reason", mismatch(L, -1, "a text"));
  } else if (keys.count != 1u + (reason_type != LUA_TNIL ? 1u : 0u)) {
    result = problem("a status table has only the fields code and reason");
  } else {
    status["code"] = DataValue{text_at(L, -2)};
    if (reason_type == LUA_TSTRING) status["reason"] = DataValue{text_at(L, -1)};
    result = DataValue{std::move(status)};
  }
  lua_pop(L, 3);
  return result;
}

Read read_typed(lua_State* L, int index, const HookType& type, int depth) {
  const std::string expected = describe(type);
  const int got = lua_type(L, index);
  switch (type.kind) {
    case HookType::Kind::text:
      if (got != LUA_TSTRING) return mismatch(L, index, expected);
      return DataValue{text_at(L, index)};
    case HookType::Kind::number:
      if (got != LUA_TNUMBER) return mismatch(L, index, expected);
      if (!std::isfinite(lua_tonumber(L, index))) return mismatch(L, index, "a finite number");
      return DataValue{static_cast<double>(lua_tonumber(L, index))};
    case HookType::Kind::date:
      if (got != LUA_TSTRING) return mismatch(L, index, expected);
      if (!has_date_shape(text_at(L, index))) return mismatch(L, index, expected);
      if (!is_real_date(text_at(L, index)))
        return mismatch(L, index, expected, ", not a real date");
      return DataValue{text_at(L, index)};
    case HookType::Kind::yes_no:
      if (got != LUA_TBOOLEAN) return mismatch(L, index, expected);
      return DataValue{lua_toboolean(L, index) != 0};
    case HookType::Kind::choice:
      if (got != LUA_TSTRING || !among(type.values, text_at(L, index))) {
        return mismatch(L, index, expected);
      }
      return DataValue{text_at(L, index)};
    case HookType::Kind::status:
      return read_status(L, index, type, expected);
    case HookType::Kind::record: {
      if (got != LUA_TTABLE) return mismatch(L, index, expected);
      if (depth > kMaxHookValueDepth) return too_deep();
      const Keys keys = push_table(L, index);
      Read value =
          keys.strings
              ? read_record(L, depth)
              : problem("expected " + expected + ", got a table whose keys are not all texts");
      lua_pop(L, 1);
      return value;
    }
    case HookType::Kind::list: {
      if (got != LUA_TTABLE) return mismatch(L, index, expected);
      if (depth > kMaxHookValueDepth) return too_deep();
      if (!type.element) return problem("the declared list has no element type");
      const Keys keys = push_table(L, index);
      Read value =
          keys.count == 0 || keys.sequence
              ? read_list(L, keys.count,
                          [&](int at) { return read_typed(L, at, *type.element, depth + 1); })
              : problem("expected " + expected + ", got a table that is not a sequence 1, 2, 3...");
      lua_pop(L, 1);
      return value;
    }
  }
  return problem("unknown declared type");
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& value : values) text += (text.empty() ? "" : ", ") + quoted(value);
  return text;
}

}  // namespace

std::string describe(const HookType& type) {
  switch (type.kind) {
    case HookType::Kind::text:
      return "a text";
    case HookType::Kind::number:
      return "a number";
    case HookType::Kind::date:
      return "a date (an ISO text \"YYYY-MM-DD\")";
    case HookType::Kind::yes_no:
      return "yes or no (true or false)";
    case HookType::Kind::choice:
      return "one of " + quoted_list(type.values);
    case HookType::Kind::status:
      return "a status code (one of " + quoted_list(type.values) +
             "), or {code = ..., reason = ...}";
    case HookType::Kind::record:
      return "a record (a table of fields)";
    case HookType::Kind::list:
      return "a list (each element: " +
             (type.element ? describe(*type.element) : std::string("any")) + ")";
  }
  return "a value";
}

std::variant<DataValue, std::string> read_result(lua_State* L, int index, const HookType& type) {
  Read read = read_typed(L, lua_absindex(L, index), type, 0);
  if (auto* value = std::get_if<DataValue>(&read)) return std::move(*value);
  const Problem& wrong = std::get<Problem>(read);
  return wrong.path.empty() ? wrong.message : "at " + wrong.path + ": " + wrong.message;
}

}  // namespace ectflow::hooks
