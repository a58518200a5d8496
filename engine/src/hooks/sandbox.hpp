// What a hook's Lua code can reach: an allow-list of safe libraries and functions.
#pragma once

struct lua_State;

namespace ectflow::hooks {

// Opens the safe parts of base, string, table, math and utf8 as globals of a fresh state, with
// string.rep, the pattern functions and table.move bounded (they run long in C), and no __gc
// metatables (finalizers run with hooks off). No io, os, debug, package, coroutine, load,
// dofile, loadfile, require, collectgarbage, print, rawset, xpcall, string.dump or
// math.random. Raises Lua errors: call it inside a protected call.
void open_sandbox(lua_State* L);

}  // namespace ectflow::hooks
