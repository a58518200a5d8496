// Validates our SARIF against the official SARIF 2.1.0 schema with scripts/validate-sarif.py.
// The schema comes from scripts/fetch-sarif-schema.sh (scripts/test.sh runs it first); without
// it this test fails, so a green run always means the schema was checked.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagnostic_builders.hpp"

namespace ectflow {
namespace {

namespace fs = std::filesystem;
using testing_support::diagnostic;
using testing_support::span_of;

const fs::path kSourceDir = ECTFLOW_SOURCE_DIR;

// Errors, warnings and notes over two files, with a fix, related notes, multi-byte columns, a
// span over several lines, an empty span, an absolute path and a file the set does not hold.
std::string realistic_sarif() {
  SourceSet sources;
  const FileId journey =
      sources.add("flows/assign ect.flow",
                  "journey assign_ect_to_mentor\n"
                  "  step choose_mentor \"Pick a mentor \xE2\x80\x93 \xC3\xA9\"\n"
                  "    next confirm_mentr\n"
                  "  step confirm_mentor\n");
  const FileId record = sources.add("/srv/flows/records.flow", "record ect\n  field trn as trn\n");
  Diagnostic unknown =
      diagnostic(Severity::error, "unknown-step", span_of(sources, journey, "confirm_mentr"),
                 "next goes to \"confirm_mentr\"; did you mean \"confirm_mentor\"?");
  unknown.replacement = "confirm_mentor";
  unknown.notes.push_back({span_of(sources, journey, "confirm_mentor\n"), "declared here"});
  unknown.notes.push_back({{99, 0, 0}, "a note without a place"});
  Diagnostic wide = diagnostic(Severity::warning, "long-title",
                               span_of(sources, journey, "\xC3\xA9"), "title ends oddly");
  wide.replacement = "";
  return render_diagnostics(
      {unknown, wide,
       diagnostic(Severity::note, "unused-field", {record, 13, 26}, "trn is never shown"),
       diagnostic(Severity::error, "nesting-too-deep", {journey, 29, 80}, "spans lines"),
       diagnostic(Severity::error, "unexpected-end", {record, 28, 28}, "file ends early"),
       diagnostic(Severity::error, "internal", {42, 0, 1}, "no file")},
      sources, DiagnosticFormat::sarif);
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SarifSchema, OutputValidatesAgainstOfficialSchema) {
  const fs::path schema = kSourceDir / ".cache" / "sarif-schema-2.1.0.json";
  ASSERT_TRUE(fs::exists(schema)) << schema << " is missing: run scripts/fetch-sarif-schema.sh";

  const fs::path scratch =
      fs::temp_directory_path() / ("ectflow-sarif-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  const fs::path log = scratch / "check.sarif";
  const fs::path output = scratch / "validate.txt";
  std::ofstream(log) << realistic_sarif();

  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const std::string command = python + " '" + (kSourceDir / "scripts/validate-sarif.py").string() +
                              "' --schema '" + schema.string() + "' '" + log.string() + "' > '" +
                              output.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read_all(output) << "\n"
                                                             << read_all(log);
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace ectflow
