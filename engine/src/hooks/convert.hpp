// Values crossing the Lua boundary: arguments in as read-only tables (arguments.cpp), results out
// checked against the hook's declared type (results.cpp).
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "hooks/hook_host.hpp"

struct lua_State;

namespace ectflow::hooks {

// Why an argument cannot be passed (it nests deeper than kMaxHookValueDepth, or holds a number
// that is not finite), or nothing. Needs no Lua state.
std::optional<std::string> check_argument(const DataValue& value);

// Pushes a checked argument: maps and lists become read-only tables (writing to one raises an
// error), whole numbers Lua integers. Raises Lua errors (memory): call inside a protected call.
void push_argument(lua_State* L, const DataValue& value);

// Pushes the table hidden behind the read-only argument table at `index` and returns true, or
// pushes nothing and returns false (not one of ours). Runs no Lua code.
bool push_hidden(lua_State* L, int index);

// Reads the value at `index` as `type` without running any Lua code (raw access only): the
// value, or a sentence saying what was expected and what came back, and where inside it
// ("at [2].code: expected ...").
std::variant<DataValue, std::string> read_result(lua_State* L, int index, const HookType& type);

// "a number", "a list of dates", ... for messages.
std::string describe(const HookType& type);

}  // namespace ectflow::hooks
