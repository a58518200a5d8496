// Arguments into Lua: DataValues as Lua values, lists and records as read-only tables.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <lua.hpp>
#include <string_view>

#include "hooks/convert.hpp"

namespace ectflow::hooks {
namespace {

// ---- arguments: read-only tables ----
//
// A read-only table is an empty proxy whose metatable reads from a hidden table (__index), refuses
// writes (__newindex), and gives # and pairs() from the hidden table. The metatable is protected
// (__metatable), so scripts cannot reach the hidden table; rawset is not in the sandbox.

// The metatable key holding the hidden table: a light userdata no script can make.
const char kHiddenKey = 0;

// Raises `message` at the innermost line of the script (table.insert, a C function, may be the
// one writing).
int raise_at_script_line(lua_State* L, const char* message) {
  lua_Debug frame;
  for (int level = 1; lua_getstack(L, level, &frame) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &frame) != 0 && frame.currentline > 0) {
      lua_pushfstring(L, "%s:%d: %s", frame.short_src, frame.currentline, message);
      return lua_error(L);
    }
  }
  lua_pushstring(L, message);
  return lua_error(L);
}

int refuse_write(lua_State* L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    lua_pushfstring(L, "hook arguments are read-only: cannot set field '%s'", lua_tostring(L, 2));
  } else if (lua_isinteger(L, 2)) {
    lua_pushfstring(L, "hook arguments are read-only: cannot set element %I", lua_tointeger(L, 2));
  } else {
    lua_pushliteral(L, "hook arguments are read-only");
  }
  return raise_at_script_line(L, lua_tostring(L, -1));
}

int read_only_next(lua_State* L) {
  lua_settop(L, 2);
  if (!push_hidden(L, 1)) return luaL_argerror(L, 1, "not a hook argument");
  lua_pushvalue(L, 2);
  if (lua_next(L, 3) != 0) return 2;
  lua_pushnil(L);
  return 1;
}

int read_only_pairs(lua_State* L) {
  lua_pushcfunction(L, read_only_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

int read_only_length(lua_State* L) {
  if (!push_hidden(L, 1)) return 0;
  lua_pushinteger(L, static_cast<lua_Integer>(lua_rawlen(L, -1)));
  return 1;
}

// Replaces the table on top of the stack with a read-only view of it.
void make_read_only(lua_State* L) {
  lua_createtable(L, 0, 0);  // the proxy
  lua_createtable(L, 0, 6);  // its metatable
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -3);
  lua_rawsetp(L, -2, &kHiddenKey);
  lua_pushcfunction(L, refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, read_only_length);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, read_only_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_remove(L, -2);
}

std::optional<std::string> check_argument_at(const DataValue& value, int depth) {
  if (depth > kMaxHookValueDepth) {
    return "it nests more than " + std::to_string(kMaxHookValueDepth) +
           " lists or records deep (kMaxHookValueDepth)";
  }
  if (const auto* number = std::get_if<double>(&value.v); number && !std::isfinite(*number)) {
    return "it holds a number that is not finite";
  }
  if (const auto* list = std::get_if<std::vector<DataValue>>(&value.v)) {
    for (const auto& item : *list) {
      if (auto problem = check_argument_at(item, depth + 1)) return problem;
    }
  }
  if (const auto* fields = std::get_if<std::map<std::string, DataValue>>(&value.v)) {
    for (const auto& [name, item] : *fields) {
      if (auto problem = check_argument_at(item, depth + 1)) return problem;
    }
  }
  return std::nullopt;
}

struct Pusher {
  lua_State* L;
  void operator()(std::monostate) const { lua_pushnil(L); }
  void operator()(bool b) const { lua_pushboolean(L, b ? 1 : 0); }
  void operator()(double number) const {
    if (std::trunc(number) == number && number >= -0x1p63 && number < 0x1p63) {
      lua_pushinteger(L, static_cast<lua_Integer>(number));  // 2025, not 2025.0
    } else {
      lua_pushnumber(L, number);
    }
  }
  void operator()(const std::string& text) const { lua_pushlstring(L, text.data(), text.size()); }
  void operator()(const std::vector<DataValue>& list) const {
    lua_createtable(L, static_cast<int>(list.size()), 0);
    lua_Integer position = 1;
    for (const auto& item : list) {
      push_argument(L, item);
      lua_rawseti(L, -2, position++);
    }
    make_read_only(L);
  }
  void operator()(const std::map<std::string, DataValue>& fields) const {
    lua_createtable(L, 0, static_cast<int>(fields.size()));
    for (const auto& [name, item] : fields) {
      lua_pushlstring(L, name.data(), name.size());
      push_argument(L, item);
      lua_rawset(L, -3);
    }
    make_read_only(L);
  }
};

}  // namespace

bool push_hidden(lua_State* L, int index) {
  if (lua_getmetatable(L, index) == 0) return false;
  if (lua_rawgetp(L, -1, &kHiddenKey) == LUA_TTABLE) {
    lua_remove(L, -2);
    return true;
  }
  lua_pop(L, 2);
  return false;
}

std::optional<std::string> check_argument(const DataValue& value) {
  return check_argument_at(value, 0);
}

void push_argument(lua_State* L, const DataValue& value) {
  luaL_checkstack(L, 4, "hook arguments nest too deeply");
  std::visit(Pusher{L}, value.v);
}

}  // namespace ectflow::hooks
