// `ectflow report unassigned-mentors`: open mentors with no open mentorship, school by school, so
// an induction tutor (or the service) can see who is registered but mentoring nobody — the case
// DOMAIN.md's "mentors are only registered for an ECT" exists to avoid.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "commands.hpp"
#include "ectflow/records.hpp"
#include "store_command.hpp"
#include "table.hpp"

namespace ectflow::cli {
namespace {

struct ReportOptions {
  StoreOptions store;
  std::string school;
  std::string format = "text";
};

// Table columns, in order.
enum Column { kSchoolUrn, kSchoolName, kMentorId, kName, kTrn, kEmail, kCohort };

Table unassigned_mentors(const Engine& engine, Store& store, Date today, const std::string& only_school) {
  RunContext context{store, today, ""};
  std::map<std::string, std::string> school_names;
  RecordFieldsReader schools(engine, context, "school", {"name"});
  for (const RecordFields& school : schools.read_all()) school_names[school.id] = school.value("name");

  std::set<std::string> mentoring;  // mentors with an open mentorship
  RecordFieldsReader mentorships(engine, context, "mentorship", {"mentor_id"});
  for (const RecordFields& mentorship : mentorships.read_all()) {
    if (mentorship.open) mentoring.insert(mentorship.value("mentor_id"));
  }

  Table table;
  table.columns = {{"school_urn"}, {"school_name"}, {"mentor_id"}, {"name"}, {"trn"}, {"email"}, {"cohort", true}};
  RecordFieldsReader mentors(engine, context, "mentor", {"school_id", "name", "trn", "email", "cohort"});
  for (const RecordFields& mentor : mentors.read_all()) {
    const std::string& school = mentor.value("school_id");
    if (!mentor.open || mentoring.count(mentor.id) || (!only_school.empty() && school != only_school)) continue;
    table.rows.push_back({school, school_names[school], mentor.id, mentor.value("name"), mentor.value("trn"),
                          mentor.value("email"), mentor.value("cohort")});
  }
  sort_mentors_by_school(table, {kSchoolName, kSchoolUrn, kName, kMentorId});
  return table;
}

// A heading per school, then a line per mentor with its name's column lined up.
std::string report_text(const Table& table, const std::string& only_school, const std::string& only_name) {
  if (table.rows.empty()) {
    return only_school.empty() ? "No open mentor is without an ECT\n"
                               : fmt::format("Every open mentor at {} ({}) has an ECT\n", only_name, only_school);
  }
  std::string text;
  std::size_t schools = 0;
  for (std::size_t i = 0; i < table.rows.size();) {
    const std::string& urn = table.rows[i][kSchoolUrn];
    std::size_t end = i, width = 0;
    for (; end < table.rows.size() && table.rows[end][kSchoolUrn] == urn; ++end) {
      width = std::max(width, table.rows[end][kName].size());
    }
    text += fmt::format("{}{} ({})\n", schools++ ? "\n" : "", table.rows[i][kSchoolName], urn);
    for (; i < end; ++i) {
      const auto& row = table.rows[i];
      std::string line = fmt::format("  {:<{}}  {}", row[kName], width, row[kMentorId]);
      if (!row[kTrn].empty()) line += "  TRN " + row[kTrn];
      if (!row[kCohort].empty()) line += "  cohort " + row[kCohort];
      text += line + "\n";
    }
  }
  const std::size_t n = table.rows.size();
  text += fmt::format("\n{} {} without an ECT at {} {}\n", n, n == 1 ? "mentor" : "mentors", schools,
                      schools == 1 ? "school" : "schools");
  return text;
}

int run_report(const ReportOptions& options) {
  const char* command = "report unassigned-mentors";
  return with_snapshot(options.store, command, [&](OpenedProject& project, Store& records, Date today) {
    std::string school_name;
    if (!options.school.empty()) {
      auto school = RecordFieldsReader(*project.engine, RunContext{records, today, ""}, "school", {"name"})
                        .read(options.school);
      if (!school) {
        print(stderr, fmt::format("ectflow {}: no school has URN {} in {}\n", command, options.school,
                                  project.store->database()));
        return kExitProblems;
      }
      school_name = school->value("name");
    }
    Table table = unassigned_mentors(*project.engine, records, today, options.school);
    if (options.format == "csv") print(stdout, table_csv(table));
    else if (options.format == "json") print(stdout, table_json(table));
    else print(stdout, report_text(table, options.school, school_name));
    return kExitOk;
  });
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand("report", "Reports on the records in the database");
  report->require_subcommand(1);
  CLI::App* unassigned = report->add_subcommand(
      "unassigned-mentors", "Open mentors mentoring nobody, by school, then by name");
  unassigned->add_option("--school", options->school, "Only this school (its URN)");
  unassigned->add_option("--format", options->format, "text (default), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->option_text("FORMAT");
  add_store_options(*unassigned, options->store, true);
  return {report, [options] { return run_report(*options); }};
}

}  // namespace ectflow::cli
