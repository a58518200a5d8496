// The sandbox: only safe libraries and functions, and no way to load bytecode.
#include <gtest/gtest.h>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

class Forbidden : public ::testing::TestWithParam<const char*> {};

TEST_P(Forbidden, IsNil) {
  const std::string source = std::string("function hook() return ") + GetParam() + " == nil end";
  const HookResult r = run(source, "hook", {}, type(HookType::Kind::yes_no));
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, yes(true)) << GetParam() << " should not be reachable";
}

INSTANTIATE_TEST_SUITE_P(Globals, Forbidden,
                         ::testing::Values("io", "os", "debug", "package", "require", "coroutine",
                                           "dofile", "loadfile", "load", "loadstring",
                                           "collectgarbage", "print", "warn", "rawset", "xpcall",
                                           "module", "string.dump", "math.random",
                                           "math.randomseed", "_ENV.os"));

class Allowed : public ::testing::TestWithParam<const char*> {};

TEST_P(Allowed, IsAFunction) {
  const std::string source = std::string("function hook() return type(") + GetParam() + ") end";
  const HookResult r = run(source, "hook", {}, kText);
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, text("function")) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Functions, Allowed,
                         ::testing::Values("assert", "error", "getmetatable", "ipairs", "next",
                                           "pairs", "pcall", "rawequal", "rawget", "rawlen",
                                           "select", "setmetatable", "tonumber", "tostring", "type",
                                           "string.format", "string.find", "string.rep",
                                           "string.gsub", "table.concat", "table.insert",
                                           "table.sort", "table.move", "math.floor", "math.max",
                                           "utf8.char", "utf8.len", "('x').upper"));

TEST(Sandbox, RefusesBytecodeFiles) {
  HookHost host;
  const std::string bytecode = std::string("\x1bLua\x54\x00\x19\x93\r\n\x1a\n", 12) + "junk";
  const auto error = host.load("rules/compiled.lua", bytecode);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "hook-load-error");
  EXPECT_EQ(error->file, "rules/compiled.lua");
  EXPECT_NE(error->message.find("bytecode"), std::string::npos) << error->message;
  // and calls into it give the same error
  const HookResult r = host.call("rules/compiled.lua", "hook", {}, kNumber);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-load-error");
}

TEST(Sandbox, ScriptsCannotCompileCode) {
  const HookResult r = run("function hook() return load('return 1')() end");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-error");
  EXPECT_NE(r.error->message.find("global 'load'"), std::string::npos) << r.error->message;
}

TEST(Sandbox, SyntaxErrorNamesFileAndLine) {
  HookHost host;
  const auto error = host.load("rules/broken.lua", "function hook()\n  return 1 +\nend\n");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "hook-load-error");
  EXPECT_EQ(error->file, "rules/broken.lua");
  EXPECT_EQ(error->line, 3);
  EXPECT_EQ(error->message, "unexpected symbol near 'end'");
}

TEST(Sandbox, LoadingAgainReplacesTheFile) {
  HookHost host;
  ASSERT_FALSE(host.load("rules/x.lua", "function hook() return 1 end"));
  ASSERT_FALSE(host.load("rules/x.lua", "function hook() return 2 end"));
  EXPECT_EQ(*host.call("rules/x.lua", "hook", {}, kNumber).value, num(2));
}

}  // namespace
}  // namespace ectflow::hooks::testing
