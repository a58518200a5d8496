// The memory cap (a counting lua_Alloc) and the time limits (a count hook).
#include "hooks/limits.hpp"

#include <cstdlib>
#include <ctime>
#include <lua.hpp>
#include <stdexcept>

#include "hooks/hook_host.hpp"

namespace ectflow::hooks {
namespace {

// Instructions between the count hook's checks. Any count hook makes Lua about twice as slow
// (it traps every instruction); checking every 100 rather than 1000 adds about 5% more, and
// bounds how far a loop of costly C calls (utf8.len of megabytes) overshoots the time limit.
constexpr int kCheckInterval = 100;
static_assert(kMaxHookInstructions % kCheckInterval == 0);

CallLimits& limits_of(lua_State* L) {
  void* userdata = nullptr;
  lua_getallocf(L, &userdata);
  return *static_cast<CallLimits*>(userdata);
}

void* limited_alloc(void* userdata, void* block, std::size_t old_size, std::size_t new_size) {
  auto& limits = *static_cast<CallLimits*>(userdata);
  const std::size_t held = block != nullptr ? old_size : 0;  // without a block, a type tag
  if (new_size == 0) {
    std::free(block);
    limits.used -= held;
    return nullptr;
  }
  if (new_size > held && new_size - held > kMaxHookMemoryBytes - limits.used) {
    ++limits.refusals;
    if (limits.state != nullptr) limits.refused_line = current_line(limits.state);
    return nullptr;  // Lua collects garbage and retries once, then raises LUA_ERRMEM
  }
  void* moved = std::realloc(block, new_size);
  if (moved == nullptr) return nullptr;
  limits.used = limits.used - held + new_size;
  return moved;
}

void count_hook(lua_State* L, lua_Debug*);

[[noreturn]] void time_out(lua_State* L, CallLimits& limits, Timeout why) {
  if (limits.timeout == Timeout::none) {
    limits.timeout = why;
    limits.timeout_line = current_line(L);
    // A pcall in the script catches this error, so from now on every instruction raises it.
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
  }
  lua_pushliteral(L, "the hook ran out of time");
  lua_error(L);
  std::abort();  // lua_error does not return
}

void count_hook(lua_State* L, lua_Debug*) {
  auto& limits = limits_of(L);
  if (limits.timeout != Timeout::none) time_out(L, limits, limits.timeout);
  limits.instructions += kCheckInterval;
  if (limits.instructions >= kMaxHookInstructions) time_out(L, limits, Timeout::instructions);
  check_deadline(L);
}

// Only an error outside any protected call gets here, which this module never makes; throwing
// (Lua is built as C++) beats the default, abort().
int panic(lua_State* L) {
  limits_of(L).panicked = true;
  throw std::runtime_error("a Lua error outside any protected call");
}

}  // namespace

lua_State* new_limited_state(CallLimits& limits) {
  lua_State* L = lua_newstate(limited_alloc, &limits);
  if (L == nullptr) return nullptr;
  lua_atpanic(L, panic);
  limits.state = L;
  return L;
}

// The processor time this thread has used.
static std::chrono::nanoseconds thread_cpu_time() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

void arm_time_limits(lua_State* L) {
  auto& limits = limits_of(L);
  limits.instructions = 0;
  limits.deadline = thread_cpu_time() + std::chrono::milliseconds(kMaxHookMilliseconds);
  lua_sethook(L, count_hook, LUA_MASKCOUNT, kCheckInterval);
}

void check_deadline(lua_State* L) {
  auto& limits = limits_of(L);
  if (limits.timeout != Timeout::none) time_out(L, limits, limits.timeout);
  if (thread_cpu_time() >= limits.deadline) time_out(L, limits, Timeout::time);
}

// Reads only (no allocation), so the allocator may call it when it refuses a block.
int current_line(lua_State* L) {
  lua_Debug frame;
  for (int level = 0; lua_getstack(L, level, &frame) != 0; ++level) {
    if (lua_getinfo(L, "l", &frame) != 0 && frame.currentline > 0) return frame.currentline;
  }
  return 0;
}

}  // namespace ectflow::hooks
