// open_project: the flows loaded and checked, then the database opened with their tables.
#include "project_store.hpp"

#include "commands.hpp"

namespace ectflow::cli {

std::optional<OpenedProject> open_project(const std::vector<std::string>& flows, const std::string& db,
                                          std::string_view command) {
  LoadedEngine loaded = Engine::load(flows);
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    print(stderr, "ectflow " + std::string(command) + ": the flows have errors; fix them first\n");
    return std::nullopt;
  }
  OpenedProject project;
  project.engine = loaded.engine;
  project.store = sql::open_sql_store(db, loaded.engine->schemas());
  project.store->ensure_schema();
  return project;
}

}  // namespace ectflow::cli
