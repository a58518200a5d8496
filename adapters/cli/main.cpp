// The `ectflow` command: parses the command line and runs one subcommand.
#include <CLI/CLI.hpp>
#include <exception>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace ectflow::cli;
  CLI::App app{"ectflow: check, format, draw and run the service's flow files", "ectflow"};
  app.set_version_flag("--version", std::string("ectflow ") + ECTFLOW_VERSION);
  app.require_subcommand(0, 1);
  const std::vector<Command> commands = {add_check_command(app), add_fmt_command(app),
                                         add_graph_command(app), add_run_command(app),
                                         add_db_command(app),    add_import_command(app),
                                         add_export_command(app), add_report_command(app),
                                         add_bench_command(app), add_replay_command(app), add_paths_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version arrive here too, with exit code 0.
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const std::exception& error) {
    print(stderr, std::string("ectflow: ") + error.what() + "\n");
    return kExitFailure;
  }
  print(stderr,
        "ectflow needs a command: check, fmt, graph, run, db, import, export, report or bench\nRun with --help for more information.\n");
  return kExitUsage;
}
