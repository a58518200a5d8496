// Placeholder implementations, replaced as the parser and checker land.
#include "ectflow/authoring.hpp"

namespace ectflow {

std::vector<std::string> find_flow_files(const std::vector<std::string>& paths,
                                         std::vector<std::string>& problems) {
  (void)problems;
  return paths;
}
CheckReport check_files(const std::vector<std::string>&) { return {}; }
CheckReport check_sources(std::vector<SourceFile>) { return {}; }
FormatResult format_source(const SourceFile& file) { return {file.text, {}, false}; }
GraphResult graph_journey(const std::vector<std::string>&, std::string_view, GraphFormat) {
  return {};
}

}  // namespace ectflow
