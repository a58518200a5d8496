// `ectflow graph`: draws one journey's steps and branches as Graphviz DOT or Mermaid.
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"

namespace ectflow::cli {
namespace {

struct GraphOptions {
  std::string journey;
  std::string format = "dot";
  std::vector<std::string> flows = {"flows/"};
};

int run_graph(const GraphOptions& options) {
  const GraphFormat format = options.format == "mermaid" ? GraphFormat::mermaid : GraphFormat::dot;
  const GraphResult result = graph_journey(options.flows, options.journey, format);
  const CheckReport& report = result.report;
  if (!report.diagnostics.empty()) {
    print(stderr, render_diagnostics(report.diagnostics, report.sources, DiagnosticFormat::text));
  }
  if (!report.ok()) return kExitProblems;
  if (result.text.empty()) {
    print(stderr, "ectflow graph: no journey named \"" + options.journey + "\" was found\n");
    return kExitProblems;
  }
  print(stdout, result.text);
  return kExitOk;
}

}  // namespace

Command add_graph_command(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* graph = app.add_subcommand("graph", "Draw a journey's steps and branches");
  graph->add_option("journey", options->journey, "The journey to draw")->required();
  graph->add_option("--format", options->format, "Diagram format: dot (default) or mermaid")
      ->check(CLI::IsMember({"dot", "mermaid"}))
      ->option_text("FORMAT");
  graph->add_option("--flows", options->flows,
                    "Flow files or directories to load (default: flows/); give JOURNEY first");
  return {graph, [options] { return run_graph(*options); }};
}

}  // namespace ectflow::cli
