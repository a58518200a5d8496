// What a page shows, against what an `expect:` step says it must (SCENARIOS.md's table of keys).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "ectflow/records.hpp"
#include "scenario_spec.hpp"

namespace ectflow::scenario {

// The page in view: a journey's page or a record page.
struct Screen {
  std::optional<Page> page;
  std::optional<ViewPage> view;
};

// A key the page does not match: what was expected and what was seen, as short JSON.
struct Mismatch {
  std::string expected;
  std::string seen;
};

std::optional<Mismatch> check_expected(const Expected& expected, const Screen& screen);

// expect_records: whether some stored record of the type matches the partial (the one with its
// `id` when it gives one; `absent: true` asserts none does). `records` are the type's records as
// text (stored, derived and status fields).
std::optional<Mismatch> check_records(const Expected& expected, const std::vector<RecordFields>& records);

// The text of a JSON value as the page would show it (`2024` as "2024", `true` as "yes").
std::string as_text(const nlohmann::json& value);

}  // namespace ectflow::scenario
