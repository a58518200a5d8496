// The sandbox's allow-list, and bounded wrappers for the library functions that loop in C.
#include "hooks/sandbox.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <lua.hpp>
#include <string_view>

#include "hooks/hook_host.hpp"
#include "hooks/limits.hpp"
#include "hooks/pattern_cost.hpp"

namespace ectflow::hooks {
namespace {

// Base functions a hook may use; every other global of the base library is removed. Not
// xpcall: Lua runs a message handler for the count hook's error with hooks off, so a looping
// handler would never stop.
constexpr std::array<std::string_view, 17> kBaseAllowed = {
    "_G",     "_VERSION",     "assert",   "error",    "getmetatable", "ipairs",
    "next",   "pairs",        "pcall",    "rawequal", "rawget",       "rawlen",
    "select", "setmetatable", "tonumber", "tostring", "type"};

struct Library {
  const char* name;
  lua_CFunction open;
  std::initializer_list<const char*> removed;
};

const std::array<Library, 4> kLibraries = {{
    {LUA_STRLIBNAME, luaopen_string, {"dump"}},
    {LUA_TABLIBNAME, luaopen_table, {}},
    {LUA_MATHLIBNAME, luaopen_math, {"random", "randomseed"}},  // hooks answer the same each time
    {LUA_UTF8LIBNAME, luaopen_utf8, {}},
}};

// Calls the wrapped library function (upvalue 1) with this call's arguments.
int call_original(lua_State* L) {
  const int args = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, args, LUA_MULTRET);
  return lua_gettop(L);
}

int bounded_rep(lua_State* L) {
  check_deadline(L);  // a loop of a few instructions can call this many times
  std::size_t length = 0;
  std::size_t separator = 0;
  luaL_checklstring(L, 1, &length);
  const lua_Integer count = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &separator);
  if (count > 0) {
    // Even an empty string loops `count` times in C, so the count is bounded too.
    const auto copies = static_cast<std::uint64_t>(count);
    if (copies > kMaxHookStringBytes ||
        (length + separator) * copies - separator > kMaxHookStringBytes) {
      return luaL_error(
          L, "string.rep would make a string over the limit of %d bytes (kMaxHookStringBytes)",
          static_cast<int>(kMaxHookStringBytes));
    }
  }
  return call_original(L);
}

// string.find, match, gmatch and gsub; upvalue 2 is the function's name.
int bounded_pattern(lua_State* L) {
  check_deadline(L);
  const std::string_view name = lua_tostring(L, lua_upvalueindex(2));
  std::size_t subject = 0;
  std::size_t length = 0;
  luaL_checklstring(L, 1, &subject);
  const char* pattern = luaL_checklstring(L, 2, &length);
  if (subject > kMaxHookStringBytes || length > kMaxHookStringBytes) {
    return luaL_error(
        L, "string.%s refuses a %s of %d bytes, over the limit of %d (kMaxHookStringBytes)",
        name.data(), subject > kMaxHookStringBytes ? "subject" : "pattern",
        static_cast<int>(std::max(subject, length)), static_cast<int>(kMaxHookStringBytes));
  }
  const double steps = name == "find" && lua_toboolean(L, 4)
                           ? plain_find_worst_steps(length, subject)
                           : pattern_worst_steps({pattern, length}, subject, name != "gmatch");
  if (steps > static_cast<double>(kMaxHookPatternSteps)) {
    return luaL_error(L,
                      "string.%s refuses this pattern on a subject of %d bytes: it could take %f "
                      "steps, over the limit of %d (kMaxHookPatternSteps); use fewer repetitions "
                      "(* + - ?) or a shorter text",
                      name.data(), static_cast<int>(subject), steps,
                      static_cast<int>(kMaxHookPatternSteps));
  }
  return call_original(L);
}

int bounded_move(lua_State* L) {
  check_deadline(L);
  const lua_Integer first = luaL_checkinteger(L, 2);
  const lua_Integer last = luaL_checkinteger(L, 3);
  if (last >= first && static_cast<lua_Unsigned>(last) - static_cast<lua_Unsigned>(first) >=
                           kMaxHookTableMoveElements) {
    return luaL_error(
        L, "table.move refuses to move more than %d elements (kMaxHookTableMoveElements)",
        static_cast<int>(kMaxHookTableMoveElements));
  }
  return call_original(L);
}

// Lua runs finalizers with hooks off, out of reach of the instruction budget: no __gc.
int guarded_setmetatable(lua_State* L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) {
      return luaL_error(L,
                        "setmetatable refuses a metatable with __gc (finalizers would run "
                        "outside the instruction budget)");
    }
    lua_pop(L, 1);
  }
  return call_original(L);
}

// Replaces library.name (the table on top of the stack) with `bounded`, which calls the original.
void wrap(lua_State* L, const char* name, lua_CFunction bounded) {
  lua_getfield(L, -1, name);
  lua_pushstring(L, name);
  lua_pushcclosure(L, bounded, 2);
  lua_setfield(L, -2, name);
}

void keep_only_allowed_globals(lua_State* L) {
  lua_pushglobaltable(L);
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    lua_pop(L, 1);
    std::size_t length = 0;
    const char* key = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : nullptr;
    const bool allowed =
        key != nullptr && std::find(kBaseAllowed.begin(), kBaseAllowed.end(),
                                    std::string_view(key, length)) != kBaseAllowed.end();
    if (!allowed) {  // clearing a field while traversing is allowed
      lua_pushvalue(L, -1);
      lua_pushnil(L);
      lua_rawset(L, -4);
    }
  }
  lua_pop(L, 1);
}

}  // namespace

void open_sandbox(lua_State* L) {
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  lua_pop(L, 1);
  keep_only_allowed_globals(L);
  lua_pushglobaltable(L);
  wrap(L, "setmetatable", guarded_setmetatable);
  lua_pop(L, 1);
  for (const Library& library : kLibraries) {
    luaL_requiref(L, library.name, library.open, 1);
    for (const char* name : library.removed) {
      lua_pushnil(L);
      lua_setfield(L, -2, name);
    }
    lua_pop(L, 1);
  }
  lua_getglobal(L, LUA_STRLIBNAME);  // also strings' metatable __index, so s:rep() is bounded
  wrap(L, "rep", bounded_rep);
  for (const char* name : {"find", "match", "gmatch", "gsub"}) wrap(L, name, bounded_pattern);
  lua_pop(L, 1);
  lua_getglobal(L, LUA_TABLIBNAME);
  wrap(L, "move", bounded_move);
  lua_pop(L, 1);
}

}  // namespace ectflow::hooks
