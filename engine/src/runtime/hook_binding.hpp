// Connects the model's declared hooks to the Lua host: loads each hook's file when the engine
// loads (a missing file or a syntax error is a diagnostic), and converts values both ways.
#pragma once

#include "ectflow/authoring.hpp"
#include "model/model.hpp"
#include "runtime/engine_internals.hpp"

namespace ectflow {

// Adds each hook file's text to internals.snapshot.hooks, read from internals.options.hook_sources
// when given, else from the project folder.
void bind_hooks(const model::Model& model, Engine::Internals& internals, CheckReport& report);

}  // namespace ectflow
