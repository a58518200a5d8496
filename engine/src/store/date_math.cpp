// Calendar arithmetic on Date (see date_math.hpp).
#include "store/date_math.hpp"

#include <algorithm>

namespace ectflow::store {

bool is_leap_year(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

Date add_months(Date date, int months) {
  // Count months from year 0 so that negative results divide the same way as positive ones.
  const long total = static_cast<long>(date.year()) * 12 + (date.month() - 1) + months;
  const long year = total >= 0 ? total / 12 : (total - 11) / 12;
  const unsigned month = static_cast<unsigned>(total - year * 12) + 1;
  const unsigned day = std::min(date.day(), days_in_month(static_cast<int>(year), month));
  return Date::from_ymd(static_cast<int>(year), month, day);
}

Date add_years(Date date, int years) {
  return add_months(date, years * 12);
}

Date add_days(Date date, int days) {
  return Date{date.days + days};
}

}  // namespace ectflow::store
