// The journey-graph analyses of the checker, over one journey's steps: every step can be reached,
// none is a dead end, every step has a `next` for every case, no `next` is hidden behind one that
// always wins, steps and answers are unique, and every answer read has been asked on every path
// to where it is read. A pure function of the syntax tree: it reports diagnostics and nothing else.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/diagnostics.hpp"
#include "syntax/ast.hpp"

namespace ectflow::check {

// Answers a journey asks, and where: filled by the analysis, used by the name checker too.
struct JourneyFlowFacts {
  std::map<std::string, std::vector<std::string>> steps_asking;  // answer -> steps, source order
};

// The values of a choice type, by the type's name as an `ask ... as TYPE` writes it; nullopt when
// the type is not a choice. `yes_no` is built in (yes, no) and need not be answered here.
using ChoiceValues =
    std::function<std::optional<std::vector<std::string>>(const std::string& type_name)>;

// Reports unreachable-step, dead-end-step, missing-default-next, unreachable-next,
// duplicate-step, duplicate-answer, answer-maybe-unasked and unused-answer (see
// docs/diagnostics.md). Without `choice_values`, only yes_no answers can make a set of
// `next ... when` conditions exhaustive.
void check_journey_flow(const syntax::Journey& journey, std::vector<Diagnostic>& out,
                        JourneyFlowFacts* facts = nullptr, const ChoiceValues& choice_values = {});

}  // namespace ectflow::check
