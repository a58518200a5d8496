// `ectflow check`: checks flow files and prints every problem, once or on every change.
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "ectflow/engine.hpp"
#include "project_store.hpp"

namespace ectflow::cli {
namespace {

// CLI11 leaves a hidden option's name out of its errors, so this one names itself.
const CLI::Validator kPositiveCount(
    [](const std::string& value) -> std::string {
      const bool digits = !value.empty() && value.size() < 7 &&
                          value.find_first_not_of("0123456789") == std::string::npos;
      return digits && std::stoi(value) > 0 ? "" : "--watch-max-runs needs a whole number above 0";
    },
    "N");

struct CheckOptions {
  std::vector<std::string> paths = {"flows/"};
  std::string format = "text";
  bool watch = false;
  int watch_max_runs = 0;  // 0: until stopped
  std::string db;          // --db: also compare this database with the flows
  std::string migrations;  // empty: `migrations` beside the flows' folder
};

int check_once(const CheckOptions& options) {
  // Loading an engine checks everything check_files does, and also compiles the model and reads
  // the hooks' Lua files, so a missing or broken hook is reported here too.
  const LoadedEngine loaded = Engine::load(options.paths);
  const CheckReport& report = loaded.report;
  const DiagnosticFormat format = options.format == "json"    ? DiagnosticFormat::json
                                  : options.format == "sarif" ? DiagnosticFormat::sarif
                                                              : DiagnosticFormat::text;
  print(stdout, render_diagnostics(report.diagnostics, report.sources, format));
  if (!report.ok()) return kExitProblems;
  if (options.db.empty() || !loaded.engine) return kExitOk;
  // Once the flows are clean, the database: JSON and SARIF keep stdout for their document.
  const std::string migrations = options.migrations.empty()
                                     ? default_migrations_folder(options.paths)
                                     : options.migrations;
  return report_schema(options.db, loaded.engine->schemas(), migrations,
                       format == DiagnosticFormat::text ? stdout : stderr);
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand("check", "Check flow files and report every problem");
  check->add_option("paths", options->paths, "Flow files or directories (default: flows/)");
  check->add_option("--format", options->format, "Output format: text (default), json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->option_text("FORMAT");
  check->add_option("--db", options->db,
                    "Also compare this database (a SQLite file or postgresql:// URL) with the flows")
      ->option_text("DB");
  check->add_option("--migrations", options->migrations,
                    "The migrations folder (default: migrations beside the flows' folder)")
      ->option_text("DIR");
  check->add_flag("--watch", options->watch, "Check again whenever a .flow file changes");
  check->add_option("--watch-max-runs", options->watch_max_runs)
      ->check(kPositiveCount)
      ->group("");  // hidden: lets a test end a watch; only used with --watch
  return {check, [options] {
            if (!options->watch) return check_once(*options);
            return watch(options->paths, options->watch_max_runs,
                         [options] { return check_once(*options); });
          }};
}

}  // namespace ectflow::cli
