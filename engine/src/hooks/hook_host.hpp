// Policy hooks: Lua functions from rules/, each call in a fresh sandboxed state with limits.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ectflow::hooks {

// A value crossing into or out of Lua: records arrive as tables of fields, dates as ISO text,
// empty as nil (monostate). Lists are 1-based sequences in Lua.
struct DataValue {
  std::variant<std::monostate, bool, double, std::string, std::vector<DataValue>,
               std::map<std::string, DataValue>>
      v;

  bool operator==(const DataValue&) const = default;
};

// The declared type of a hook's result (`hook NAME(...) returns TYPE in "FILE"`), to check what
// Lua gives back. A status comes back as a map {code = ..., reason = ... (when given)}.
struct HookType {
  enum class Kind { text, number, date, yes_no, choice, status, record, list } kind;
  std::vector<std::string> values;          // choice values or status codes
  std::shared_ptr<const HookType> element;  // list
};

// What went wrong in a hook, as a value: the position is in `file` and `line` (0 when Lua
// gives none); `message` says what happened without repeating the position.
struct HookError {
  std::string code;  // hook-load-error, hook-missing-function, hook-error, hook-timeout,
                     // hook-out-of-memory, hook-bad-result, hook-bad-argument
  std::string message;
  std::string file;
  int line = 0;
};

struct HookResult {
  std::optional<DataValue> value;
  std::optional<HookError> error;
};

// Lua VM instructions one call may run (its file's top level included): hook-timeout past it.
inline constexpr std::size_t kMaxHookInstructions = 1'000'000;
// Processor time (of the calling thread) one call may take, checked every hundred instructions and before each
// pattern search, string.rep and table.move: a few instructions can each copy megabytes
// (s .. s), so the instruction budget alone does not bound time. hook-timeout past it.
// Sanitizer builds run several times slower; their hooks get the same work, so more time.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kHookTimeScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kHookTimeScale = 10;
#else
inline constexpr int kHookTimeScale = 1;
#endif
#else
inline constexpr int kHookTimeScale = 1;
#endif
inline constexpr int kMaxHookMilliseconds = 100 * kHookTimeScale;
// Bytes one call's Lua state may hold, libraries included: hook-out-of-memory past it.
inline constexpr std::size_t kMaxHookMemoryBytes = 8 * 1024 * 1024;
// The longest string string.rep may make, and the longest subject or pattern string.find,
// match, gmatch and gsub accept.
inline constexpr std::size_t kMaxHookStringBytes = 64 * 1024;
// A pattern search runs in C, out of reach of the count hook, and backtracks: its worst case
// grows as (subject length)^(number of * + - ? items + 1). A search whose worst case is
// estimated over this many steps (about 30 ms) is refused before it starts.
inline constexpr std::size_t kMaxHookPatternSteps = 10'000'000;
// The most elements table.move may visit (it loops in C): more than any table that fits.
inline constexpr std::size_t kMaxHookTableMoveElements = kMaxHookMemoryBytes / 16;
// How deeply arguments and results may nest (tables in tables).
inline constexpr int kMaxHookValueDepth = 32;

// Compiles hook files once, then calls their functions. load() must not run concurrently with
// anything; call() is const and may run on many threads at once.
class HookHost {
 public:
  HookHost();

  // Compiles a Lua file (source text only; bytecode is refused). Returns the error naming the
  // file and line on a syntax error; later calls into the file return the same error.
  std::optional<HookError> load(const std::string& file, std::string_view source);

  // Calls global function `function` defined by `file` in a fresh sandbox, with read-only
  // argument tables, and checks what it returns against `result`. Never throws.
  HookResult call(const std::string& file, const std::string& function,
                  const std::vector<DataValue>& args, const HookType& result) const;

 private:
  // A loaded file: its compiled chunk, or why it did not compile.
  struct Loaded {
    std::string chunk;  // lua_dump of the chunk compiled from source, with its debug info
    std::optional<HookError> error;
  };
  std::map<std::string, Loaded, std::less<>> files_;
};

}  // namespace ectflow::hooks
