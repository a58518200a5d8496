// The `ectflow` subcommands and the few helpers they share. CLI11 stays in adapters/cli.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/authoring.hpp"

namespace CLI {
class App;
}

namespace ectflow::cli {

// Exit codes: 0 no errors, 1 problems found in the flows, 2 the command line was wrong,
// 3 the command could not finish (a file could not be written, or another system failure).
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

// A subcommand registered on the app, and what runs it once the command line has parsed.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command add_check_command(CLI::App& app);
Command add_fmt_command(CLI::App& app);
Command add_graph_command(CLI::App& app);
Command add_run_command(CLI::App& app);
Command add_db_command(CLI::App& app);      // db migrate, db new-migration (db_command.cpp)
Command add_import_command(CLI::App& app);  // import teachers|world (import_command.cpp)
Command add_export_command(CLI::App& app);  // export participations (export_command.cpp)
Command add_report_command(CLI::App& app);  // report unassigned-mentors (report_command.cpp)
Command add_bench_command(CLI::App& app);   // the reference workload, timed (bench_command.cpp)
Command add_replay_command(CLI::App& app);  // scenario files replayed (replay_command.cpp)
Command add_paths_command(CLI::App& app);   // scenarios generated for a journey (paths_command.cpp)

// `check --watch`: runs `check_once` now and again after every change to the .flow files under
// `paths`; stops on SIGINT or SIGTERM, or after `max_runs` runs unless it is 0. Returns the last
// run's exit code.
int watch(const std::vector<std::string>& paths, int max_runs,
          const std::function<int()>& check_once);

// Whole-file I/O for the commands. `read_file` returns nothing when the file cannot be read;
// `replace_file` writes a temporary file beside `path` and renames it over, keeping permissions,
// and throws std::filesystem::filesystem_error when it cannot.
std::optional<std::string> read_file(const std::string& path);
void replace_file(const std::string& path, const std::string& text);

// Prints to a stream and flushes, so output reaches a pipe as soon as a run finishes.
void print(std::FILE* stream, std::string_view text);

}  // namespace ectflow::cli
