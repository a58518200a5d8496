// `ectflow report`: being written (issue 5); registered so the command line's shape is settled.
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace ectflow::cli {

Command add_report_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("report", "(not yet available)");
  sub->allow_extras();
  return {sub, [] {
            print(stderr, "ectflow report: not yet available\n");
            return kExitFailure;
          }};
}

}  // namespace ectflow::cli
