// The time stamps the fixed tables keep.
#pragma once

#include <string>

namespace ectflow::sql {

// The current time in UTC, ISO 8601 to the millisecond: "2026-11-23T14:34:43.123Z".
std::string utc_now_iso();

}  // namespace ectflow::sql
