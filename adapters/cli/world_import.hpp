// `ectflow import world`: a world in the `given:` shape of SCENARIOS.md (JSON, or YAML) into the
// store. The engine's world loader checks it in memory first; then every record is copied in one
// transaction, keeping its id, and only if none of them is in the database already.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow::cli {

struct WorldImport {
  std::vector<std::string> problems;  // "FILE: ...: error: ...": nothing was written
  std::string conflict;               // another writer got there first: nothing was written
  std::vector<std::pair<std::string, std::size_t>> counts;  // records written, by plural, in the flows' order
};

// `path` chooses the format: .yaml or .yml is YAML, anything else JSON.
WorldImport import_world(const Engine& engine, Store& store, const std::string& path, const std::string& text,
                         Date today);

}  // namespace ectflow::cli
