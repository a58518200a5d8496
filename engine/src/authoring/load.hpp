// Reading, parsing and checking a set of flow files, keeping what the model compiler needs:
// the parsed files and the checker's facts. Shared by the author's tools and Engine::load.
#pragma once

#include <string>
#include <vector>

#include "check/checker.hpp"
#include "ectflow/authoring.hpp"
#include "syntax/ast.hpp"

namespace ectflow::authoring {

CheckReport load_and_check(const std::vector<std::string>& paths, std::vector<syntax::FlowFile>& parsed,
                           check::CheckFacts* facts);
// The built-in standard library's path in a report's sources (not a file of the project's).
bool is_builtin_source(const std::string& path);

CheckReport check_source_files(std::vector<SourceFile> files, std::vector<syntax::FlowFile>& parsed,
                               check::CheckFacts* facts);

}  // namespace ectflow::authoring
