// `ectflow export participations --cohort YEAR`: every mentor taking part in a cohort, for the
// lead providers' participant records (DOMAIN.md: Cohorts). A mentor takes part in its own
// cohort and in the cohort of every ECT it has ever mentored: the mentor record's derived
// `participations`, worked out by the flows' rules.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "commands.hpp"
#include "ectflow/records.hpp"
#include "store_command.hpp"
#include "table.hpp"

namespace ectflow::cli {
namespace {

struct ExportOptions {
  StoreOptions store;
  int cohort = 0;
  std::string format = "csv";
};

// Why a mentor takes part in the cohort: it registered in it, or it mentored one of its ECTs.
constexpr const char* kFromRegistration = "registration";
constexpr const char* kFromMentoredEct = "mentored_ect";

// Table columns, in order.
enum Column { kMentorId, kTrn, kName, kSchoolUrn, kSchoolName, kRegistrationCohort, kSource };

Table participations(const Engine& engine, Store& store, Date today, int cohort) {
  RunContext context{store, today, ""};
  std::map<std::string, std::string> school_names;
  RecordFieldsReader schools(engine, context, "school", {"urn", "name"});
  for (const RecordFields& school : schools.read_all()) school_names[school.id] = school.value("name");

  Table table;
  table.columns = {{"mentor_id"},   {"trn"},  {"name"}, {"school_urn"}, {"school_name"},
                   {"registration_cohort", true}, {"source"}};
  const std::string year = std::to_string(cohort);
  RecordFieldsReader mentors(engine, context, "mentor", {"trn", "name", "school_id", "cohort", "participations"});
  for (const RecordFields& mentor : mentors.read_all()) {
    const std::vector<std::string>& years = mentor.find("participations")->items;
    if (std::find(years.begin(), years.end(), year) == years.end()) continue;
    const std::string& school = mentor.value("school_id");
    table.rows.push_back({mentor.id, mentor.value("trn"), mentor.value("name"), school, school_names[school],
                          mentor.value("cohort"),
                          mentor.value("cohort") == year ? kFromRegistration : kFromMentoredEct});
  }
  sort_mentors_by_school(table, {kSchoolName, kSchoolUrn, kName, kMentorId});
  return table;
}

int run_export(const ExportOptions& options) {
  return with_snapshot(options.store, "export participations", [&](OpenedProject& project, Store& records, Date today) {
    Table table = participations(*project.engine, records, today, options.cohort);
    print(stdout, options.format == "json" ? table_json(table) : table_csv(table));
    return kExitOk;
  });
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* export_app = app.add_subcommand("export", "Export records from the database");
  export_app->require_subcommand(1);
  CLI::App* participations = export_app->add_subcommand(
      "participations", "Mentors taking part in a cohort: their own, or the cohort of an ECT they have mentored");
  participations->add_option("--cohort", options->cohort, "The cohort's year, like 2025")
      ->required()
      ->check(CLI::Range(1000, 9999));
  participations->add_option("--format", options->format, "csv (default) or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->option_text("FORMAT");
  add_store_options(*participations, options->store, true);
  return {export_app, [options] { return run_export(*options); }};
}

}  // namespace ectflow::cli
