// Generated flow sets of a chosen size, for timing `ectflow check` against flow size: valid,
// varied and shaped like the service's flows, growing by modules of records, journeys and views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ectflow/diagnostics.hpp"

namespace ectflow::bench {

struct GeneratedFlows {
  std::vector<SourceFile> files;  // generated/core.flow, then generated/mNNN/*.flow
  std::size_t lines = 0;
  int modules = 0;
};

// Adds modules until the files hold at least `target_lines` lines. Module k is the same in every
// set made with the same seed, so a smaller set is the start of a larger one.
GeneratedFlows generate_flows(std::size_t target_lines, std::uint64_t seed = 1);

}  // namespace ectflow::bench
