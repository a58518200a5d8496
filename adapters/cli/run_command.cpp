// `ectflow run`: a journey (or a record page) in the terminal, page by page, reading answers
// from the keyboard or a pipe, so a scripted demo reads like a participant's session.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>
#include <memory>

#include "commands.hpp"
#include "ectflow/engine.hpp"
#include "ectflow/sql_journeys.hpp"
#include "page_text.hpp"
#include "project_store.hpp"

namespace ectflow::cli {
namespace {

struct RunOptions {
  std::string journey;
  std::string view;
  std::string world;
  std::string db;
  std::string school;
  std::string with;
  std::string today;
  std::vector<std::string> flows = {"flows/"};
};

const char* kHelp =
    "Type an answer, or an option's number; on check answers type `confirm`.\n"
    "Commands: :back  :change STEP  :view NAME [ID]  :quit\n";

// How the runner moves a journey on: straight on the engine (a world in memory), or through a
// database's embedded mode, which saves each completion together with its event.
struct JourneyDriver {
  std::function<JourneyResult(const std::string&, const std::optional<std::string>&)> start;
  std::function<JourneyResult(const JourneyInstance&, const std::string&, const Answers&)> submit;
  std::function<JourneyResult(const JourneyInstance&)> back;
  std::function<JourneyResult(const JourneyInstance&, const std::string&)> change;
};

JourneyDriver engine_driver(const Engine& engine, const RunContext& context) {
  return {[&](const std::string& journey, const std::optional<std::string>& with) {
            return start_journey(engine, journey, context, with);
          },
          [&](const JourneyInstance& instance, const std::string& step, const Answers& answers) {
            return submit(engine, instance, step, answers, context);
          },
          [&](const JourneyInstance& instance) { return go_back(engine, instance, context); },
          [&](const JourneyInstance& instance, const std::string& step) {
            return change_answer(engine, instance, step, context);
          }};
}

JourneyDriver database_driver(sql::EmbeddedJourneys& journeys, const sql::Caller& caller) {
  return {[&](const std::string& journey, const std::optional<std::string>& with) {
            return journeys.start(journey, caller, with);
          },
          [&](const JourneyInstance& instance, const std::string& step, const Answers& answers) {
            return journeys.submit(instance, step, answers, caller);
          },
          [&](const JourneyInstance& instance) { return journeys.back(instance, caller); },
          [&](const JourneyInstance& instance, const std::string& step) {
            return journeys.change(instance, step, caller);
          }};
}

class Runner {
 public:
  Runner(const Engine& engine, RunContext context, JourneyDriver driver)
      : engine_(engine), context_(context), driver_(std::move(driver)) {}

  bool start(const std::string& journey, const std::optional<std::string>& with) {
    return show(driver_.start(journey, with));
  }

  bool open_view(const std::string& view, const std::optional<std::string>& id) {
    ViewResult r = show_view(engine_, view, context_, id);
    if (!r.ok) {
      print(stdout, fmt::format("! {} [{}]\n", r.problem, r.problem_code));
      return false;
    }
    instance_.reset();
    print(stdout, view_text(r.page, choices_));
    return true;
  }

  // One line of input. Returns false to stop.
  bool handle(const std::string& line) {
    if (line == ":quit") return false;
    if (line == ":help") {
      print(stdout, kHelp);
      return true;
    }
    if (line.rfind(":view ", 0) == 0) {
      std::istringstream words(line.substr(6));
      std::string view, id;
      words >> view >> id;
      open_view(view, id.empty() ? std::nullopt : std::optional<std::string>(id));
      return true;
    }
    if (line == ":back" && instance_) return show(driver_.back(*instance_)), true;
    if (line.rfind(":change ", 0) == 0 && instance_) return show(driver_.change(*instance_, line.substr(8))), true;
    if (!line.empty() && line[0] == ':') {
      print(stdout, std::string("! not a command here; ") + kHelp);
      return true;
    }
    if (instance_ && !instance_->completed && page_.kind != "outcome") return answer(line), true;
    return follow(line), true;
  }

 private:
  bool show(const JourneyResult& r) {
    for (const std::string& problem : r.hook_problems) print(stderr, "hook problem: " + problem + "\n");
    if (r.kind == JourneyResult::Kind::rejected) {
      print(stdout, fmt::format("! {} [{}]\n", r.problem, r.problem_code));
      return false;
    }
    if (r.kind == JourneyResult::Kind::conflict) print(stdout, fmt::format("! {}\n", r.problem));
    instance_ = r.instance;
    page_ = r.page;
    print(stdout, page_text(page_, choices_));
    if (r.hand_over) {
      print(stdout, fmt::format("-> {}\n", r.hand_over->target));
      start(r.hand_over->target, r.hand_over->record_id.empty() ? std::nullopt
                                                                 : std::optional<std::string>(r.hand_over->record_id));
    }
    return true;
  }

  void answer(const std::string& line) {
    Answers answers;
    if (page_.kind == "check_answers") {
      if (line != "confirm") {
        print(stdout, "Type `confirm` to submit, `:change STEP` or `:back`.\n");
        return;
      }
      answers["confirm"] = "true";
    } else if (page_.questions.size() == 1) {
      answers[page_.questions[0].name] = chosen_value(page_.questions[0], line);
    } else if (page_.questions.size() > 1) {
      // Several questions: `name=value; name=value`, as a scripted line can give them.
      std::istringstream parts(line);
      std::string part;
      while (std::getline(parts, part, ';')) {
        auto eq = part.find('=');
        if (eq == std::string::npos) continue;
        auto trim = [](std::string s) {
          s.erase(0, s.find_first_not_of(' '));
          s.erase(s.find_last_not_of(' ') + 1);
          return s;
        };
        answers[trim(part.substr(0, eq))] = trim(part.substr(eq + 1));
      }
    }
    show(driver_.submit(*instance_, page_.step, answers));
  }

  static std::string chosen_value(const PageQuestion& question, const std::string& line) {
    if (question.options.empty()) return line;
    try {
      std::size_t used = 0;
      int n = std::stoi(line, &used);
      if (used == line.size() && n >= 1 && static_cast<std::size_t>(n) <= question.options.size()) {
        return question.options[static_cast<std::size_t>(n - 1)].value;
      }
    } catch (const std::exception&) {
    }
    for (const PageOption& o : question.options) {
      if (o.label == line) return o.value;
    }
    return line;
  }

  void follow(const std::string& line) {
    const PageLink* link = nullptr;
    try {
      std::size_t used = 0;
      int n = std::stoi(line, &used);
      if (used == line.size() && n >= 1 && static_cast<std::size_t>(n) <= choices_.size()) {
        link = &choices_[static_cast<std::size_t>(n - 1)];
      }
    } catch (const std::exception&) {
    }
    for (const PageLink& l : choices_) {
      if (!link && l.text == line) link = &l;
    }
    if (!link) {
      print(stdout, "! no link here is called \"" + line + "\"\n");
      return;
    }
    PageLink chosen = *link;
    std::optional<std::string> id = chosen.record_id.empty() ? std::nullopt : std::optional<std::string>(chosen.record_id);
    if (chosen.kind == PageLink::Kind::open_view) open_view(chosen.target, id);
    else if (chosen.kind == PageLink::Kind::start_journey) start(chosen.target, id);
    else print(stdout, "! that link goes to " + chosen.target + "\n");
  }

  const Engine& engine_;
  RunContext context_;
  JourneyDriver driver_;
  std::optional<JourneyInstance> instance_;
  Page page_;
  std::vector<PageLink> choices_;
};

std::optional<Date> run_date(const RunOptions& options) {
  return options.today.empty() ? std::optional<Date>(Date::from_ymd(2025, 9, 1)) : Date::parse_iso(options.today);
}

// Reads what the person types, a line at a time, until :quit or the end of the input.
int converse(Runner& runner, const RunOptions& options) {
  std::optional<std::string> with = options.with.empty() ? std::nullopt : std::optional<std::string>(options.with);
  bool started = options.view.empty() ? runner.start(options.journey, with) : runner.open_view(options.view, with);
  if (!started) return kExitProblems;
  const bool echo = !isatty(STDIN_FILENO);  // a piped demo shows what was typed
  std::string line;
  while (true) {
    print(stdout, "> ");
    if (!std::getline(std::cin, line)) break;
    if (echo) print(stdout, line + "\n");
    if (!runner.handle(line)) break;
  }
  print(stdout, "\n");
  return kExitOk;
}

// On a world file: everything in memory, gone when the run ends.
int run_on_world(const RunOptions& options, Date today) {
  LoadedEngine loaded = Engine::load(options.flows);
  if (!loaded.engine) {
    print(stderr, render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text));
    return kExitProblems;
  }
  auto world = read_file(options.world);
  if (!world) {
    print(stderr, "ectflow run: cannot read the world file " + options.world + "\n");
    return kExitProblems;
  }
  std::vector<std::string> problems;
  auto store = make_memory_store(*loaded.engine, *world, today, problems);
  for (const std::string& p : problems) print(stderr, options.world + ": " + p + "\n");
  if (!problems.empty()) return kExitProblems;
  RunContext context{*store, today, options.school};
  Runner runner(*loaded.engine, context, engine_driver(*loaded.engine, context));
  return converse(runner, options);
}

// On a database: completions are saved (with their events), so the next run sees them.
int run_on_database(const RunOptions& options, Date today) {
  auto project = open_project(options.flows, options.db, "run");
  if (!project) return kExitProblems;
  sql::EmbeddedJourneys journeys(*project->store, project->engine);
  const sql::Caller caller{options.school, today};
  RunContext context{*project->store, today, options.school};
  Runner runner(*project->engine, context, database_driver(journeys, caller));
  return converse(runner, options);
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run_app = app.add_subcommand("run", "Run a journey, or open a record page, in the terminal");
  run_app->add_option("journey", options->journey, "The journey to start");
  run_app->add_option("--view", options->view, "Open this view (school, mentor, ect) instead of a journey");
  auto* world = run_app->add_option("--world", options->world,
                                    "Run on this world in memory: records in the given: shape of SCENARIOS.md (JSON)");
  run_app->add_option("--db", options->db,
                      "Run on this database: a SQLite file or a postgresql:// URL (default: " +
                          std::string(kDefaultDatabase) + "); completions are saved")
      ->excludes(world);
  run_app->add_option("--as", options->school, "The school (its URN) acting")->required();
  run_app->add_option("--with", options->with, "The record the journey or view starts from");
  run_app->add_option("--today", options->today, "The date rules run on (default 2025-09-01)");
  run_app->add_option("--flows", options->flows, "Flow files or directories (default: flows/); give JOURNEY first");
  return {run_app, [options, run_app] {
            if (options->journey.empty() == options->view.empty()) {
              print(stderr, "ectflow run: give a JOURNEY or --view NAME, not both\n" + run_app->help());
              return kExitUsage;
            }
            auto today = run_date(*options);
            if (!today) {
              print(stderr, "ectflow run: --today must be a date like 2025-09-01\n");
              return kExitUsage;
            }
            if (!options->world.empty()) return run_on_world(*options, *today);
            if (options->db.empty()) options->db = kDefaultDatabase;
            return run_on_database(*options, *today);
          }};
}

}  // namespace ectflow::cli
