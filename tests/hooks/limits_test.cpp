// The limits: instruction budget, memory cap, and bounds on library functions that loop in C.
#include <gtest/gtest.h>

#include <chrono>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

struct LimitCase {
  const char* name;
  const char* source;  // defines hook(); the line that trips the limit is marked -- here
  const char* code;
  const char* message;  // a part of the message
};

std::ostream& operator<<(std::ostream& out, const LimitCase& c) {
  return out << c.name;
}

int marked_line(const std::string& source) {
  const auto at = source.find("-- here");
  if (at == std::string::npos) return 0;
  return 1 +
         static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(at), '\n'));
}

class Limit : public ::testing::TestWithParam<LimitCase> {};

TEST_P(Limit, StopsTheCall) {
  const LimitCase& c = GetParam();
  const auto start = std::chrono::steady_clock::now();
  const HookResult r = run(c.source);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.error) << "the hook returned a value";
  EXPECT_EQ(r.error->code, c.code) << describe(r);
  EXPECT_NE(r.error->message.find(c.message), std::string::npos) << describe(r);
  EXPECT_EQ(r.error->file, "rules/test.lua");
  if (int line = marked_line(c.source)) {
    EXPECT_EQ(r.error->line, line) << describe(r);
  }
  EXPECT_LT(took, std::chrono::seconds(2));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Limit,
    ::testing::Values(
        LimitCase{"Loop", "function hook()\n  while true do end -- here\nend",  //
                  "hook-timeout",
                  "ran past its budget of 1000000 Lua instructions (kMaxHookInstructions)"},
        LimitCase{"LoopCatchingTheTimeout",
                  "function hook()\n"
                  "  while true do pcall(function() while true do end end) end\n"
                  "end",
                  "hook-timeout", "kMaxHookInstructions"},
        LimitCase{"LoopInAClosingHandler",
                  "function hook()\n"
                  "  local guard <close> = setmetatable({}, {__close = function() while true do "
                  "end end})\n"
                  "  while true do end\n"
                  "end",
                  "hook-timeout", "kMaxHookInstructions"},
        LimitCase{"FinalizerRefused",  // finalizers run with hooks off, out of the budget
                  "function hook()\n"
                  "  setmetatable({}, {__gc = function() while true do end end}) -- here\n"
                  "end",
                  "hook-error", "setmetatable refuses a metatable with __gc"},
        LimitCase{"LoopAtTheTopOfTheFile", "local n = 0\nwhile true do n = n + 1 end -- here\n",
                  "hook-timeout", "kMaxHookInstructions"},
        LimitCase{"LoopInASortComparator",
                  "function hook()\n"
                  "  local t = {3, 2, 1}\n"
                  "  table.sort(t, function(a, b) while true do end end) -- here\n"
                  "end",
                  "hook-timeout", "kMaxHookInstructions"},
        LimitCase{"LoopInAGsubReplacement",
                  "function hook()\n"
                  "  return (string.gsub('abc', '%w', function() while true do end end)) -- here\n"
                  "end",
                  "hook-timeout", "kMaxHookInstructions"},
        LimitCase{"LoopCopyingMegabytes",  // few instructions, each copying 2 MiB
                  "function hook()\n"
                  "  local s = string.rep('x', 65536)\n"
                  "  for i = 1, 5 do s = s .. s end\n"
                  "  while true do local copy = s .. 'y' end\n"
                  "end",
                  "hook-timeout", "ms of processor time (kMaxHookMilliseconds)"},
        LimitCase{"LoopOfSlowPatternSearches",  // each search is allowed; together they are not
                  "function hook()\n"
                  "  local s = string.rep('a', 3000)\n"
                  "  while true do local found = s:find('.-b') end\n"
                  "end",
                  "hook-timeout", "kMaxHookMilliseconds"},
        LimitCase{"GrowingTable",
                  "function hook()\n"
                  "  local t = {}\n"
                  "  for i = 1, 1e8 do t[i] = {i} end -- here\n"
                  "end",
                  "hook-out-of-memory", "kMaxHookMemoryBytes"},
        LimitCase{"GrowingString",
                  "function hook()\n"
                  "  local s = string.rep('x', 65536)\n"
                  "  local parts = {}\n"
                  "  while true do s = s .. s; parts[#parts + 1] = s end -- here\n"
                  "end",
                  "hook-out-of-memory", "kMaxHookMemoryBytes"},
        LimitCase{
            "OutOfMemoryCaughtAndRethrown",
            "function hook()\n"
            "  local ok, message = pcall(function()\n"
            "    local t = {} while true do t[#t + 1] = string.rep('z', 60000) .. #t end -- here\n"
            "  end)\n"
            "  error(message, 0)\n"
            "end",
            "hook-out-of-memory", "kMaxHookMemoryBytes"},
        LimitCase{
            "OutOfMemoryCaughtAndIgnored",
            "function hook()\n"
            "  pcall(function() local t = {} while true do t[#t + 1] = ('x'):rep(60000) .. #t end "
            "end)\n"
            "  local t = {} while true do t[#t + 1] = string.rep('y', 60000) .. #t end -- here\n"
            "end",
            "hook-out-of-memory", "kMaxHookMemoryBytes"},
        LimitCase{"StringRepTooLong",
                  "function hook()\n  return #string.rep('ab', 40000) -- here\nend", "hook-error",
                  "string.rep would make a string over the limit of 65536 bytes"},
        LimitCase{"StringRepWithSeparatorTooLong",
                  "function hook()\n  return #('a'):rep(30000, '--') -- here\nend", "hook-error",
                  "kMaxHookStringBytes"},
        LimitCase{"StringRepOfNothingManyTimes",  // loops in C even though the result is empty
                  "function hook()\n  return #string.rep('', 1e15) -- here\nend", "hook-error",
                  "kMaxHookStringBytes"},
        LimitCase{"FindOnALongSubject",
                  "local s = string.rep('a', 60000) .. string.rep('b', 10000)\n"
                  "function hook()\n  return string.find(s, 'c', 1, true) -- here\nend",
                  "hook-error", "string.find refuses a subject of 70000 bytes"},
        LimitCase{"MatchOnALongSubject",
                  "local s = string.rep('a', 60000) .. string.rep('b', 10000)\n"
                  "function hook()\n  return s:match('b') -- here\nend",
                  "hook-error", "string.match refuses a subject of 70000 bytes"},
        LimitCase{"GmatchOnALongSubject",
                  "local s = string.rep('a', 60000) .. string.rep('b', 10000)\n"
                  "function hook()\n  for w in s:gmatch('a') do end -- here\nend",
                  "hook-error", "string.gmatch refuses a subject of 70000 bytes"},
        LimitCase{"GsubOnALongSubject",
                  "local s = string.rep('a', 60000) .. string.rep('b', 10000)\n"
                  "function hook()\n  return #string.gsub(s, 'a', 'b') -- here\nend",
                  "hook-error", "string.gsub refuses a subject of 70000 bytes"},
        LimitCase{"BacktrackingPatternOnAShortSubject",  // 1.5 s unbounded on 1 KB here
                  "function hook()\n"
                  "  return string.find(string.rep('a', 1024), '.-.-b') -- here\n"
                  "end",
                  "hook-error", "kMaxHookPatternSteps"},
        LimitCase{"TableMoveOverAHugeRange",
                  "function hook()\n  return #table.move({}, 1, 1e15, 2) -- here\nend",
                  "hook-error", "kMaxHookTableMoveElements"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Limit, BoundedFunctionsStillWorkWithinTheLimits) {
  const HookResult r =
      run("function hook()\n"
          "  local s = string.rep('ab', 32768)\n"  // exactly 64 KiB
          "  local trimmed = ('  ' .. string.rep('x', 200) .. '  '):match('^%s*(.-)%s*$')\n"
          "  local year = ('2025-09-01'):match('^(%d%d%d%d)%-%d%d%-%d%d$')\n"
          "  local words = select(2, string.gsub(string.rep('a b ', 1000), '%s+', ' '))\n"
          "  local found = string.find(s, 'ba', 1, true)\n"
          "  local moved = table.move({1, 2, 3}, 1, 3, 2)\n"
          "  return #s + #trimmed + tonumber(year) + words + found + #moved\n"
          "end");
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, num(65536 + 200 + 2025 + 2000 + 2 + 4));
}

}  // namespace
}  // namespace ectflow::hooks::testing
