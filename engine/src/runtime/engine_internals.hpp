// What an Engine holds beside its model: the options it was loaded with, and its hooks.
#pragma once

#include <memory>

#include "ectflow/engine.hpp"
#include "expr/eval.hpp"

namespace ectflow {

struct Engine::Internals {
  EngineOptions options;
  FlowSnapshot snapshot;
  // Makes a hook caller for one evaluation; null when the flows declare no hooks.
  std::function<std::unique_ptr<expr::HookCaller>(std::vector<std::string>& problems)> hook_caller;
};

}  // namespace ectflow
