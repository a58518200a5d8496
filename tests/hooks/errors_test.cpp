// Errors are values naming the Lua file and line: run-time errors, missing functions, files.
#include <gtest/gtest.h>

#include "hook_test_support.hpp"

namespace ectflow::hooks::testing {
namespace {

constexpr const char* kErrorsFile = "tests/hooks/fixtures/errors.lua";

// The line of `file` that ends with "-- NAME".
int line_marked(const std::string& source, const std::string& name) {
  const std::string mark = "-- " + name + "\n";
  const auto at = source.find(mark);
  EXPECT_NE(at, std::string::npos) << "no line marked " << name;
  return 1 +
         static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(at), '\n'));
}

struct ErrorCase {
  const char* function;
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const ErrorCase& c) {
  return out << c.function;
}

class RuntimeError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(RuntimeError, NamesTheFileAndLine) {
  const std::string source = read_source(kErrorsFile);
  HookHost host;
  ASSERT_FALSE(host.load(kErrorsFile, source));
  const HookResult r =
      host.call(kErrorsFile, GetParam().function, {record({{"year", num(2024)}})}, kNumber);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-error");
  EXPECT_EQ(r.error->file, kErrorsFile);
  EXPECT_EQ(r.error->line, line_marked(source, GetParam().function));
  EXPECT_EQ(r.error->message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RuntimeError,
    ::testing::Values(ErrorCase{"arithmetic", "attempt to index a nil value (local 'to')"},
                      ErrorCase{"message", "no cohort holds this date"},
                      ErrorCase{"no_position", "no position here"},
                      ErrorCase{"table_error", "(error object is a table value)"},
                      ErrorCase{"caller_blamed", "check wants a date"},
                      ErrorCase{"caught_and_rethrown", "outer after inner"},
                      ErrorCase{"not_a_function_call",
                                "attempt to call a nil value (field 'missing')"}),
    [](const auto& info) { return std::string(info.param.function); });

TEST(RuntimeError, AtTheTopOfTheFile) {
  const HookResult r = run("local x = 1\nlocal y = x.field\nfunction hook() return 1 end");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-error");
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->message, "attempt to index a number value (local 'x')");
}

TEST(RuntimeError, InAFileWithALongPath) {  // Lua shortens names past LUA_IDSIZE to "...end"
  const std::string file = "rules/" + std::string(80, 'd') + "/deep.lua";
  const HookResult r = run("function hook()\n  error('deep')\nend", "hook", {}, kNumber, file);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->file, file);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->message, "deep");
}

struct MissingCase {
  const char* name;
  const char* source;
  const char* message;
};

std::ostream& operator<<(std::ostream& out, const MissingCase& c) {
  return out << c.name;
}

class MissingFunction : public ::testing::TestWithParam<MissingCase> {};

TEST_P(MissingFunction, IsNamed) {
  const HookResult r = run(GetParam().source, "cohort");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-missing-function");
  EXPECT_EQ(r.error->file, "rules/test.lua");
  EXPECT_EQ(r.error->message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MissingFunction,
    ::testing::Values(
        MissingCase{
            "Absent", "function cohorts() return 1 end",
            "defines no global function `cohort` (write `function cohort(...)`, not `local`)"},
        MissingCase{
            "Local", "local function cohort() return 1 end",
            "defines no global function `cohort` (write `function cohort(...)`, not `local`)"},
        MissingCase{"NotAFunction", "cohort = 2025", "`cohort` is a number, not a function"},
        MissingCase{
            "HiddenBehindAMetatable",  // globals are read raw: no metamethod runs
            "setmetatable(_G, {__index = function() return function() return 1 end end})",
            "defines no global function `cohort` (write `function cohort(...)`, not `local`)"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HookHost, CallIntoAFileNotLoaded) {
  HookHost host;
  const HookResult r = host.call("rules/nowhere.lua", "hook", {}, kNumber);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "hook-load-error");
  EXPECT_EQ(r.error->file, "rules/nowhere.lua");
  EXPECT_EQ(r.error->message, "was not loaded");
}

TEST(HookHost, SampleCohortHook) {
  const std::string file = "tests/hooks/fixtures/cohort.lua";
  HookHost host;
  ASSERT_FALSE(host.load(file, read_source(file)));
  const DataValue cohorts = list({record({{"year", num(2021)}, {"payments_frozen", yes(true)}}),
                                  record({{"year", num(2025)}, {"payments_frozen", yes(false)}})});
  const auto cohort = [&](DataValue previous, const char* start) {
    const HookResult r =
        host.call(file, "cohort", {text(start), previous, cohorts, text("2025-10-01")}, kNumber);
    EXPECT_FALSE(r.error) << describe(r);
    return r.value.value_or(DataValue{});
  };
  EXPECT_EQ(cohort(nil(), "2025-09-01"), num(2025));
  EXPECT_EQ(cohort(nil(), "2026-07-01"), num(2026));
  EXPECT_EQ(cohort(record({{"cohort", num(2021)}}), "2025-09-01"), num(2024));
  EXPECT_EQ(cohort(record({{"cohort", num(2025)}}), "2024-09-01"), num(2025));

  const HookType status = type(HookType::Kind::status, {"eligible", "not_yet_eligible"});
  const HookResult none = host.call(file, "funding", {record({{"mentorships", list({})}})}, status);
  ASSERT_FALSE(none.error) << describe(none);
  EXPECT_EQ(*none.value,
            record({{"code", text("not_yet_eligible")}, {"reason", text("not_assigned")}}));
  const HookResult some =
      host.call(file, "funding", {record({{"mentorships", list({num(1)})}})}, status);
  ASSERT_FALSE(some.error) << describe(some);
  EXPECT_EQ(*some.value, record({{"code", text("eligible")}}));
}

TEST(HookHost, TheServicesCohortHookRunsInTheSandbox) {
  const std::string file = "rules/cohort.lua";
  HookHost host;
  ASSERT_FALSE(host.load(file, read_source(file)));
  const DataValue cohorts = list(
      {record({{"year", num(2024)}, {"start", text("2024-06-01")}, {"end", text("2025-05-31")}}),
       record({{"year", num(2025)}, {"start", text("2025-06-01")}, {"end", text("2026-05-31")}})});
  const HookResult r =
      host.call(file, "cohort", {text("2025-09-01"), nil(), cohorts, text("2025-10-01")}, kNumber);
  ASSERT_FALSE(r.error) << describe(r);
  ASSERT_TRUE(std::holds_alternative<double>(r.value->v));
}

}  // namespace
}  // namespace ectflow::hooks::testing
