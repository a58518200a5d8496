// `ectflow import teachers FILE` and `ectflow import world FILE`: records from a file into the
// database, all of them in one transaction or none.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "commands.hpp"
#include "store_command.hpp"
#include "teacher_import.hpp"
#include "world_import.hpp"
#include "ectflow/yaml_json.hpp"

namespace ectflow::cli {
namespace {

// More than this many problems are counted, not listed: the first ones show what is wrong.
constexpr std::size_t kMaxProblemsShown = 50;

struct ImportOptions {
  StoreOptions store;
  std::string file;
};

// Prints the problems and says nothing was imported. Returns the exit code.
int refuse(const std::vector<std::string>& problems, const std::string& file) {
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < kMaxProblemsShown; ++i) text += problems[i] + "\n";
  if (problems.size() > kMaxProblemsShown) {
    text += fmt::format("... and {} more problems\n", problems.size() - kMaxProblemsShown);
  }
  text += fmt::format("Nothing was imported: {} {} in {}; fix {} and import again\n", problems.size(),
                      problems.size() == 1 ? "problem" : "problems", file, problems.size() == 1 ? "it" : "them");
  print(stderr, text);
  return kExitProblems;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

int run_teachers(const ImportOptions& options) {
  const char* command = "import teachers";
  if (!is_input_file(options.file)) {
    print(stderr, "ectflow import teachers: " + options.file + " is not a .csv or .json file\n");
    return kExitUsage;
  }
  const std::optional<std::string> text = read_file(options.file);
  if (!text) {
    print(stderr, "ectflow import teachers: cannot read " + options.file + "\n");
    return kExitProblems;
  }
  const std::optional<Date> today = today_of(options.store, command);
  if (!today) return kExitUsage;
  return with_project(options.store, command, [&](OpenedProject& project) {
    if (std::string problem = teacher_record_problem(*project.engine); !problem.empty()) {
      print(stderr, "ectflow import teachers: " + problem + "\n");
      return kExitProblems;
    }
    ProgressBar progress;
    progress.stage("Reading " + options.file, 0);
    const InputFile file = read_input_file(options.file, *text, teacher_fields(*project.engine));
    TeacherImport imported = import_teachers(*project.engine, *project.store, file, *today, progress);
    progress.clear();
    if (!imported.problems.empty()) return refuse(imported.problems, options.file);
    if (!imported.conflict.empty()) {
      print(stderr, "ectflow import teachers: " + imported.conflict +
                        " while importing; nothing was imported: import again\n");
      return kExitFailure;
    }
    std::string details = fmt::format("{} new, {} updated", imported.added, imported.updated);
    if (imported.unchanged > 0) details += fmt::format(", {} unchanged", imported.unchanged);
    print(stdout, fmt::format("Imported {} ({}) into {}\n",
                              count(imported.added + imported.updated + imported.unchanged, "teacher", "teachers"),
                              details, project.store->database()));
    return kExitOk;
  });
}

int run_world(const ImportOptions& options) {
  const char* command = "import world";
  const std::optional<std::string> text = read_file(options.file);
  if (!text) {
    print(stderr, "ectflow import world: cannot read " + options.file + "\n");
    return kExitProblems;
  }
  const std::optional<Date> today = today_of(options.store, command);
  if (!today) return kExitUsage;
  return with_project(options.store, command, [&](OpenedProject& project) {
    WorldImport imported = import_world(*project.engine, *project.store, options.file, *text, *today);
    if (!imported.problems.empty()) return refuse(imported.problems, options.file);
    if (!imported.conflict.empty()) {
      print(stderr, "ectflow import world: " + imported.conflict + " while importing; nothing was imported\n");
      return kExitFailure;
    }
    std::string counts;
    for (const auto& [plural, n] : imported.counts) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, plural);
    print(stdout, fmt::format("Imported the world in {} into {}: {}\n", options.file, project.store->database(),
                              counts.empty() ? "no records" : counts));
    return kExitOk;
  });
}

}  // namespace

Command add_import_command(CLI::App& app) {
  auto teachers_options = std::make_shared<ImportOptions>();
  auto world_options = std::make_shared<ImportOptions>();
  CLI::App* import = app.add_subcommand("import", "Import records into the database, all or nothing");
  import->require_subcommand(1);

  CLI::App* teachers = import->add_subcommand(
      "teachers", "The TRA's teachers from a CSV file (a header row naming the fields) or a JSON array");
  teachers->add_option("file", teachers_options->file, "A .csv or .json file of teachers")->required();
  add_store_options(*teachers, teachers_options->store, false);

  CLI::App* world = import->add_subcommand(
      "world", "A world in the given: shape of SCENARIOS.md, as JSON or YAML (.yaml, .yml)");
  world->add_option("file", world_options->file, "The world file")->required();
  add_store_options(*world, world_options->store, true);

  return {import, [=] { return teachers->parsed() ? run_teachers(*teachers_options) : run_world(*world_options); }};
}

}  // namespace ectflow::cli
