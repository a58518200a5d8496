// Arguments: DataValues arrive as Lua values, records and lists as read-only tables.
#include <gtest/gtest.h>

#include <cmath>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

const DataValue kEct = record({{"name", text("Ada")},
                               {"cohort", num(2024)},
                               {"start", text("2024-09-01")},
                               {"part_time", yes(false)},
                               {"mentor", nil()},
                               {"schools", list({record({{"urn", num(100001)}})})}});

struct ArgumentCase {
  const char* name;
  const char* body;  // of hook(v), returning a text
  DataValue argument;
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const ArgumentCase& c) {
  return out << c.name;
}

class Argument : public ::testing::TestWithParam<ArgumentCase> {};

TEST_P(Argument, ArrivesAsALuaValue) {
  const ArgumentCase& c = GetParam();
  const HookResult r =
      run(std::string("function hook(v)\n") + c.body + "\nend", "hook", {c.argument}, kText);
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, text(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Argument,
    ::testing::Values(
        ArgumentCase{"Nil", "return type(v)", nil(), "nil"},
        ArgumentCase{"Boolean", "return tostring(v)", yes(true), "true"},
        ArgumentCase{"WholeNumberIsAnInteger", "return tostring(v) .. math.type(v)", num(2025),
                     "2025integer"},
        ArgumentCase{"Fraction", "return tostring(v)", num(0.5), "0.5"},
        ArgumentCase{"Text", "return v .. '!'", text("2025-09-01"), "2025-09-01!"},
        ArgumentCase{"RecordFields",
                     "return v.name .. v.cohort .. tostring(v.part_time) .. tostring(v.mentor)",
                     kEct, "Ada2024falsenil"},
        ArgumentCase{"NestedList", "return tostring(v.schools[1].urn) .. #v.schools", kEct,
                     "1000011"},
        ArgumentCase{"ListIsASequence",
                     "local s = '' for i, x in ipairs(v) do s = s .. i .. x end return s .. #v",
                     list({text("a"), text("b"), text("c")}), "1a2b3c3"},
        ArgumentCase{"PairsOverARecord",
                     "local keys = {} for k in pairs(v) do keys[#keys + 1] = k end\n"
                     "table.sort(keys) return table.concat(keys, ',')",
                     kEct, "cohort,name,part_time,schools,start"},
        ArgumentCase{"TableFunctionsRead",
                     "return table.concat(v, '-') .. select('#', table.unpack(v))",
                     list({text("x"), text("y")}), "x-y2"},
        ArgumentCase{"MetatableIsHidden", "return tostring(getmetatable(v))", list({}),
                     "read-only"}),
    [](const auto& info) { return std::string(info.param.name); });

struct WriteCase {
  const char* name;
  const char* statement;  // on line 2 of hook(v)
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const WriteCase& c) {
  return out << c.name;
}

class Write : public ::testing::TestWithParam<WriteCase> {};

TEST_P(Write, ToAnArgumentIsAnError) {
  const WriteCase& c = GetParam();
  const HookResult r = run(std::string("function hook(v)\n  ") + c.statement + "\n  return 1\nend",
                           "hook", {kEct}, kNumber);
  ASSERT_TRUE(r.error) << "the write went through";
  EXPECT_EQ(r.error->code, "hook-error");
  EXPECT_EQ(r.error->line, 2) << describe(r);
  EXPECT_NE(r.error->message.find(c.message), std::string::npos) << describe(r);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Write,
    ::testing::Values(
        WriteCase{"ChangeAField", "v.cohort = 2025", "read-only: cannot set field 'cohort'"},
        WriteCase{"AddAField", "v.extra = true", "read-only: cannot set field 'extra'"},
        WriteCase{"NestedRecord", "v.schools[1].urn = 1", "read-only: cannot set field 'urn'"},
        WriteCase{"ListElement", "v.schools[1] = {}", "read-only: cannot set element 1"},
        WriteCase{"TableInsert", "table.insert(v.schools, {})", "read-only: cannot set element 2"},
        WriteCase{"TableRemove", "table.remove(v.schools)", "read-only: cannot set element 1"},
        WriteCase{"ChangeTheMetatable", "setmetatable(v, nil)",
                  "cannot change a protected metatable"},
        WriteCase{"RawsetIsNotThere", "rawset(v, 'cohort', 1)", "global 'rawset'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Argument, ManyArgumentsInOrder) {
  const HookResult r =
      run("function hook(a, b, c, d) return a .. b .. tostring(c) .. tostring(d) end", "hook",
          {text("x"), num(1), nil(), yes(false)}, kText);
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, text("x1nilfalse"));
}

TEST(Argument, ThatCannotBePassedIsABadArgument) {
  DataValue deep = num(1);
  for (int i = 0; i < kMaxHookValueDepth + 2; ++i) deep = list({deep});
  for (const DataValue& bad : {deep, num(std::nan("")), record({{"x", num(INFINITY)}})}) {
    const HookResult r = run("function hook(a, b) return 1 end", "hook", {num(1), bad}, kNumber);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->code, "hook-bad-argument");
    EXPECT_NE(r.error->message.find("argument 2 of `hook`"), std::string::npos) << describe(r);
  }
}

TEST(Argument, TooBigForTheMemoryCap) {
  const HookResult r = run("function hook(a) return #a end", "hook",
                           {text(std::string(kMaxHookMemoryBytes, 'x'))}, kNumber);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-out-of-memory");
}

}  // namespace
}  // namespace ectflow::hooks::testing
