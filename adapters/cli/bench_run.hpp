// The timed part of `ectflow bench`: every line of the workload, one submission at a time,
// through the engine's public API, counting what was accepted and rejected.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_workload.hpp"
#include "ectflow/engine.hpp"

namespace ectflow::cli {

struct Tally {
  std::size_t journeys = 0;
  std::size_t submissions = 0;
  std::size_t accepted = 0;
  std::size_t rejected = 0;
  std::map<std::string, std::size_t> rejections_by_error;
  std::map<std::string, std::size_t> completed;  // by journey
  std::size_t conflicts = 0;  // submissions made again after the store lost a race (not counted above)
};

// The engine went where the workload says it must not: names the line and submission.
class BenchMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How a line's journeys move on: straight on the engine, or through a persistence mode.
struct BenchDriver {
  std::function<JourneyResult(const std::string& journey, const RunContext&, const std::optional<std::string>&)> start;
  std::function<JourneyResult(const JourneyInstance&, const std::string&, const Answers&, const RunContext&)> submit;
};

BenchDriver engine_bench_driver(const Engine& engine);

// Runs lines [first, last) on `store`; `done` is told after each line.
void run_lines(const BenchDriver& driver, Store& store, Date today, const std::vector<BenchLine>& lines,
               std::size_t first, std::size_t last, Tally& tally, const std::function<void(std::size_t)>& done);

}  // namespace ectflow::cli
