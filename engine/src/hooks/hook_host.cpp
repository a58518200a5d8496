// Loading hook files and calling their functions: one fresh, limited, sandboxed state per call.
#include "hooks/hook_host.hpp"

#include <algorithm>
#include <lua.hpp>
#include <string>
#include <utility>

#include "hooks/convert.hpp"
#include "hooks/limits.hpp"
#include "hooks/sandbox.hpp"

namespace ectflow::hooks {
namespace {

// A limited state, closed on every path out (unless a panic left it unfit to close).
class LimitedState {
 public:
  LimitedState() : state_(new_limited_state(limits_)) {}
  ~LimitedState() {
    if (state_ != nullptr && !limits_.panicked) lua_close(state_);
  }
  LimitedState(const LimitedState&) = delete;
  LimitedState& operator=(const LimitedState&) = delete;

  lua_State* get() const { return state_; }
  CallLimits& limits() { return limits_; }

 private:
  CallLimits limits_;
  lua_State* state_;
};

int bytes_limit() {
  return static_cast<int>(kMaxHookMemoryBytes);
}

// Splits Lua's "FILE:LINE: message" into the line and the message. Lua shortens a long FILE to
// "..." and its end (LUA_IDSIZE).
std::pair<int, std::string> split_position(const std::string& file, const std::string& message) {
  std::size_t colon = std::string::npos;
  if (message.compare(0, file.size() + 1, file + ":") == 0) {
    colon = file.size();
  } else if (message.rfind("...", 0) == 0) {
    for (std::size_t c = message.find(':', 3); c != std::string::npos;
         c = message.find(':', c + 1)) {
      const std::string_view tail = std::string_view(message).substr(3, c - 3);
      if (!tail.empty() && std::string_view(file).ends_with(tail)) {
        colon = c;
        break;
      }
    }
  }
  if (colon == std::string::npos) return {0, message};
  std::size_t end = colon + 1;
  while (end < message.size() && end - colon <= 9 && message[end] >= '0' && message[end] <= '9')
    ++end;
  if (end == colon + 1 || message.compare(end, 2, ": ") != 0) return {0, message};
  return {std::stoi(message.substr(colon + 1, end - colon - 1)), message.substr(end + 2)};
}

// The error object on top of the stack as text.
std::string error_text(lua_State* L) {
  if (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER) {
    std::size_t length = 0;
    const char* text = lua_tolstring(L, -1, &length);
    return {text, length};
  }
  return std::string("(error object is a ") + luaL_typename(L, -1) + " value)";
}

struct Call {
  const std::string& file;
  const std::string& function;
  const std::string& chunk;
  const std::vector<DataValue>& args;
  const HookType& type;
  CallLimits& limits;
  int error_line = 0;  // where the last error was raised, from the message handler
  HookResult result;

  void fail(std::string code, std::string message, int line) {
    result.error = HookError{std::move(code), std::move(message), file, line};
  }

  // After a failed lua_pcall (or one that timed out): the error object is on top.
  void fail_from(lua_State* L, int status) {
    if (limits.timeout == Timeout::instructions) {
      fail("hook-timeout",
           "took too long: ran past its budget of " + std::to_string(kMaxHookInstructions) +
               " Lua instructions (kMaxHookInstructions)",
           limits.timeout_line);
    } else if (limits.timeout == Timeout::time) {
      fail("hook-timeout",
           "took too long: ran past its time limit of " + std::to_string(kMaxHookMilliseconds) +
               " ms of processor time (kMaxHookMilliseconds)",
           limits.timeout_line);
    } else if (status == LUA_ERRMEM ||
               (limits.refusals > 0 && error_text(L) == "not enough memory")) {
      // Buffers (luaL_Buffer) raise the memory error as a plain error, and a script may catch
      // one and raise it again.
      fail("hook-out-of-memory",
           "ran out of memory: needed more than its " + std::to_string(bytes_limit()) +
               " bytes (kMaxHookMemoryBytes)",
           limits.refused_line);
    } else {
      auto [line, message] = split_position(file, error_text(L));
      fail("hook-error", std::move(message), line != 0 ? line : error_line);
    }
  }

  void run(lua_State* L);
};

// The message handler: notes the line the error came from (the handler runs before the stack
// unwinds) and keeps the error as it is.
int note_error_line(lua_State* L) {
  static_cast<Call*>(lua_touserdata(L, lua_upvalueindex(1)))->error_line = current_line(L);
  return 1;
}

void Call::run(lua_State* L) {
  open_sandbox(L);
  lua_pushlightuserdata(L, this);
  lua_pushcclosure(L, note_error_line, 1);
  const int handler = lua_gettop(L);
  // Our own lua_dump of a chunk compiled from text (load() refuses binary files).
  int status = luaL_loadbufferx(L, chunk.data(), chunk.size(), "=hook", "b");
  if (status != LUA_OK) return fail_from(L, status);
  arm_time_limits(L);
  status = lua_pcall(L, 0, 0, handler);
  if (status != LUA_OK || limits.timeout != Timeout::none) return fail_from(L, status);

  lua_pushglobaltable(L);
  lua_pushlstring(L, function.data(), function.size());
  if (const int kind = lua_rawget(L, -2); kind != LUA_TFUNCTION) {
    return fail("hook-missing-function",
                kind == LUA_TNIL
                    ? "defines no global function `" + function + "` (write `function " + function +
                          "(...)`, not `local`)"
                    : "`" + function + "` is a " + luaL_typename(L, -1) + ", not a function",
                0);
  }
  lua_pushvalue(L, -1);
  lua_Debug defined;
  lua_getinfo(L, ">S", &defined);
  const int defined_line = std::max(defined.linedefined, 0);

  luaL_checkstack(L, static_cast<int>(args.size()) + 8, "too many hook arguments");
  for (const DataValue& arg : args) push_argument(L, arg);
  status = lua_pcall(L, static_cast<int>(args.size()), 1, handler);
  if (status != LUA_OK || limits.timeout != Timeout::none) return fail_from(L, status);

  auto value = read_result(L, -1, type);
  if (auto* problem = std::get_if<std::string>(&value)) {
    const char* separator = problem->rfind("at ", 0) == 0 ? " " : ": ";
    return fail("hook-bad-result",
                "`" + function + "` returned the wrong type" + separator + *problem, defined_line);
  }
  result.value = std::move(std::get<DataValue>(value));
}

// Runs call.run inside a protected call, so Lua errors it raises (memory) come back as a status.
// C++ exceptions are caught here: Lua would take them for errors without an error object.
int run_protected(lua_State* L) {
  auto& call = *static_cast<Call*>(lua_touserdata(L, 1));
  lua_settop(L, 0);
  std::string failure;
  try {
    call.run(L);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  if (!failure.empty()) call.fail("hook-error", "the hook host failed: " + failure, 0);
  return 0;
}

int write_chunk(lua_State*, const void* bytes, std::size_t size, void* chunk) noexcept {
  try {
    static_cast<std::string*>(chunk)->append(static_cast<const char*>(bytes), size);
    return 0;
  } catch (...) {
    return 1;
  }
}

}  // namespace

HookHost::HookHost() = default;

std::optional<HookError> HookHost::load(const std::string& file, std::string_view source) {
  Loaded loaded;
  const auto fail = [&](std::string message, int line = 0) {
    loaded.chunk.clear();
    loaded.error = HookError{"hook-load-error", std::move(message), file, line};
  };
  try {
    LimitedState state;
    lua_State* L = state.get();
    const std::string chunkname = "@" + file;  // so Lua's messages say "FILE:LINE:"
    const int status =
        L == nullptr ? LUA_ERRMEM
                     : luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t");
    if (status == LUA_ERRMEM) {
      fail("is too large to compile within " + std::to_string(bytes_limit()) +
           " bytes (kMaxHookMemoryBytes)");
    } else if (status != LUA_OK) {
      auto [line, message] = split_position(file, error_text(L));
      if (message.find("binary chunk") != std::string::npos) {
        message = "is compiled Lua (bytecode); a hook file must be Lua source text";
      }
      fail(std::move(message), line);
    } else if (lua_dump(L, write_chunk, &loaded.chunk, 0) != 0) {
      fail("could not be kept after compiling");
    }
  } catch (const std::exception& e) {
    fail(std::string("could not be loaded: ") + e.what());
  }
  std::optional<HookError> error = loaded.error;
  files_.insert_or_assign(file, std::move(loaded));
  return error;
}

HookResult HookHost::call(const std::string& file, const std::string& function,
                          const std::vector<DataValue>& args, const HookType& result) const {
  const auto failure = [&](std::string code, std::string message) {
    return HookResult{std::nullopt, HookError{std::move(code), std::move(message), file, 0}};
  };
  try {
    const auto loaded = files_.find(file);
    if (loaded == files_.end()) return failure("hook-load-error", "was not loaded");
    if (loaded->second.error) return HookResult{std::nullopt, loaded->second.error};
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (auto problem = check_argument(args[i])) {
        return failure("hook-bad-argument", "argument " + std::to_string(i + 1) + " of `" +
                                                function + "` cannot be passed: " + *problem);
      }
    }
    LimitedState state;
    if (state.get() == nullptr) {
      return failure("hook-out-of-memory", "no memory for a Lua state (kMaxHookMemoryBytes)");
    }
    Call call{file, function, loaded->second.chunk, args, result, state.limits(), 0, {}};
    lua_pushcfunction(state.get(), run_protected);
    lua_pushlightuserdata(state.get(), &call);
    const int status = lua_pcall(state.get(), 1, 0, 0);
    if (status != LUA_OK) call.fail_from(state.get(), status);  // memory, outside the script
    return std::move(call.result);
  } catch (const std::exception& e) {
    return failure("hook-error", std::string("the hook host failed: ") + e.what());
  } catch (...) {
    return failure("hook-error", "the hook host failed");
  }
}

}  // namespace ectflow::hooks
