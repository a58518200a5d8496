// Turns checked flow files into the immutable Model: every name resolved to a slot, every
// expression into the IR arena. Only ever given files the checker accepted.
#pragma once

#include <string>
#include <vector>

#include "check/checker.hpp"
#include "model/model.hpp"

namespace ectflow::model {

Model compile_model(const std::vector<const syntax::FlowFile*>& files, const check::CheckFacts& facts,
                    std::string flow_version);

}  // namespace ectflow::model
