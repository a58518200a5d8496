// The limits of one hook call: a Lua state whose allocator counts bytes against a cap, and an
// instruction budget and time limit kept by a count hook that a pcall in the script cannot
// escape.
#pragma once

#include <chrono>
#include <cstddef>

struct lua_State;

namespace ectflow::hooks {

enum class Timeout { none, instructions, time };

// One call's accounts; the state's allocator userdata, where the count hook finds it too.
struct CallLimits {
  std::size_t used = 0;          // bytes the state holds now
  lua_State* state = nullptr;    // set once the state exists, to find lines
  std::size_t instructions = 0;  // run so far, counted in steps of the hook's interval
  // in the calling thread's processor time, so a loaded machine does not stop a hook that is
  // only waiting for a core, while one spinning in Lua or in a C function still stops
  std::chrono::nanoseconds deadline{0};
  Timeout timeout = Timeout::none;  // which limit the call ran past (it stays set)
  int timeout_line = 0;             // where
  int refusals = 0;                 // allocations refused (Lua retries some after collecting)
  int refused_line = 0;             // where memory was last refused
  bool panicked = false;            // an error escaped every protected call: do not close the state
};

// A new state allocating within kMaxHookMemoryBytes, or nullptr when even that does not fit.
// `limits` must outlive it.
lua_State* new_limited_state(CallLimits& limits);

// Starts the instruction budget (kMaxHookInstructions) and the time limit
// (kMaxHookMilliseconds) for what runs next.
void arm_time_limits(lua_State* L);

// Raises the timeout if the time limit has passed: for library functions that run long in C
// without running Lua instructions.
void check_deadline(lua_State* L);

// The current line of the innermost running Lua function, or 0.
int current_line(lua_State* L);

}  // namespace ectflow::hooks
