// `ectflow db`: being written (issue 5); registered so the command line's shape is settled.
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace ectflow::cli {

Command add_db_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("db", "(not yet available)");
  sub->allow_extras();
  return {sub, [] {
            print(stderr, "ectflow db: not yet available\n");
            return kExitFailure;
          }};
}

}  // namespace ectflow::cli
