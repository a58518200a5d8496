// Coverage: which steps, branches, error codes and outcome pages of each journey the replayed
// scenarios reached, against the journeys' outlines (journey_outlines). Standard library types
// only.
#pragma once

#include <string>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow::scenario {

// One thing a scenario did in a journey: showed a step (branch -1, no codes), took one of a
// step's `next`s (branch), or had a step's answers refused with these codes.
struct Reached {
  std::string journey;
  std::string step;
  int branch = -1;
  std::vector<std::string> error_codes;
};

struct CoverageCount {
  std::size_t reached = 0;
  std::size_t total = 0;
  std::vector<std::string> missed;  // "find_ect", "find_ect -> trn_not_found (next 1)", "email: email_taken"
  double percent() const { return total == 0 ? 100.0 : 100.0 * static_cast<double>(reached) / static_cast<double>(total); }
};

struct JourneyCoverage {
  std::string journey;
  CoverageCount steps;
  CoverageCount branches;
  CoverageCount error_codes;
  CoverageCount outcomes;  // outcome pages (a subset of the steps)
};

struct Coverage {
  std::vector<JourneyCoverage> journeys;  // in the flows' order
  JourneyCoverage total;                  // every journey together (journey: "all")
};

Coverage measure_coverage(const std::vector<JourneyOutline>& outlines, const std::vector<Reached>& reached);

// A table per journey with percentages, then what was missed.
std::string coverage_text(const Coverage& coverage);
// The same as JSON: {"journeys": [{"journey", "steps": {"reached", "total", "percent", "missed"}, ...}], "total": {...}}.
std::string coverage_json(const Coverage& coverage);

}  // namespace ectflow::scenario
