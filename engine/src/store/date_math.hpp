// Calendar arithmetic on Date: months and years that clamp to the end of a shorter month.
#pragma once

#include "ectflow/store.hpp"

namespace ectflow::store {

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);  // month 1 to 12

// 31 Jan + 1 month is the last day of February; 29 Feb + 1 year is 28 Feb.
Date add_months(Date date, int months);
Date add_years(Date date, int years);
Date add_days(Date date, int days);

}  // namespace ectflow::store
