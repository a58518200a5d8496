// Date, RecordSchema and Record: the small value types of the public store interface.
#include <cmath>
#include <cstdio>

#include "ectflow/store.hpp"
#include "store/date_math.hpp"

namespace ectflow {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, 1970-01-01 = 0).
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

// The value of `count` decimal digits at `text[at]`, or -1 if any is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (static_cast<unsigned>(day) > store::days_in_month(year, static_cast<unsigned>(month))) {
    return std::nullopt;
  }
  return from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date{days_from_civil(year, month, day)};
}

std::string Date::iso() const {
  const Civil c = civil_from_days(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", c.year, c.month, c.day);
  return text;
}

int Date::year() const {
  return civil_from_days(days).year;
}
unsigned Date::month() const {
  return civil_from_days(days).month;
}
unsigned Date::day() const {
  return civil_from_days(days).day;
}

std::optional<std::size_t> RecordSchema::slot(std::string_view field) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return i;
  }
  return std::nullopt;
}

const std::string& Record::id(const RecordSchema& schema) const {
  static const std::string kNoId;
  if (schema.key >= fields.size()) return kNoId;
  const auto* text = std::get_if<std::string>(&fields[schema.key]);
  return text ? *text : kNoId;
}

// The text a record is found by: its key as text (a number key like a cohort's year as "2025").
std::string Record::key_text(const RecordSchema& schema) const {
  if (schema.key >= fields.size()) return {};
  const FieldValue& key = fields[schema.key];
  if (const auto* text = std::get_if<std::string>(&key)) return *text;
  if (const auto* number = std::get_if<double>(&key)) {
    char buffer[32];
    const bool whole = std::trunc(*number) == *number && std::abs(*number) < 1e15;
    std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%g", *number);
    return buffer;
  }
  if (const auto* date = std::get_if<Date>(&key)) return date->iso();
  return {};
}

}  // namespace ectflow
