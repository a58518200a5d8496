// Connects declared hooks to the Lua host (see hook_binding.hpp).
#include "runtime/hook_binding.hpp"

namespace ectflow {

void bind_hooks(const model::Model& model, Engine::Internals& internals, CheckReport& report) {
  (void)model;
  (void)internals;
  (void)report;
}

}  // namespace ectflow
