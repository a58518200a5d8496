// generate_paths: a breadth-first search over a journey's pages with answers the world suggests,
// keeping the first way to each step, branch and error code, written out as scenarios.
#include "ectflow/paths.hpp"

#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ectflow/records.hpp"

namespace ectflow::scenario {
namespace {

using nlohmann::json;

// One thing the person does on a page: answer it, or follow a link within it to another step.
struct Move {
  std::string step;    // the page it is done on
  Answers answers;     // submit
  std::string follow;  // a link's target step; empty: a submission
  std::string link_text;
};

struct Path {
  std::optional<std::string> with;  // the record the journey starts from
  std::vector<Move> moves;
};

// What a path reached, kept for the first path that reached it.
struct Witness {
  Path path;
  std::vector<std::string> targets;
};

// A page the search carries on from, with the instance that shows it (never completed).
struct Frontier {
  Path path;
  JourneyInstance instance;
  Page page;
};

std::string date_text(Date date) { return date.iso(); }

class Generator {
 public:
  Generator(const std::shared_ptr<const Engine>& engine, const PathsOptions& options, const JourneyOutline& outline,
            PathsResult& out)
      : engine_(engine), options_(options), outline_(outline), out_(out) {}

  bool prepare() {
    std::vector<std::string> problems;
    world_ = make_memory_store(*engine_, options_.world_json, options_.today, problems);
    for (const std::string& p : problems) out_.problems.push_back("the world: " + p);
    if (!problems.empty()) return false;
    school_ = options_.school.value_or(first_school());
    if (school_.empty()) {
      out_.problems.push_back("the world has no school to act as");
      return false;
    }
    collect_world_values();
    return true;
  }

  void search() {
    std::deque<Frontier> queue;
    for (const std::optional<std::string>& with : starting_records()) {
      JourneyResult started = start_journey(*engine_, outline_.name, explore_context(), with);
      ++out_.requests;
      if (started.kind != JourneyResult::Kind::page) continue;
      Path path{with, {}};
      note(path, started, "");
      queue.push_back({path, started.instance, started.page});
    }
    if (queue.empty()) {
      out_.problems.push_back(outline_.name + " could not be started by school " + school_ +
                              (outline_.from.empty() ? "" : " from any of its " + outline_.from + " records"));
      return;
    }
    while (!queue.empty() && out_.requests < options_.max_requests) {
      Frontier node = std::move(queue.front());
      queue.pop_front();
      for (const Move& move : moves_on(node)) {
        if (out_.requests >= options_.max_requests) break;
        Path path = node.path;
        path.moves.push_back(move);
        JourneyResult result = apply(node, path, move);
        ++out_.requests;
        if (result.kind != JourneyResult::Kind::page) continue;
        const bool found_new = note(path, result, node.instance.step);
        if (!result.page.errors.empty() || result.hand_over || result.instance.completed) continue;
        if (result.page.kind == "outcome" || result.page.journey != outline_.name) continue;
        int& expanded = expansions_[result.page.step];
        if (!found_new && expanded >= 24) continue;
        ++expanded;
        queue.push_back({path, result.instance, result.page});
      }
    }
  }

  void write() {
    // A path that another kept path starts with adds nothing: the longer one shows its pages too.
    std::vector<Witness> kept;
    std::vector<Witness> sorted = witnesses_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Witness& a, const Witness& b) { return a.path.moves.size() > b.path.moves.size(); });
    for (const Witness& w : sorted) {
      auto extends = [&](const Witness& longer) {
        return longer.path.with == w.path.with && longer.path.moves.size() >= w.path.moves.size() &&
               std::equal(w.path.moves.begin(), w.path.moves.end(), longer.path.moves.begin(),
                          [](const Move& a, const Move& b) {
                            return a.step == b.step && a.answers == b.answers && a.follow == b.follow;
                          });
      };
      auto into = std::find_if(kept.begin(), kept.end(), extends);
      if (into != kept.end()) {
        into->targets.insert(into->targets.end(), w.targets.begin(), w.targets.end());
      } else {
        kept.push_back(w);
      }
    }
    std::reverse(kept.begin(), kept.end());  // shorter stories first
    for (std::size_t i = 0; i < kept.size(); ++i) out_.scenarios.push_back(scenario_file(kept[i], i + 1));
    list_unreached();
  }

 private:
  RunContext explore_context() { return RunContext{*world_, options_.today, school_}; }

  std::string first_school() {
    std::string urn;
    auto type = engine_->record_type(outline_.actor);
    if (!type) return "";
    world_->for_each(*type, [&](const Record& r) {
      if (urn.empty()) urn = r.key_text(engine_->schema(*type));
    });
    return urn;
  }

  // The records of the journey's `from` type at the school (all of them, when it cannot tell).
  std::vector<std::optional<std::string>> starting_records() {
    if (outline_.from.empty()) return {std::nullopt};
    std::vector<std::optional<std::string>> ids;
    auto type = engine_->record_type(outline_.from);
    if (!type) return {};
    const RecordSchema& schema = engine_->schema(*type);
    const auto school_slot = schema.slot("school_id");
    world_->for_each(*type, [&](const Record& r) {
      const auto* at = school_slot ? std::get_if<std::string>(&r.fields[*school_slot]) : nullptr;
      if (!school_slot || (at && *at == school_)) ids.push_back(r.key_text(schema));
    });
    return ids;
  }

  // Every value the world holds, by field name and by answer type: what a person would type.
  void collect_world_values() {
    for (const RecordSchema& schema : engine_->schemas()) {
      auto type = engine_->record_type(schema.name);
      world_->for_each(*type, [&](const Record& r) {
        add_value(schema.name, r.key_text(schema));  // a record question may be sent any id
        std::map<std::string, std::string> fields;
        for (std::size_t i = 0; i < schema.fields.size() && i < r.fields.size(); ++i) {
          std::string text;
          if (const auto* s = std::get_if<std::string>(&r.fields[i])) text = *s;
          else if (const auto* d = std::get_if<Date>(&r.fields[i])) text = date_text(*d);
          if (text.empty()) continue;
          const FieldSchema& field = schema.fields[i];
          add_value(field.name, text);
          if (!field.type_name.empty()) add_value(field.type_name, text);
          fields[field.name] = text;
        }
        records_.push_back(std::move(fields));
      });
    }
  }

  void add_value(const std::string& key, const std::string& text) {
    std::vector<std::string>& list = values_[key];
    if (std::find(list.begin(), list.end(), text) == list.end() && list.size() < 50) list.push_back(text);
  }

  // A record the answers so far point at (its TRN was given): its other values come first, so a
  // National Insurance number asked next is that teacher's.
  std::vector<std::string> related_values(const QuestionOutline& q, const Answers& answered) {
    std::vector<std::string> out;
    for (const auto& fields : records_) {
      const bool related = std::any_of(answered.begin(), answered.end(), [&](const auto& answer) {
        auto it = fields.find(answer.first);
        return it != fields.end() && it->second == answer.second;
      });
      if (!related) continue;
      for (const std::string& key : {q.name, q.type_name}) {
        if (auto it = fields.find(key); it != fields.end()) out.push_back(it->second);
      }
    }
    return out;
  }

  std::vector<std::string> candidates(const QuestionOutline& q, const PageQuestion& shown, const Answers& answered) {
    std::vector<std::string> out;
    auto add = [&](const std::string& v) {
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    };
    for (const std::string& v : related_values(q, answered)) add(v);
    if (!shown.options.empty()) {
      for (const PageOption& o : shown.options) add(o.value);
      // Records the page does not offer: a form can still send their ids.
      if (auto it = values_.find(q.type_name); it != values_.end()) {
        for (const std::string& v : it->second) add(v);
      }
      add("");
      add("not-an-option");
      return out;
    }
    if (q.kind == "yes_no") {
      for (const char* v : {"yes", "no", "", "maybe"}) add(v);
      return out;
    }
    for (const std::string& key : {q.name, q.type_name}) {
      auto it = values_.find(key);
      if (it == values_.end()) continue;
      for (const std::string& v : it->second) add(v);
      if (q.kind == "text" && !it->second.empty()) {
        // The same shape, one character out: not in the world, too long, too short.
        std::string other = it->second.front();
        other.back() = other.back() == '9' ? '8' : other.back() == 'z' ? 'y' : '9';
        add(other);
        add(it->second.front() + it->second.front().back());
        add(it->second.front().substr(0, it->second.front().size() - 1));
      }
    }
    if (q.kind == "date") {
      const Date today = options_.today;
      for (int days : {0, -1, 1, 30, 400, -400}) add(date_text(Date{today.days + days}));
      for (int years : {18, 21, 100, 101, 120}) add(date_text(Date::from_ymd(today.year() - years, today.month(), 1)));
      add("2025-02-30");
      add("not a date");
    } else if (q.kind == "number") {
      for (const char* v : {"1", "0", "abc"}) add(v);
    } else {
      add("Jo Example");
      add("jo.example@example.org");
      add("x");
      add(std::string(300, 'a'));
    }
    add("");
    return out;
  }

  // The answers to try on a page: each record's own values together (a TRN with its date of
  // birth), then, from the first of those, each question's candidates one at a time.
  std::vector<Answers> answer_sets(const StepOutline& step, const Page& page, const Answers& answered) {
    std::vector<std::pair<const QuestionOutline*, std::vector<std::string>>> questions;
    for (const QuestionOutline& q : step.questions) {
      auto shown = std::find_if(page.questions.begin(), page.questions.end(),
                                [&](const PageQuestion& p) { return p.name == q.name; });
      if (shown != page.questions.end()) questions.push_back({&q, candidates(q, *shown, answered)});
    }
    std::vector<Answers> sets;
    auto add = [&](const Answers& a) {
      if (std::find(sets.begin(), sets.end(), a) == sets.end() && sets.size() < 160) sets.push_back(a);
    };
    if (questions.empty()) return {Answers{}};
    for (const auto& fields : records_) {
      Answers a;
      for (const auto& [q, values] : questions) {
        auto it = fields.find(q->name);
        if (it == fields.end() && !q->type_name.empty()) it = fields.find(q->type_name);
        if (it == fields.end()) break;
        a[q->name] = it->second;
      }
      if (a.size() == questions.size() && questions.size() > 1) add(a);
    }
    Answers base = sets.empty() ? Answers{} : sets.front();
    for (const auto& [q, values] : questions) {
      if (!base.count(q->name)) base[q->name] = values.front();
    }
    add(base);
    for (const auto& [q, values] : questions) {
      for (const std::string& v : values) {
        Answers a = base;
        a[q->name] = v;
        add(a);
      }
    }
    // Few enough together (yes/no with a name): every combination, for checks that read both.
    std::size_t product = 1;
    for (const auto& [q, values] : questions) product *= values.size();
    if (questions.size() > 1 && product <= 60) {
      std::vector<Answers> all{Answers{}};
      for (const auto& [q, values] : questions) {
        std::vector<Answers> more;
        for (const Answers& partial : all) {
          for (const std::string& v : values) {
            Answers a = partial;
            a[q->name] = v;
            more.push_back(std::move(a));
          }
        }
        all = std::move(more);
      }
      for (const Answers& a : all) add(a);
    }
    return sets;
  }

  std::vector<Move> moves_on(const Frontier& node) {
    const std::string& step = node.instance.step;
    auto outline = std::find_if(outline_.steps.begin(), outline_.steps.end(),
                                [&](const StepOutline& s) { return s.name == step; });
    if (outline == outline_.steps.end()) return {};
    std::vector<Move> moves;
    if (node.page.kind == "check_answers") {
      moves.push_back({step, {{"confirm", "true"}}, "", ""});
    } else {
      for (Answers& answers : answer_sets(*outline, node.page, node.instance.answers)) {
        moves.push_back({step, std::move(answers), "", ""});
      }
    }
    for (const PageLink& link : node.page.links) {
      if (link.kind == PageLink::Kind::step) moves.push_back({step, {}, link.target, link.text});
    }
    return moves;
  }

  // A move from a page the search holds; one that can complete runs on a fresh world, so the
  // world the search explores never changes.
  JourneyResult apply(const Frontier& node, const Path& path, const Move& move) {
    if (!move.follow.empty()) return follow_link(*engine_, node.instance, move.follow, explore_context());
    if (may_complete(*engine_, node.instance, move.step)) return replay(path).back();
    return submit(*engine_, node.instance, move.step, move.answers, explore_context());
  }

  // The path from the start on a fresh world: each request's result, and for a hand-over the
  // first page of the journey it hands over to, as the replayer shows it.
  std::vector<JourneyResult> replay(const Path& path) {
    std::vector<std::string> problems;
    std::unique_ptr<Store> fresh = make_memory_store(*engine_, options_.world_json, options_.today, problems);
    const RunContext context{*fresh, options_.today, school_};
    std::vector<JourneyResult> results{start_journey(*engine_, outline_.name, context, path.with)};
    for (const Move& move : path.moves) {
      const JourneyInstance& at = results.back().instance;
      results.push_back(move.follow.empty() ? submit(*engine_, at, move.step, move.answers, context)
                                            : follow_link(*engine_, at, move.follow, context));
      if (results.back().hand_over) {
        const PageLink& next = *results.back().hand_over;
        results.back() = start_journey(*engine_, next.target, context,
                                       next.record_id.empty() ? std::nullopt : std::optional(next.record_id));
      }
    }
    return results;
  }

  // Records what a result reached; true when any of it is new.
  bool note(const Path& path, const JourneyResult& result, const std::string& from) {
    std::vector<std::string> reached;
    if (result.page.journey == outline_.name) reached.push_back("step " + result.page.step);
    if (!from.empty() && result.branch >= 0) reached.push_back(branch_name(from, result.branch));
    for (const auto& [answer, code] : result.page.errors) reached.push_back(fmt::format("code {}: {}", from, code));
    std::vector<std::string> fresh;
    for (const std::string& r : reached) {
      if (covered_.insert(r).second) fresh.push_back(r);
    }
    if (!fresh.empty()) witnesses_.push_back({path, fresh});
    return !fresh.empty();
  }

  std::string branch_name(const std::string& step, int index) {
    for (const StepOutline& s : outline_.steps) {
      if (s.name == step && index < static_cast<int>(s.nexts.size())) {
        return fmt::format("branch {} -> {} (next {})", step, s.nexts[static_cast<std::size_t>(index)], index + 1);
      }
    }
    return fmt::format("branch {} (next {})", step, index + 1);
  }

  void list_unreached() {
    for (const StepOutline& step : outline_.steps) {
      if (!covered_.count("step " + step.name)) {
        out_.unreached.push_back("step " + step.name + ": no answers tried led to it");
      }
      for (std::size_t i = 0; i < step.nexts.size(); ++i) {
        const std::string name = branch_name(step.name, static_cast<int>(i));
        if (covered_.count(name)) continue;
        out_.unreached.push_back(name + ": " +
                                 (covered_.count("step " + step.name)
                                      ? "its condition was never the first to hold for the answers tried (the world "
                                        "may need a record that makes it true)"
                                      : "its step was never reached"));
      }
      for (const std::string& code : step.error_codes) {
        const std::string name = fmt::format("code {}: {}", step.name, code);
        if (covered_.count(name)) continue;
        out_.unreached.push_back(name + ": " + (covered_.count("step " + step.name)
                                                    ? "no answer tried was refused with it"
                                                    : "its step was never reached"));
      }
    }
  }

  // What a page shows, as an `expect:`.
  static json expectation(const JourneyResult& result) {
    const Page& page = result.page;
    json e = {{"journey", page.journey}, {"step", page.step}, {"title", page.title}, {"errors", page.errors}};
    if (page.completed) e["completed"] = true;
    for (const PageQuestion& q : page.questions) {
      if (q.options.empty()) continue;
      json values = json::array();
      for (const PageOption& o : q.options) values.push_back(o.value);
      e["options"] = values;
      break;
    }
    return e;
  }

  GeneratedScenario scenario_file(const Witness& witness, std::size_t number) {
    const std::vector<JourneyResult> results = replay(witness.path);
    const std::string last = results.back().page.step;
    GeneratedScenario s;
    s.file_name = fmt::format("{}-{:02}-{}.yaml", outline_.name, number, last);
    s.name = fmt::format("{}: to {} (generated)", outline_.name, last);
    s.reaches = witness.targets;
    std::string y = "# Generated by `ectflow paths " + outline_.name + "`: it reaches\n";
    for (const std::string& t : witness.targets) y += "#   " + t + "\n";
    y += "scenario: " + json(s.name).dump() + "\n";
    y += "today: " + date_text(options_.today) + "\n";
    if (!options_.flows_line.empty()) y += "flows: " + json(options_.flows_line).dump() + "\n";
    y += "given: " + json::parse(options_.world_json).dump() + "\n";
    y += "as: { school: " + json(school_).dump() + " }\n";
    y += "steps:\n";
    y += "  - start: " + outline_.name + "\n";
    if (witness.path.with) y += "    with: { " + outline_.from + "_id: " + json(*witness.path.with).dump() + " }\n";
    y += "  - expect: " + expectation(results.front()).dump() + "\n";
    for (std::size_t i = 0; i < witness.path.moves.size() && i + 1 < results.size(); ++i) {
      const Move& move = witness.path.moves[i];
      if (!move.follow.empty()) {
        y += "  - action: " + json(move.link_text).dump() + "\n";
      } else if (move.answers.count("confirm") && move.answers.size() == 1) {
        y += "  - submit: { \"confirm\": true }\n";
      } else {
        y += "  - submit: " + json(move.answers).dump() + "\n";
      }
      y += "  - expect: " + expectation(results[i + 1]).dump() + "\n";
    }
    s.yaml = std::move(y);
    return s;
  }

  std::shared_ptr<const Engine> engine_;
  const PathsOptions& options_;
  const JourneyOutline& outline_;
  PathsResult& out_;
  std::unique_ptr<Store> world_;
  std::string school_;
  std::map<std::string, std::vector<std::string>> values_;  // by field name and by type name
  std::vector<std::map<std::string, std::string>> records_; // each record's fields as text
  std::set<std::string> covered_;
  std::vector<Witness> witnesses_;
  std::map<std::string, int> expansions_;  // pages carried on from, by step
};

}  // namespace

PathsResult generate_paths(const std::shared_ptr<const Engine>& engine, const PathsOptions& options) {
  PathsResult out;
  const std::vector<JourneyOutline> outlines = journey_outlines(*engine);
  auto outline = std::find_if(outlines.begin(), outlines.end(),
                              [&](const JourneyOutline& o) { return o.name == options.journey; });
  if (outline == outlines.end()) {
    out.problems.push_back("the flows have no journey named " + options.journey);
    return out;
  }
  Generator generator(engine, options, *outline, out);
  if (!generator.prepare()) return out;
  generator.search();
  if (!out.problems.empty()) return out;
  generator.write();
  return out;
}

}  // namespace ectflow::scenario
