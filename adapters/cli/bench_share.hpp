// `ectflow bench --schools K/N`: one share of the workload's schools, so that N processes can run
// it side by side on one database, each on records no other touches.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bench_workload.hpp"

namespace ectflow::cli {

struct SchoolShare {
  int k = 1;  // 1..n
  int n = 1;

  std::string text() const { return std::to_string(k) + "/" + std::to_string(n); }
};

// "2/4" with 1 <= K <= N; nothing for anything else.
std::optional<SchoolShare> parse_share(const std::string& text);

// The share's schools: the fixtures' schools sorted by URN, school i (from 0) in share (i mod N)
// + 1. Throws std::runtime_error when the share holds no school (N larger than the schools).
std::set<std::string> share_schools(const nlohmann::json& fixtures, const SchoolShare& share);

// Keeps the lines at `schools`, in the workload's order.
void keep_lines(std::vector<BenchLine>& lines, const std::set<std::string>& schools);

// The documents first_difference compares for a share: both states cut to its schools, and the
// totals the share's lines make (see the .cpp for which totals and why).
struct ShareCheck {
  nlohmann::json got;
  nlohmann::json expected;
  std::vector<std::string> keys;  // the top-level keys to compare
};
ShareCheck share_check(const nlohmann::json& got, const nlohmann::json& expected,
                       const std::set<std::string>& schools, const std::vector<BenchLine>& lines);

}  // namespace ectflow::cli
