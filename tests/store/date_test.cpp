// Dates: strict ISO parsing of real dates, the civil calendar both ways, and month arithmetic
// that clamps to the end of a shorter month.
#include <gtest/gtest.h>

#include "ectflow/store.hpp"
#include "service_schemas.hpp"
#include "store/date_math.hpp"

namespace ectflow::store {
namespace {

Date d(std::string_view iso) {
  auto date = Date::parse_iso(iso);
  if (!date) throw std::invalid_argument("test date " + std::string(iso));
  return *date;
}

TEST(DateTest, ParsesRealDatesOnly) {
  const char* real[] = {"2025-09-01", "2024-02-29", "2000-02-29", "1000-01-01",
                        "9999-12-31", "1970-01-01", "2025-12-31", "2025-04-30"};
  for (const char* text : real) {
    auto date = Date::parse_iso(text);
    ASSERT_TRUE(date) << text;
    EXPECT_EQ(date->iso(), text);
  }
  const char* not_real[] = {
      "2025-02-30",  "2025-2-3",    "",           "abcd-ef-gh", "2023-02-29", "1900-02-29",
      "2025-13-01",  "2025-00-10",  "2025-01-00", "2025-04-31", "0999-12-31", "+025-01-01",
      " 2025-01-01", "2025-01-01 ", "2025/01/01", "20250101",   "2025-01-1x", "12025-01-01"};
  for (const char* text : not_real) EXPECT_FALSE(Date::parse_iso(text)) << '"' << text << '"';
}

TEST(DateTest, CountsDaysFromTheEpoch) {
  EXPECT_EQ(d("1970-01-01").days, 0);
  EXPECT_EQ(d("1969-12-31").days, -1);
  EXPECT_EQ(d("2000-03-01").days, 11017);
  EXPECT_EQ(Date::from_ymd(2025, 9, 1), d("2025-09-01"));
  EXPECT_LT(d("2025-08-31"), d("2025-09-01"));
  Date date = d("1582-10-04");  // proleptic: no Julian gap
  EXPECT_EQ(add_days(date, 1).iso(), "1582-10-05");
}

TEST(DateTest, EveryDayRoundTripsAndFollowsTheLast) {
  Date day = d("1899-12-31");
  for (Date end = d("2101-01-01"); day < end; day = add_days(day, 1)) {
    const Date next = add_days(day, 1);
    ASSERT_EQ(Date::parse_iso(next.iso()), next) << next.iso();
    const bool new_month = next.day() == 1;
    ASSERT_EQ(new_month, day.day() == days_in_month(day.year(), day.month())) << day.iso();
    if (!new_month) {
      ASSERT_EQ(next.day(), day.day() + 1) << day.iso();
    }
    ASSERT_EQ(Date::from_ymd(next.year(), next.month(), next.day()), next);
  }
}

TEST(DateTest, ReadsYearMonthAndDay) {
  Date date = d("2024-02-29");
  EXPECT_EQ(date.year(), 2024);
  EXPECT_EQ(date.month(), 2u);
  EXPECT_EQ(date.day(), 29u);
}

TEST(DateTest, KnowsLeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_EQ(days_in_month(2024, 2), 29u);
  EXPECT_EQ(days_in_month(2100, 2), 28u);
  EXPECT_EQ(days_in_month(2025, 12), 31u);
}

TEST(DateTest, AddsMonthsYearsAndDays) {
  struct Case {
    const char* from;
    int months;
    const char* to;
  } months[] = {
      {"2025-01-31", 1, "2025-02-28"},    {"2024-01-31", 1, "2024-02-29"},
      {"2025-03-31", -1, "2025-02-28"},   {"2025-12-15", 1, "2026-01-15"},
      {"2025-01-15", -1, "2024-12-15"},   {"2025-05-31", 13, "2026-06-30"},
      {"2025-08-31", -18, "2024-02-29"},  {"2025-09-01", 0, "2025-09-01"},
      {"2025-10-31", -120, "2015-10-31"},
  };
  for (const auto& c : months) EXPECT_EQ(add_months(d(c.from), c.months).iso(), c.to) << c.from;

  EXPECT_EQ(add_years(d("2024-02-29"), 1).iso(), "2025-02-28");
  EXPECT_EQ(add_years(d("2024-02-29"), 4).iso(), "2028-02-29");
  EXPECT_EQ(add_years(d("2024-02-29"), -100).iso(), "1924-02-29");
  EXPECT_EQ(add_years(d("2025-09-01"), -18).iso(), "2007-09-01");

  EXPECT_EQ(add_days(d("2025-02-28"), 1).iso(), "2025-03-01");
  EXPECT_EQ(add_days(d("2024-02-28"), 1).iso(), "2024-02-29");
  EXPECT_EQ(add_days(d("2025-09-01"), -30).iso(), "2025-08-02");
  EXPECT_EQ(add_days(d("2025-12-31"), 1).iso(), "2026-01-01");
}

TEST(RecordTest, FindsSlotsAndIds) {
  const auto schemas = testing::service_schemas();
  const RecordSchema& ect = schemas[testing::type_of(schemas, "ect")];
  EXPECT_EQ(ect.slot("id"), 0u);
  EXPECT_EQ(ect.slot("cohort"), 10u);
  EXPECT_EQ(ect.slot("mentor_id"), std::nullopt);

  Record record;
  record.fields.resize(ect.fields.size());
  EXPECT_EQ(record.id(ect), "");
  record.fields[0] = std::string("e1");
  EXPECT_EQ(record.id(ect), "e1");

  const RecordSchema& cohort = schemas[testing::type_of(schemas, "cohort")];
  Record year;
  year.fields = {2025.0};
  EXPECT_EQ(year.id(cohort), "");  // not text
  EXPECT_EQ(year.key_text(cohort), "2025");
  EXPECT_EQ(Record{}.id(cohort), "");
}

}  // namespace
}  // namespace ectflow::store
