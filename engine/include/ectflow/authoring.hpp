// The author's tools: check flow files, lay them out canonically, draw a journey.
// Standard library types only; the grammar and checker live behind this header.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/diagnostics.hpp"

namespace ectflow {

// Limits on what a flow file may be; each has a diagnostic that names it.
inline constexpr std::size_t kMaxFlowFileBytes = 1024 * 1024;  // error[file-too-large]
inline constexpr std::size_t kMaxNestingDepth = 48;            // error[nesting-too-deep]

// Everything one run looked at, and what it found.
struct CheckReport {
  SourceSet sources;
  std::vector<Diagnostic> diagnostics;  // sorted; errors and warnings together
  bool ok() const { return !has_errors(diagnostics); }
};

// Lists the .flow files under each path (a file, or a directory searched recursively),
// in a stable order. A path that does not exist is reported as error[file-unreadable].
std::vector<std::string> find_flow_files(const std::vector<std::string>& paths,
                                         std::vector<std::string>& problems);

// Parses and checks the given files together (with the flow standard library), reporting
// every problem in one run.
CheckReport check_files(const std::vector<std::string>& paths);
CheckReport check_sources(std::vector<SourceFile> files);

// `ectflow fmt`: the canonical layout of one file. When the file does not parse, `text` is
// the input unchanged and the diagnostics say why.
struct FormatResult {
  std::string text;
  CheckReport report;
  bool changed = false;
};
FormatResult format_source(const SourceFile& file);

// `ectflow graph`: one journey's steps as a diagram, branch conditions on the edges.
enum class GraphFormat { dot, mermaid };
struct GraphResult {
  std::string text;  // empty when the journey is unknown or the flows have errors
  CheckReport report;
};
GraphResult graph_journey(const std::vector<std::string>& paths, std::string_view journey,
                          GraphFormat format);

}  // namespace ectflow
