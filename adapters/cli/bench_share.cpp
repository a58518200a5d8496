// parse_share, share_schools, keep_lines and share_check: the lines and the expected state of one
// share of the schools.
#include "bench_share.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace ectflow::cli {

namespace {

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

nlohmann::json schools_in(const nlohmann::json& state, const std::set<std::string>& schools) {
  nlohmann::json kept = nlohmann::json::array();
  for (const nlohmann::json& school : state.at("schools")) {
    if (schools.count(school.at("urn").get<std::string>())) kept.push_back(school);
  }
  return kept;
}

}  // namespace

std::optional<SchoolShare> parse_share(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto k = whole_number(std::string_view(text).substr(0, slash));
  const auto n = whole_number(std::string_view(text).substr(slash + 1));
  if (!k || !n || *n < 1 || *k < 1 || *k > *n) return std::nullopt;
  return SchoolShare{*k, *n};
}

std::set<std::string> share_schools(const nlohmann::json& fixtures, const SchoolShare& share) {
  std::vector<std::string> urns;
  for (const nlohmann::json& school : fixtures.at("schools"))
    urns.push_back(school.at("urn").get<std::string>());
  std::sort(urns.begin(), urns.end());
  std::set<std::string> out;
  for (std::size_t i = 0; i < urns.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(share.n)) + 1 == share.k) out.insert(urns[i]);
  }
  if (out.empty()) {
    throw std::runtime_error("--schools " + share.text() +
                             ": the share holds none of the workload's " +
                             std::to_string(urns.size()) + " schools (N must be at most that)");
  }
  return out;
}

void keep_lines(std::vector<BenchLine>& lines, const std::set<std::string>& schools) {
  std::erase_if(lines, [&](const BenchLine& line) { return !schools.count(line.school); });
}

// expected_state.json gives its totals for the whole workload only. For a share, the lines give
// journeys, submissions and completed exactly (every line completes both journeys). accepted,
// rejected and rejections_by_error are not compared: run_lines already fails unless every
// submission was accepted or rejected as the next submission's step says, and bench/compare checks
// the sum of the shares' rejections_by_error against the whole workload's. The schools' state is
// compared in full.
ShareCheck share_check(const nlohmann::json& got, const nlohmann::json& expected,
                       const std::set<std::string>& schools, const std::vector<BenchLine>& lines) {
  std::size_t submissions = 0;
  for (const BenchLine& line : lines) submissions += line.submissions.size();
  ShareCheck check;
  check.keys = {"journeys", "submissions", "completed", "schools"};
  check.got = {{"journeys", got.at("journeys")},
               {"submissions", got.at("submissions")},
               {"completed", got.at("completed")},
               {"schools", schools_in(got, schools)}};
  check.expected = {
      {"journeys", lines.size()},
      {"submissions", submissions},
      {"completed", {{"assign_mentor", lines.size()}, {"register_ect", lines.size()}}},
      {"schools", schools_in(expected, schools)}};
  return check;
}

}  // namespace ectflow::cli
