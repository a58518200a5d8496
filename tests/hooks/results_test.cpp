// Results: what a hook returns is checked against its declared type.
#include <gtest/gtest.h>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

using Kind = HookType::Kind;

const HookType kDate = type(Kind::date);
const HookType kYesNo = type(Kind::yes_no);
const HookType kChoice = type(Kind::choice, {"full_time", "part_time"});
const HookType kStatus = type(Kind::status, {"eligible", "not_yet_eligible"});
const HookType kRecord = type(Kind::record);

struct GoodCase {
  const char* name;
  HookType type;
  const char* returned;  // a Lua expression
  DataValue value;
};

std::ostream& operator<<(std::ostream& out, const GoodCase& c) {
  return out << c.name;
}

class GoodResult : public ::testing::TestWithParam<GoodCase> {};

TEST_P(GoodResult, ComesBackAsAValue) {
  const GoodCase& c = GetParam();
  const HookResult r = run(std::string("function hook(arg)\n  return ") + c.returned + "\nend",
                           "hook", {record({{"year", num(2025)}, {"code", text("x")}})}, c.type);
  ASSERT_FALSE(r.error) << describe(r);
  EXPECT_EQ(*r.value, c.value);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GoodResult,
    ::testing::Values(
        GoodCase{"Text", kText, "'hello'", text("hello")},
        GoodCase{"EmptyText", kText, "''", text("")},
        GoodCase{"Integer", kNumber, "2025", num(2025)},
        GoodCase{"Float", kNumber, "1 / 4", num(0.25)},
        GoodCase{"Date", kDate, "'2024-02-29'", text("2024-02-29")},
        GoodCase{"Yes", kYesNo, "true", yes(true)}, GoodCase{"No", kYesNo, "false", yes(false)},
        GoodCase{"Choice", kChoice, "'part_time'", text("part_time")},
        GoodCase{"StatusCode", kStatus, "'eligible'", record({{"code", text("eligible")}})},
        GoodCase{"StatusWithReason", kStatus, "{code = 'not_yet_eligible', reason = 'no_mentor'}",
                 record({{"code", text("not_yet_eligible")}, {"reason", text("no_mentor")}})},
        GoodCase{"StatusTableWithoutReason", kStatus, "{code = 'eligible'}",
                 record({{"code", text("eligible")}})},
        GoodCase{"Record", kRecord,
                 "{year = 2025, open = true, name = 'x', tags = {'a', 'b'}, at = {x = 1}}",
                 record({{"year", num(2025)},
                         {"open", yes(true)},
                         {"name", text("x")},
                         {"tags", list({text("a"), text("b")})},
                         {"at", record({{"x", num(1)}})}})},
        GoodCase{"EmptyRecord", kRecord, "{}", record({})},
        GoodCase{"ArgumentReturnedAsARecord", kRecord, "arg",
                 record({{"year", num(2025)}, {"code", text("x")}})},
        GoodCase{"ListOfNumbers", list_of(kNumber), "{3, 1, 2}", list({num(3), num(1), num(2)})},
        GoodCase{"EmptyList", list_of(kDate), "{}", list({})},
        GoodCase{
            "ListOfRecords", list_of(kRecord), "{{a = 1}, arg}",
            list({record({{"a", num(1)}}), record({{"year", num(2025)}, {"code", text("x")}})})},
        GoodCase{"ListOfLists", list_of(list_of(kYesNo)), "{{true}, {}, {false, true}}",
                 list({list({yes(true)}), list({}), list({yes(false), yes(true)})})},
        GoodCase{"MetatablesAreNotConsulted", kRecord,
                 "setmetatable({a = 1}, {__index = function() while true do end end})",
                 record({{"a", num(1)}})}),
    [](const auto& info) { return std::string(info.param.name); });

struct BadCase {
  const char* name;
  HookType type;
  const char* returned;  // a Lua expression
  const char* message;   // after "`hook` returned the wrong type"
};

std::ostream& operator<<(std::ostream& out, const BadCase& c) {
  return out << c.name;
}

class BadResult : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadResult, IsAnErrorAtTheFunction) {
  const BadCase& c = GetParam();
  // The function is defined on line 3.
  const HookResult typed =
      run(std::string("-- a hook\n\nfunction hook()\n  return ") + c.returned + "\nend", "hook", {},
          c.type);
  ASSERT_TRUE(typed.error) << "accepted";
  EXPECT_EQ(typed.error->code, "hook-bad-result");
  EXPECT_EQ(typed.error->file, "rules/test.lua");
  EXPECT_EQ(typed.error->line, 3);
  EXPECT_EQ(typed.error->message, std::string("`hook` returned the wrong type") + c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadResult,
    ::testing::Values(
        BadCase{"NothingForANumber", kNumber, "", ": expected a number, got nil"},
        BadCase{"TextForANumber", kNumber, "'2025'", ": expected a number, got the text \"2025\""},
        BadCase{"NotANumber", kNumber, "0/0", ": expected a finite number, got the number NaN"},
        BadCase{"Infinity", kNumber, "math.huge",
                ": expected a finite number, got the number infinity"},
        BadCase{"NumberForAText", kText, "42", ": expected a text, got the number 42"},
        BadCase{"FunctionForAText", kText, "print or tostring",
                ": expected a text, got a function"},
        BadCase{"NotADate", kDate, "'1 Sept 2025'",
                ": expected a date (an ISO text \"YYYY-MM-DD\"), got the text \"1 Sept 2025\""},
        BadCase{"NotARealDate", kDate, "'2025-02-29'",
                ": expected a date (an ISO text \"YYYY-MM-DD\"), got the text \"2025-02-29\", not "
                "a real date"},
        BadCase{"NumberForYesNo", kYesNo, "1",
                ": expected yes or no (true or false), got the number 1"},
        BadCase{"UnknownChoice", kChoice, "'weekends'",
                ": expected one of \"full_time\", \"part_time\", got the text \"weekends\""},
        BadCase{
            "UnknownStatus", kStatus, "'done'",
            ": expected a status code (one of \"eligible\", \"not_yet_eligible\"), or {code = ..., "
            "reason = ...}, got the text \"done\""},
        BadCase{"StatusTableWithUnknownCode", kStatus, "{code = 'done'}",
                " at .code: expected a status code (one of \"eligible\", \"not_yet_eligible\"), "
                "or {code = ..., reason = ...}, got the text \"done\""},
        BadCase{"StatusReasonNotText", kStatus, "{code = 'eligible', reason = 3}",
                " at .reason: expected a text, got the number 3"},
        BadCase{"StatusWithOtherFields", kStatus, "{code = 'eligible', reson = 'x'}",
                ": a status table has only the fields code and reason"},
        BadCase{"TextForARecord", kRecord, "'x'",
                ": expected a record (a table of fields), got the text \"x\""},
        BadCase{
            "RecordWithNumberKeys", kRecord, "{1, 2}",
            ": expected a record (a table of fields), got a table whose keys are not all texts"},
        BadCase{"RecordWithAFunction", kRecord, "{f = tostring}",
                " at .f: expected a text, number, boolean or table, got a function"},
        BadCase{"ListWithHoles", list_of(kNumber), "{1, nil, 3}",
                ": expected a list (each element: a number), got a table that is not a sequence 1, "
                "2, 3..."},
        BadCase{"ListWithAWrongElement", list_of(kDate), "{'2025-01-01', '2025-13-01'}",
                " at [2]: expected a date (an ISO text \"YYYY-MM-DD\"), got the text "
                "\"2025-13-01\", not "
                "a real date"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(BadResult, TableInsideItself) {
  const HookResult r =
      run("function hook()\n  local t = {}\n  t.me = t\n  return t\nend", "hook", {}, kRecord);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-bad-result");
  EXPECT_EQ(r.error->line, 1);
  EXPECT_NE(r.error->message.find("at .me.me.me"), std::string::npos) << r.error->message;
  EXPECT_NE(r.error->message.find(": it nests more than 32 tables deep (kMaxHookValueDepth)"),
            std::string::npos)
      << r.error->message;
}

}  // namespace
}  // namespace ectflow::hooks::testing
