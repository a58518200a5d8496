// Assembling a generated flow set: the core file, then whole modules until the size is reached.
#include "flow_generator.hpp"

#include <algorithm>

#include "module_files.hpp"

namespace ectflow::bench {
namespace {

void add(GeneratedFlows& flows, SourceFile file) {
  flows.lines += static_cast<std::size_t>(std::count(file.text.begin(), file.text.end(), '\n'));
  flows.files.push_back(std::move(file));
}

}  // namespace

GeneratedFlows generate_flows(std::size_t target_lines, std::uint64_t seed) {
  GeneratedFlows flows;
  add(flows, core_file());
  while (flows.lines < target_lines) {
    // Each module has dice of its own, so adding modules never changes the ones before.
    Dice dice(seed * 1'000'003 + static_cast<std::uint64_t>(flows.modules));
    const ModulePlan plan = plan_module(flows.modules, dice);
    add(flows, records_file(plan));
    add(flows, register_journey_file(plan));
    add(flows, review_journey_file(plan));
    add(flows, assign_journey_file(plan));
    add(flows, ending_journey_file(plan));
    add(flows, views_file(plan));
    ++flows.modules;
  }
  return flows;
}

}  // namespace ectflow::bench
