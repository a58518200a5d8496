// Measuring what the scenarios reached against each journey's outline.
#include "ectflow/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace ectflow::scenario {
namespace {

void count(CoverageCount& c, bool hit, const std::string& name) {
  ++c.total;
  if (hit) ++c.reached;
  else c.missed.push_back(name);
}

void add_to(CoverageCount& total, const CoverageCount& part, const std::string& journey) {
  total.reached += part.reached;
  total.total += part.total;
  for (const std::string& missed : part.missed) total.missed.push_back(journey + ": " + missed);
}

nlohmann::json count_json(const CoverageCount& c) {
  return {{"reached", c.reached}, {"total", c.total}, {"percent", std::round(c.percent() * 10) / 10}, {"missed", c.missed}};
}

nlohmann::json journey_json(const JourneyCoverage& j) {
  return {{"journey", j.journey},
          {"steps", count_json(j.steps)},
          {"branches", count_json(j.branches)},
          {"error_codes", count_json(j.error_codes)},
          {"outcomes", count_json(j.outcomes)}};
}

std::string cell(const CoverageCount& c) {
  return c.total == 0 ? "-" : fmt::format("{:.0f}% ({}/{})", c.percent(), c.reached, c.total);
}

}  // namespace

Coverage measure_coverage(const std::vector<JourneyOutline>& outlines, const std::vector<Reached>& reached) {
  std::set<std::pair<std::string, std::string>> shown;
  std::set<std::tuple<std::string, std::string, int>> taken;
  std::set<std::tuple<std::string, std::string, std::string>> refused;
  for (const Reached& r : reached) {
    if (r.branch >= 0) taken.insert({r.journey, r.step, r.branch});
    else if (r.error_codes.empty()) shown.insert({r.journey, r.step});
    for (const std::string& code : r.error_codes) refused.insert({r.journey, r.step, code});
  }
  Coverage coverage;
  coverage.total.journey = "all";
  for (const JourneyOutline& outline : outlines) {
    JourneyCoverage j;
    j.journey = outline.name;
    for (const StepOutline& step : outline.steps) {
      const bool seen = shown.count({outline.name, step.name}) > 0;
      count(j.steps, seen, step.name);
      if (step.kind == "outcome") count(j.outcomes, seen, step.name);
      for (std::size_t i = 0; i < step.nexts.size(); ++i) {
        count(j.branches, taken.count({outline.name, step.name, static_cast<int>(i)}) > 0,
              fmt::format("{} -> {} (next {})", step.name, step.nexts[i], i + 1));
      }
      for (const std::string& code : step.error_codes) {
        count(j.error_codes, refused.count({outline.name, step.name, code}) > 0, step.name + ": " + code);
      }
    }
    add_to(coverage.total.steps, j.steps, j.journey);
    add_to(coverage.total.branches, j.branches, j.journey);
    add_to(coverage.total.error_codes, j.error_codes, j.journey);
    add_to(coverage.total.outcomes, j.outcomes, j.journey);
    coverage.journeys.push_back(std::move(j));
  }
  return coverage;
}

std::string coverage_text(const Coverage& coverage) {
  std::string out = fmt::format("{:<24} {:>16} {:>16} {:>16} {:>16}\n", "journey", "steps", "branches", "error codes",
                                "outcome pages");
  for (const JourneyCoverage& j : coverage.journeys) {
    out += fmt::format("{:<24} {:>16} {:>16} {:>16} {:>16}\n", j.journey, cell(j.steps), cell(j.branches),
                       cell(j.error_codes), cell(j.outcomes));
  }
  const JourneyCoverage& t = coverage.total;
  out += fmt::format("{:<24} {:>16} {:>16} {:>16} {:>16}\n", "all", cell(t.steps), cell(t.branches), cell(t.error_codes),
                     cell(t.outcomes));
  for (const auto& [what, count] : {std::pair{"steps", &t.steps}, std::pair{"branches", &t.branches},
                                    std::pair{"error codes", &t.error_codes}}) {
    if (count->missed.empty()) continue;
    out += fmt::format("\nnot reached ({}):\n", what);
    for (const std::string& missed : count->missed) out += "  " + missed + "\n";
  }
  return out;
}

std::string coverage_json(const Coverage& coverage) {
  nlohmann::json journeys = nlohmann::json::array();
  for (const JourneyCoverage& j : coverage.journeys) journeys.push_back(journey_json(j));
  return nlohmann::json{{"journeys", journeys}, {"total", journey_json(coverage.total)}}.dump(2);
}

}  // namespace ectflow::scenario
