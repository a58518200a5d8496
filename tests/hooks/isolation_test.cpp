// One call's failure, or what it changed, does not reach the next call.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

// `spoil` misbehaves in its own way; `count` shows whether anything survived.
constexpr const char* kSource = R"lua(
calls = (calls or 0) + 1

function count()
  return calls + #string.rep('a', 3) + (("x"):upper() == "X" and 0 or 100)
end

function spoil(how)
  string.rep = function() return "" end
  getmetatable("").__index = {}
  calls = 1000
  if how == "error" then error("broken") end
  if how == "timeout" then while true do end end
  if how == "memory" then local t = {} while true do t[#t + 1] = {} end end
  return 0
end
)lua";

class AfterACall : public ::testing::TestWithParam<const char*> {};

TEST_P(AfterACall, TheNextCallStartsClean) {
  HookHost host;
  ASSERT_FALSE(host.load("rules/isolation.lua", kSource));
  ASSERT_EQ(*host.call("rules/isolation.lua", "count", {}, kNumber).value, num(4));
  const HookResult spoiled = host.call("rules/isolation.lua", "spoil", {text(GetParam())}, kNumber);
  for (int i = 0; i < 3; ++i) {
    const HookResult r = host.call("rules/isolation.lua", "count", {}, kNumber);
    ASSERT_FALSE(r.error) << describe(r) << " after " << describe(spoiled);
    EXPECT_EQ(*r.value, num(4)) << "after " << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(Failures, AfterACall,
                         ::testing::Values("error", "timeout", "memory", "nothing"));

TEST(AfterACall, ItsFailureIsItsOwn) {
  HookHost host;
  ASSERT_FALSE(host.load("rules/isolation.lua", kSource));
  EXPECT_EQ(host.call("rules/isolation.lua", "spoil", {text("timeout")}, kNumber).error->code,
            "hook-timeout");
  EXPECT_EQ(host.call("rules/isolation.lua", "spoil", {text("memory")}, kNumber).error->code,
            "hook-out-of-memory");
  EXPECT_EQ(host.call("rules/isolation.lua", "spoil", {text("error")}, kNumber).error->code,
            "hook-error");
  EXPECT_EQ(*host.call("rules/isolation.lua", "spoil", {text("nothing")}, kNumber).value, num(0));
}

TEST(AfterACall, OneFilesFailureDoesNotReachAnother) {
  HookHost host;
  ASSERT_TRUE(host.load("rules/broken.lua", "function hook( return 1 end"));
  ASSERT_FALSE(host.load("rules/fine.lua", "function hook() return 1 end"));
  EXPECT_EQ(host.call("rules/broken.lua", "hook", {}, kNumber).error->code, "hook-load-error");
  EXPECT_EQ(*host.call("rules/fine.lua", "hook", {}, kNumber).value, num(1));
}

TEST(AfterACall, CallsOnManyThreadsAtOnce) {
  HookHost host;
  ASSERT_FALSE(host.load("rules/isolation.lua", kSource));
  std::atomic<int> right{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const char* how = (i + t) % 3 == 0 ? "timeout" : (i + t) % 3 == 1 ? "error" : "nothing";
        (void)host.call("rules/isolation.lua", "spoil", {text(how)}, kNumber);
        const HookResult r = host.call("rules/isolation.lua", "count", {}, kNumber);
        if (r.value && *r.value == num(4)) ++right;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(right.load(), 100);
}

}  // namespace
}  // namespace ectflow::hooks::testing
