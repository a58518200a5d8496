// Generated paths: scenarios that together reach every step, branch, error code and outcome page
// of a journey that some answer can reach in a given world. The generator tries answers the
// world suggests (each record's TRN with its own date of birth, every option on the page, blank,
// malformed, too long, dates either side of today) and keeps, for everything it reaches first,
// the way there. Each scenario it writes states what each page shows, so it replays green as it
// is. Standard library types only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow::scenario {

struct PathsOptions {
  std::string journey;
  std::string world_json;              // the world, in the `given:` shape (JSON text)
  std::optional<std::string> school;   // who acts; default: the first school of the world
  Date today = Date::from_ymd(2025, 9, 1);
  std::string flows_line;              // what the scenarios' `flows:` says ("../../flows"); empty: none
  std::size_t max_requests = 20000;    // how many journey requests the search may make
};

struct GeneratedScenario {
  std::string file_name;  // "register_ect-03-trn_not_found.yaml"
  std::string name;       // its `scenario:` line
  std::string yaml;
  std::vector<std::string> reaches;  // what it is kept for: "step trn_not_found", "branch find_ect -> ..."
};

struct PathsResult {
  std::vector<GeneratedScenario> scenarios;
  // Everything of the journey no path reached, each with the reason.
  std::vector<std::string> unreached;
  std::vector<std::string> problems;  // the journey or the world could not be used
  std::size_t requests = 0;           // journey requests the search made
};

PathsResult generate_paths(const std::shared_ptr<const Engine>& engine, const PathsOptions& options);

}  // namespace ectflow::scenario
