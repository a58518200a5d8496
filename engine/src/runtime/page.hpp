// Builds the page a journey instance is on, as data for a front end.
#pragma once

#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "expr/eval.hpp"
#include "model/model.hpp"
#include "runtime/session.hpp"

namespace ectflow::runtime {

// A page's kind as pages and outlines name it: question, interstitial, outcome, check_answers,
// confirmation.
const char* step_kind(model::StepKind kind);

Page render_page(const Engine& engine, const model::Journey& journey, const JourneyInstance& instance,
                 const Reads& reads, std::vector<std::string>& hook_problems);
// Whether `back` from the page in view returns to check answers: the page was opened by a
// Change link (check answers is on its path), not reached by going on from one.
bool back_goes_to_check_answers(const JourneyInstance& instance);

// The same with a session already evaluating with the instance's answers and records; hooks that
// fail are the session's hook_problems.
Page render_page(Session& session, const JourneyInstance& instance);

// A link or action with its text and target worked out (`journey` is null in views).
PageLink render_link(const model::Link& link, const model::Journey* journey, expr::Evaluator& eval,
                     expr::Evaluator::Frame& frame);

}  // namespace ectflow::runtime
