// The author's tools behind ectflow/authoring.hpp: read files, parse, check, format, draw.
#include "ectflow/authoring.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "authoring/format.hpp"
#include "authoring/graph.hpp"
#include "check/checker.hpp"
#include "authoring/load.hpp"
#include "check/suggest.hpp"
#include "syntax/parser.hpp"

namespace ectflow {

namespace stdlib {
extern const std::string_view kAnswersFlow;
}

namespace {

namespace fs = std::filesystem;

constexpr const char* kStdlibPath = "<ectflow>/stdlib/answers.flow";

Diagnostic unreadable(FileId file, std::string message) {
  Diagnostic d;
  d.code = "file-unreadable";
  d.span = Span{file, 0, 0};
  d.message = std::move(message);
  return d;
}

// Parses every file of the set and checks them together with the standard library.
void parse_and_check(CheckReport& report, std::vector<syntax::FlowFile>& parsed, check::CheckFacts* facts) {
  syntax::ExprId next_id = 1;
  for (FileId id = 0; id < report.sources.size(); ++id) {
    auto result = syntax::parse_flow(report.sources, id, next_id);
    report.diagnostics.insert(report.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    parsed.push_back(std::move(result.file));
  }
  std::vector<const syntax::FlowFile*> files;
  for (const auto& f : parsed) files.push_back(&f);
  check::check_program(files, report.diagnostics, facts);
  sort_diagnostics(report.diagnostics);
}

}  // namespace

std::vector<std::string> find_flow_files(const std::vector<std::string>& paths,
                                         std::vector<std::string>& problems) {
  std::vector<std::string> found;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> in_dir;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".flow") in_dir.push_back(it->path().string());
      }
      std::sort(in_dir.begin(), in_dir.end());
      found.insert(found.end(), in_dir.begin(), in_dir.end());
    } else if (fs::exists(path, ec)) {
      found.push_back(path);
    } else {
      problems.push_back(path);
    }
  }
  return found;
}

CheckReport check_sources(std::vector<SourceFile> files) {
  std::vector<syntax::FlowFile> parsed;
  return authoring::check_source_files(std::move(files), parsed, nullptr);
}

bool authoring::is_builtin_source(const std::string& path) { return path == kStdlibPath; }

CheckReport authoring::check_source_files(std::vector<SourceFile> files, std::vector<syntax::FlowFile>& parsed,
                                          check::CheckFacts* facts) {
  CheckReport report;
  report.sources.add(kStdlibPath, std::string(stdlib::kAnswersFlow));
  for (auto& file : files) report.sources.add(std::move(file.path), std::move(file.text));
  parse_and_check(report, parsed, facts);
  return report;
}

// Reads, parses and checks the files under `paths`, keeping the parsed files for the caller.
CheckReport authoring::load_and_check(const std::vector<std::string>& paths, std::vector<syntax::FlowFile>& parsed,
                                      check::CheckFacts* facts) {
  std::vector<std::string> missing;
  std::vector<std::string> found = find_flow_files(paths, missing);
  std::vector<SourceFile> files;
  std::vector<Diagnostic> problems;
  CheckReport report;
  report.sources.add(kStdlibPath, std::string(stdlib::kAnswersFlow));
  for (const std::string& path : missing) {
    FileId id = report.sources.add(path, "");
    problems.push_back(unreadable(id, "cannot read `" + path + "`: no such file or directory"));
  }
  for (const std::string& path : found) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!in || ec) {
      FileId id = report.sources.add(path, "");
      problems.push_back(unreadable(id, "cannot read `" + path + "`"));
      continue;
    }
    if (size > kMaxFlowFileBytes) {
      // Read no more than the limit plus one byte: enough for the parser to say it is too large.
      std::string head(kMaxFlowFileBytes + 1, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      report.sources.add(path, std::move(head));
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    report.sources.add(path, text.str());
  }
  parse_and_check(report, parsed, facts);
  report.diagnostics.insert(report.diagnostics.end(), problems.begin(), problems.end());
  sort_diagnostics(report.diagnostics);
  return report;
}

CheckReport check_files(const std::vector<std::string>& paths) {
  std::vector<syntax::FlowFile> parsed;
  return authoring::load_and_check(paths, parsed, nullptr);
}

FormatResult format_source(const SourceFile& file) {
  FormatResult result;
  FileId id = result.report.sources.add(file.path, file.text);
  syntax::ExprId next_id = 1;
  auto parsed = syntax::parse_flow(result.report.sources, id, next_id);
  result.report.diagnostics = std::move(parsed.diagnostics);
  // Only a file that parses is rewritten; anything else keeps the author's text as it is.
  if (!result.report.ok()) {
    result.text = file.text;
    return result;
  }
  result.text = format_flow(parsed.file, file.text);
  result.changed = result.text != file.text;
  return result;
}

GraphResult graph_journey(const std::vector<std::string>& paths, std::string_view journey,
                          GraphFormat format) {
  GraphResult result;
  std::vector<syntax::FlowFile> parsed;
  result.report = authoring::load_and_check(paths, parsed, nullptr);
  if (!result.report.ok()) return result;
  std::vector<std::string> names;
  for (const auto& file : parsed) {
    for (const auto& declaration : file.declarations) {
      if (const auto* j = std::get_if<syntax::Journey>(&declaration)) {
        if (j->name.text == journey) {
          result.text = draw_journey(*j, format);
          return result;
        }
        names.push_back(j->name.text);
      }
    }
  }
  // The misspelt name came from the command line: quote it from there.
  const std::string argument(journey);
  FileId command_line = result.report.sources.add("<command line>", argument);
  Diagnostic d;
  d.code = "unknown-journey";
  d.span = Span{command_line, 0, static_cast<std::uint32_t>(argument.size())};
  d.message = "there is no journey named `" + std::string(journey) + "`" +
              check::did_you_mean(check::closest_name(journey, names));
  result.report.diagnostics.push_back(std::move(d));
  return result;
}

}  // namespace ectflow
