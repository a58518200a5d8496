// The text builtins' Unicode rules, called as the evaluator calls them: white space as
// JavaScript has it, UTF-16 lengths, replace, remove_prefix and to_date.
#include <gtest/gtest.h>

#include <algorithm>

#include "check/builtins.hpp"
#include "expr/builtins.hpp"

namespace ectflow::expr {
namespace {

using model::Value;

Value call(const std::string& name, std::vector<Value> args) {
  const std::vector<std::string> names = check::builtin_names();
  auto it = std::find(names.begin(), names.end(), name);
  EXPECT_NE(it, names.end()) << name;
  return call_builtin(static_cast<std::uint32_t>(it - names.begin()), args);
}

std::string text(const std::string& name, std::vector<Value> args) {
  Value v = call(name, std::move(args));
  const auto* s = std::get_if<std::string>(&v.v);
  return s ? *s : "<not text>";
}

double number(const std::string& name, std::vector<Value> args) {
  Value v = call(name, std::move(args));
  const auto* d = std::get_if<double>(&v.v);
  return d ? *d : -1;
}

TEST(Builtins, TrimTakesWhatJavaScriptCallsWhiteSpace) {
  EXPECT_EQ(text("trim", {Value{"\u00a0\u2003 Ann \u3000\ufeff"}}), "Ann");
  EXPECT_EQ(text("trim", {Value{"\ufeff\u2028"}}), "");
  EXPECT_EQ(text("trim", {Value{"\t\n\v\f\r x \u2029"}}), "x");
  EXPECT_EQ(text("trim", {Value{"\u200bAnn"}}), "\u200bAnn");  // zero width: not white space
  EXPECT_EQ(text("trim", {Value{"\u0085Ann"}}), "\u0085Ann");   // NEL: JavaScript keeps it
}

TEST(Builtins, RemoveSpacesTakesTheSameWhiteSpaceAnywhere) {
  EXPECT_EQ(text("remove_spaces", {Value{"\u3000123\u2003456\ufeff7"}}), "1234567");
  EXPECT_EQ(text("remove_spaces", {Value{"123\u200b4567"}}), "123\u200b4567");
}

TEST(Builtins, Utf16LengthCountsCharactersBeyondTheBasicPlaneTwice) {
  EXPECT_EQ(number("utf16_length", {Value{""}}), 0);
  EXPECT_EQ(number("utf16_length", {Value{"Zo\u00eb"}}), 3);
  EXPECT_EQ(number("utf16_length", {Value{"\U0001F600\U0001F600"}}), 4);
  EXPECT_EQ(number("length", {Value{"\U0001F600\U0001F600"}}), 2);
}

TEST(Builtins, ReplaceReplacesEveryOccurrenceLeftToRight) {
  EXPECT_EQ(text("replace", {Value{"12//34/5"}, Value{"/"}, Value{""}}), "12345");
  EXPECT_EQ(text("replace", {Value{"aaa"}, Value{"a"}, Value{"aa"}}), "aaaaaa");
  EXPECT_EQ(text("replace", {Value{"abc"}, Value{""}, Value{"x"}}), "abc");
}

TEST(Builtins, RemovePrefixRemovesItOnceAndOnlyAtTheStart) {
  EXPECT_EQ(text("remove_prefix", {Value{"RP1234567"}, Value{"RP"}}), "1234567");
  EXPECT_EQ(text("remove_prefix", {Value{"RPRP1"}, Value{"RP"}}), "RP1");
  EXPECT_EQ(text("remove_prefix", {Value{"rp1"}, Value{"RP"}}), "rp1");
  EXPECT_EQ(text("remove_prefix", {Value{"1RP"}, Value{"RP"}}), "1RP");
}

TEST(Builtins, ToDateTakesOnlyExactRealDates) {
  Value leap = call("to_date", {Value{"2024-02-29"}});
  ASSERT_TRUE(std::holds_alternative<Date>(leap.v));
  EXPECT_EQ(std::get<Date>(leap.v).iso(), "2024-02-29");
  for (const char* wrong : {"2025-02-29", "2025-9-01", "1990-13-01", "1990-04-31", " 1990-04-03", "1990-04-03 ",
                            "\uff11990-04-03", ""}) {
    EXPECT_TRUE(call("to_date", {Value{wrong}}).empty()) << wrong;
  }
}

TEST(Builtins, PlainAsciiAndUnicodeTextAreMappedAlike) {
  EXPECT_EQ(text("lower", {Value{"MiXeD.Case@Example.ORG"}}), "mixed.case@example.org");
  EXPECT_EQ(text("upper", {Value{"ab 12 cd"}}), "AB 12 CD");
  EXPECT_EQ(text("casefold", {Value{"MAR\u00cdA"}}), "mar\u00eda");
  EXPECT_EQ(text("trim", {Value{" \t Ann \r\n"}}), "Ann");
  EXPECT_EQ(text("trim", {Value{"   "}}), "");
  EXPECT_EQ(text("digits", {Value{"RP99/12345"}}), "9912345");
  EXPECT_EQ(text("remove_spaces", {Value{"AB 12\t34 56 C"}}), "AB123456C");
}

TEST(Builtins, YearIsTheCalendarYearOfADate) {
  EXPECT_EQ(number("year", {Value{Date::from_ymd(2025, 6, 1)}}), 2025);
  EXPECT_TRUE(call("year", {Value{}}).empty());
}

}  // namespace
}  // namespace ectflow::expr
