// Replaying a scenario: a fresh world, then each step on the page in view, every expectation
// compared and every page kept for the transcript.
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <map>
#include <sstream>

#include "driver.hpp"
#include "ectflow/records.hpp"
#include "ectflow/scenario.hpp"
#include "expect.hpp"
#include "scenario_spec.hpp"
#include "yaml_values.hpp"

namespace ectflow::scenario {

namespace fs = std::filesystem;

struct Replayer::State {
  ReplayOptions options;
  std::map<std::string, std::shared_ptr<const Engine>> engines;  // by flows folder
  std::map<std::string, std::string> load_problems;              // flows that did not load
  std::vector<Reached> reached;  // by the scenarios on the default flows

  // The engine for a flows folder, loaded once; null with `problem` set when it has errors.
  std::shared_ptr<const Engine> engine_for(const std::string& flows, std::string& problem) {
    const std::string key = fs::weakly_canonical(flows).string();
    if (auto it = engines.find(key); it != engines.end()) return it->second;
    if (auto it = load_problems.find(key); it != load_problems.end()) {
      problem = it->second;
      return nullptr;
    }
    if (!fs::is_directory(flows)) {
      problem = load_problems[key] = "there is no folder of flows " + flows;
      return nullptr;
    }
    LoadedEngine loaded = Engine::load({flows}, EngineOptions{options.project_root});
    if (!loaded.engine) {
      problem = load_problems[key] = "the flows in " + flows + " have errors:\n" +
                                     render_diagnostics(loaded.report.diagnostics, loaded.report.sources,
                                                        DiagnosticFormat::text);
      return nullptr;
    }
    return engines[key] = loaded.engine;
  }
};

namespace {

// One scenario's run: the world, who acts, the page in view and the journey in progress.
class Run {
 public:
  Run(const ScenarioSpec& spec, std::shared_ptr<const Engine> engine, std::unique_ptr<Driver> driver, Date today,
      ScenarioOutcome& out)
      : spec_(spec), engine_(std::move(engine)), driver_(std::move(driver)), today_(today), out_(out) {
    school_ = spec.school.value_or("");
    out_.transcript.school = school_;
  }

  void all_steps() {
    for (const StepSpec& step : spec_.steps) {
      if (!one(step)) return;  // a problem: the steps after it would not mean what they say
    }
  }

 private:
  RunContext context() { return RunContext{driver_->store(), today_, school_}; }

  bool problem(const StepSpec& step, std::string message) {
    out_.problems.push_back({step.line, step.index, std::move(message)});
    return false;
  }

  bool one(const StepSpec& step) {
    if (school_.empty() && step.verb != Verb::as && step.verb != Verb::expect_records) {
      return problem(step, "nobody acts yet: give `as: { school: URN }` before the steps");
    }
    switch (step.verb) {
      case Verb::start: return start(step, step.name, step.record_id.empty() ? std::nullopt : std::optional(step.record_id));
      case Verb::view: return view(step, step.record_type, step.record_id);
      case Verb::action: return action(step);
      case Verb::submit: return journey_request(step, "submit");
      case Verb::back: return journey_request(step, "back");
      case Verb::change: return journey_request(step, "change");
      case Verb::as:
        school_ = step.name;
        note_then("Now acting as school " + school_);
        return true;
      case Verb::expect: return expect(step);
      case Verb::expect_records: return expect_records(step);
    }
    return true;
  }

  // What the person did on the page in view, for the transcript.
  void note_then(const std::string& did, const Answers& answers = {}) {
    if (out_.transcript.pages.empty()) return;
    TranscriptPage& last = out_.transcript.pages.back();
    last.then = last.then.empty() ? did : last.then + "; " + did;
    for (const auto& [name, value] : answers) last.answers[name] = value;
  }

  void show(const Page& page) {
    screen_ = Screen{page, std::nullopt};
    out_.transcript.pages.push_back({page, std::nullopt, "", {}});
  }

  void show(const ViewPage& view) {
    screen_ = Screen{std::nullopt, view};
    instance_.reset();
    out_.transcript.pages.push_back({std::nullopt, view, "", {}});
  }

  // A journey's answer to a request: its page, or the problem a person would be told.
  bool take(const StepSpec& step, JourneyResult result) {
    note_reached(step, result);
    if (result.kind == JourneyResult::Kind::rejected) {
      return problem(step, fmt::format("the service refused this {}: {} ({})", verb_name(step.verb), result.problem,
                                       result.problem_code));
    }
    instance_ = result.instance;
    show(result.page);
    if (result.hand_over) {
      const PageLink link = *result.hand_over;
      note_then("Went on to " + link.target);
      return start(step, link.target, link.record_id.empty() ? std::nullopt : std::optional(link.record_id));
    }
    return true;
  }

  // For coverage: the page shown, and for a submission the branch taken or the codes refused.
  void note_reached(const StepSpec& step, const JourneyResult& result) {
    if (result.kind == JourneyResult::Kind::rejected) return;
    const Page& page = result.page;
    if (step.verb == Verb::submit && instance_) {
      if (result.branch >= 0) out_.reached.push_back({instance_->journey, instance_->step, result.branch, {}});
      std::vector<std::string> codes;
      for (const auto& [answer, code] : page.errors) codes.push_back(code);
      if (!codes.empty()) out_.reached.push_back({instance_->journey, instance_->step, -1, codes});
    }
    out_.reached.push_back({page.journey, page.step, -1, {}});
  }

  bool start(const StepSpec& step, const std::string& journey, const std::optional<std::string>& with) {
    // An unknown or wrong kind of record is the service's own refusal, reported with the step.
    if (step.verb == Verb::start) note_then("Started " + journey);
    return take(step, driver_->start(journey, with, context()));
  }

  bool view(const StepSpec& step, const std::string& name, const std::optional<std::string>& id) {
    if (step.verb == Verb::view) {
      auto type = engine_->record_type(name);
      if (type && id && !driver_->store().find(*type, *id)) return problem(step, "there is no " + name + " " + *id);
      note_then("Opened the " + name + " page");
    }
    ViewResult result = show_view(*engine_, name, context(), id);
    if (!result.ok) return problem(step, fmt::format("the {} page cannot be shown: {} ({})", name, result.problem, result.problem_code));
    show(result.page);
    return true;
  }

  // `action: TEXT`: page actions first, then row actions (`for:` picks the row), then links
  // within the page.
  bool action(const StepSpec& step) {
    std::vector<const PageLink*> links;
    auto add = [&](const std::vector<PageLink>& from) {
      for (const PageLink& link : from) links.push_back(&link);
    };
    if (screen_.view) {
      if (!step.row_id) add(screen_.view->actions);
      for (const ViewList& list : screen_.view->lists) {
        for (const ViewRow& row : list.rows) {
          if (!step.row_id || row.id == *step.row_id) add(row.actions);
        }
      }
    } else if (screen_.page) {
      add(screen_.page->actions);
      add(screen_.page->links);
    } else {
      return problem(step, "no page is open to follow \"" + step.name + "\" on");
    }
    const PageLink* chosen = nullptr;
    std::vector<std::string> shown;
    for (const PageLink* link : links) {
      shown.push_back("\"" + link->text + "\"");
      if (!chosen && link->text == step.name) chosen = link;
    }
    if (!chosen) {
      std::string where = step.row_id ? " in the row of " + *step.row_id : "";
      return problem(step, fmt::format("the page shows no link \"{}\"{}; it shows {}", step.name, where,
                                       shown.empty() ? "none" : fmt::format("{}", fmt::join(shown, ", "))));
    }
    const PageLink link = *chosen;  // the page it belongs to is replaced below
    note_then("Followed “" + link.text + "”");
    const std::optional<std::string> id = link.record_id.empty() ? std::nullopt : std::optional(link.record_id);
    switch (link.kind) {
      case PageLink::Kind::start_journey: return take(step, driver_->start(link.target, id, context()));
      case PageLink::Kind::open_view: return view(step, link.target, id);
      case PageLink::Kind::step:
        if (!instance_) return problem(step, "no journey is in progress to follow \"" + link.text + "\" in");
        return take(step, driver_->follow(*instance_, link.target, context()));
      case PageLink::Kind::change:
      case PageLink::Kind::back: break;
    }
    return problem(step, "the link \"" + link.text + "\" cannot be followed here");
  }

  bool journey_request(const StepSpec& step, const std::string& what) {
    if (!instance_ || !screen_.page) {
      return problem(step, "`" + what + "` needs a journey in progress: `start:` one, or follow an action that starts one");
    }
    if (instance_->completed && what != "back") {
      return problem(step, "the journey has completed: `" + what + "` has no page to act on");
    }
    if (what == "submit") {
      note_then(screen_.page->kind == "check_answers" ? "Confirmed" : "Continued", step.answers);
      return take(step, driver_->submit(*instance_, instance_->step, step.answers, context()));
    }
    if (what == "back") {
      note_then("Went back");
      return take(step, driver_->back(*instance_, context()));
    }
    note_then("Chose to change " + step.name);
    return take(step, driver_->change(*instance_, step.name, context()));
  }

  bool expect(const StepSpec& step) {
    if (!screen_.page && !screen_.view) return problem(step, "no page is open yet to expect anything of");
    for (const Expected& expected : step.expected) {
      if (auto mismatch = check_expected(expected, screen_)) {
        out_.failures.push_back({step.index, expected.line, expected.key, mismatch->expected, mismatch->seen});
      }
    }
    return true;
  }

  bool expect_records(const StepSpec& step) {
    for (const Expected& expected : step.expected) {
      std::optional<RecordTypeId> type;
      for (const RecordSchema& schema : engine_->schemas()) {
        if (schema.plural == expected.key) type = engine_->record_type(schema.name);
      }
      if (!type) return problem(step, "the flows have no records called `" + expected.key + "`");
      const std::string& name = engine_->schema(*type).name;
      RecordFieldsReader reader(*engine_, context(), name);
      const std::vector<RecordFields> records = reader.read_all();
      if (auto mismatch = check_records(expected, records)) {
        out_.failures.push_back(
            {step.index, expected.line, "expect_records " + expected.key, mismatch->expected, mismatch->seen});
      }
    }
    return true;
  }

  const ScenarioSpec& spec_;
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<Driver> driver_;
  Date today_;
  ScenarioOutcome& out_;
  std::string school_;
  Screen screen_;
  std::optional<JourneyInstance> instance_;
};

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Replayer::Replayer(ReplayOptions options) : state_(std::make_unique<State>()) { state_->options = std::move(options); }

Replayer::~Replayer() = default;

ScenarioOutcome Replayer::replay_file(const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (!error && size > kMaxScenarioBytes) {  // refused unread: it could be any size
    ScenarioOutcome out;
    out.file = path;
    out.problems.push_back(too_big(size));
    return out;
  }
  auto text = read_text(path);
  if (!text) {
    ScenarioOutcome out;
    out.file = path;
    out.problems.push_back({0, 0, "cannot read this file"});
    return out;
  }
  return replay_text(path, *text);
}

ScenarioOutcome Replayer::replay_text(const std::string& path, const std::string& text) {
  ScenarioOutcome out;
  out.file = path;
  const ScenarioSpec spec = read_scenario(path, text, out.problems);
  out.name = spec.name;
  out.transcript.scenario = spec.name;
  out.transcript.file = path;
  if (!out.problems.empty()) return out;

  const std::string flows =
      spec.flows ? (fs::path(path).parent_path() / *spec.flows).lexically_normal().string() : state_->options.flows;
  std::string load_problem;
  std::shared_ptr<const Engine> engine = state_->engine_for(flows, load_problem);
  if (!engine) {
    out.problems.push_back({spec.flows_line, 0, load_problem});
    return out;
  }
  const Date today = spec.today.value_or(state_->options.today);
  std::vector<std::string> world_problems;
  std::unique_ptr<Driver> driver;
  try {
    driver = fresh_world(engine, spec.given, today, state_->options.db, world_problems);
  } catch (const std::exception& e) {
    out.problems.push_back({0, 0, std::string("the world could not be set up: ") + e.what()});
    return out;
  }
  for (const std::string& problem : world_problems) {
    // "schools[0].mentors[1].trn: message": the path finds the line in `given`.
    const std::size_t colon = problem.find(": ");
    const std::string path_part = colon == std::string::npos ? "" : problem.substr(0, colon);
    const bool is_path = !path_part.empty() && path_part.find(' ') == std::string::npos;
    out.problems.push_back({is_path ? given_line(spec, path_part) : line_of(spec.given_node), 0, "given: " + problem});
  }
  if (!driver) return out;
  try {
    Run(spec, engine, std::move(driver), today, out).all_steps();
  } catch (const std::exception& e) {
    out.problems.push_back({0, 0, std::string("the replay stopped: ") + e.what()});
  }
  std::string ignored;
  if (engine == state_->engine_for(state_->options.flows, ignored)) {
    state_->reached.insert(state_->reached.end(), out.reached.begin(), out.reached.end());
  }
  return out;
}

Coverage Replayer::coverage() {
  std::string problem;
  std::shared_ptr<const Engine> engine = state_->engine_for(state_->options.flows, problem);
  if (!engine) return {};
  return measure_coverage(journey_outlines(*engine), state_->reached);
}

std::vector<std::string> scenario_files(const std::vector<std::string>& paths, std::vector<std::string>& problems) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (fs::is_directory(path)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path)) {
      files.push_back(path);
    } else {
      problems.push_back(path + ": no such file or folder");
    }
  }
  return files;
}

std::vector<std::string> report_lines(const ScenarioOutcome& outcome) {
  std::vector<std::string> lines;
  auto at = [&](int line) { return line > 0 ? fmt::format("{}:{}", outcome.file, line) : outcome.file; };
  for (const Problem& p : outcome.problems) {
    lines.push_back(p.step > 0 ? fmt::format("{}: error: step {}: {}", at(p.line), p.step, p.message)
                               : fmt::format("{}: error: {}", at(p.line), p.message));
  }
  for (const Failure& f : outcome.failures) {
    lines.push_back(fmt::format("{}: step {}: {}: expected {}, saw {}", at(f.line), f.step, f.key, f.expected, f.seen));
  }
  return lines;
}

}  // namespace ectflow::scenario
