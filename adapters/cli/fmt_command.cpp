// `ectflow fmt`: rewrites flow files in their canonical layout, or lists the ones that would
// change.
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"

namespace ectflow::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> paths = {"flows/"};
  bool check = false;
  bool to_stdout = false;
};

// Problems from every file that could not be formatted, gathered so they print with one summary.
class Problems {
 public:
  void add(const CheckReport& report) {
    std::vector<FileId> ids;
    for (FileId id = 0; id < report.sources.size(); ++id) {
      const SourceFile& file = report.sources.file(id);
      ids.push_back(sources_.add(file.path, file.text));
    }
    for (Diagnostic diagnostic : report.diagnostics) {
      diagnostic.span.file = ids.at(diagnostic.span.file);
      for (DiagnosticNote& note : diagnostic.notes) note.span.file = ids.at(note.span.file);
      diagnostics_.push_back(std::move(diagnostic));
    }
  }
  void add_unreadable(const std::string& path, std::string_view reason) {
    Diagnostic diagnostic;
    diagnostic.code = "file-unreadable";
    diagnostic.span.file = sources_.add(path, "");
    diagnostic.message = "cannot read `" + path + "`" + std::string(reason);
    diagnostics_.push_back(std::move(diagnostic));
  }
  bool empty() const { return diagnostics_.empty(); }
  std::string render() const {
    return render_diagnostics(diagnostics_, sources_, DiagnosticFormat::text);
  }

 private:
  SourceSet sources_;
  std::vector<Diagnostic> diagnostics_;
};

int run_fmt(const FmtOptions& options) {
  Problems problems;
  std::vector<std::string> missing;
  const std::vector<std::string> files = find_flow_files(options.paths, missing);
  for (const std::string& path : missing)
    problems.add_unreadable(path, ": no such file or directory");

  bool would_change = false;
  for (const std::string& path : files) {
    const std::optional<std::string> text = read_file(path);
    if (!text) {
      problems.add_unreadable(path, "");
      continue;
    }
    const FormatResult result = format_source({path, *text});
    if (!result.report.ok()) {
      problems.add(result.report);  // never rewrite a file that does not parse
    } else if (options.to_stdout) {
      print(stdout, result.text);
    } else if (result.changed && options.check) {
      print(stdout, path + "\n");
      would_change = true;
    } else if (result.changed) {
      replace_file(path, result.text);
      print(stdout, "formatted " + path + "\n");
    }
  }
  if (!problems.empty()) print(stderr, problems.render());
  const bool failed = !problems.empty() || would_change;
  return failed ? kExitProblems : kExitOk;
}

}  // namespace

Command add_fmt_command(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* fmt = app.add_subcommand("fmt", "Lay out flow files canonically");
  fmt->add_option("paths", options->paths, "Flow files or directories (default: flows/)");
  CLI::Option* check =
      fmt->add_flag("--check", options->check, "List files that would change; change nothing");
  fmt->add_flag("--stdout", options->to_stdout, "Print the formatted text; change nothing")
      ->excludes(check);
  return {fmt, [options] { return run_fmt(*options); }};
}

}  // namespace ectflow::cli
