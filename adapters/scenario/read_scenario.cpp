// Reading a scenario file: YAML through yaml-cpp, then every key and step checked against
// SCENARIOS.md, each problem with its line.
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

#include "scenario_spec.hpp"
#include "yaml_values.hpp"

namespace ectflow::scenario {

const char* verb_name(Verb verb) {
  switch (verb) {
    case Verb::start: return "start";
    case Verb::view: return "view";
    case Verb::action: return "action";
    case Verb::submit: return "submit";
    case Verb::back: return "back";
    case Verb::change: return "change";
    case Verb::as: return "as";
    case Verb::expect: return "expect";
    case Verb::expect_records: return "expect_records";
  }
  return "?";
}

namespace {

constexpr std::array kTopKeys = {"scenario", "today", "flows", "given", "as", "steps"};
constexpr std::array kVerbs = {"start", "view", "action", "submit", "back", "change", "as", "expect", "expect_records"};
constexpr std::array kExpectKeys = {"journey", "step",  "title",   "completed", "errors", "messages",
                                    "options", "hints", "actions", "rows",      "content"};

template <std::size_t N>
bool one_of(const std::string& word, const std::array<const char*, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return word == w; });
}

template <std::size_t N>
std::string listed(const std::array<const char*, N>& words) {
  std::string out;
  for (const char* w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

// Whether `text` is UTF-8 with no NUL: a scenario is text a person wrote.
bool is_text(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0) return false;
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// YAML lets a map give a key twice and keeps one of them: in a scenario that hides a mistake.
void find_repeated_keys(const YAML::Node& node, std::vector<Problem>& problems) {
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) find_repeated_keys(item, problems);
    return;
  }
  if (!node.IsMap()) return;
  std::map<std::string, int> seen;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    auto [first, fresh] = seen.emplace(key, line_of(entry.first));
    if (!fresh) {
      problems.push_back({line_of(entry.first), 0,
                          fmt::format("`{}` is given twice in the same map (first on line {})", key, first->second)});
    }
    find_repeated_keys(entry.second, problems);
  }
}

class Reader {
 public:
  Reader(ScenarioSpec& spec, std::vector<Problem>& problems) : spec_(spec), problems_(problems) {}

  void read(const YAML::Node& root) {
    if (!root.IsMap()) return problem(line_of(root), "a scenario is a map with `scenario:` and `steps:`");
    for (const auto& entry : root) {
      const std::string key = entry.first.as<std::string>();
      if (!one_of(key, kTopKeys)) {
        problem(line_of(entry.first), fmt::format("unknown key `{}` (expected one of {})", key, listed(kTopKeys)));
      }
    }
    const YAML::Node name = root["scenario"];
    if (!name || !name.IsScalar() || name.Scalar().empty()) {
      problem(name ? line_of(name) : 1, "every scenario needs `scenario:`, one line naming what it shows");
    } else {
      spec_.name = name.Scalar();
    }
    if (const YAML::Node today = root["today"]) {
      auto date = today.IsScalar() ? Date::parse_iso(today.Scalar()) : std::nullopt;
      if (!date) problem(line_of(today), "`today:` must be a date like 2025-09-01");
      spec_.today = date;
    }
    if (const YAML::Node flows = root["flows"]) {
      if (!flows.IsScalar() || flows.Scalar().empty()) problem(line_of(flows), "`flows:` must be a folder of .flow files");
      else spec_.flows = flows.Scalar();
      spec_.flows_line = line_of(flows);
    }
    if (const YAML::Node given = root["given"]) {
      if (!given.IsMap() && !given.IsNull()) problem(line_of(given), "`given:` must be a map of records");
      spec_.given = given.IsMap() ? yaml_to_json(given) : nlohmann::json::object();
      spec_.given_node = given;
    }
    if (const YAML::Node as = root["as"]) spec_.school = school_of(as);
    const YAML::Node steps = root["steps"];
    if (!steps || !steps.IsSequence()) {
      return problem(steps ? line_of(steps) : 1, "every scenario needs `steps:`, a list of what the person does");
    }
    std::size_t index = 0;
    for (const YAML::Node& item : steps) read_step(item, ++index);
  }

 private:
  void problem(int line, std::string message, std::size_t step = 0) {
    problems_.push_back({line, step, std::move(message)});
  }

  std::optional<std::string> school_of(const YAML::Node& as, std::size_t step = 0) {
    if (!as.IsMap() || as.size() != 1 || !as["school"] || !as["school"].IsScalar()) {
      problem(line_of(as), "`as:` names who acts: `as: { school: URN }`", step);
      return std::nullopt;
    }
    return as["school"].Scalar();
  }

  std::optional<std::string> scalar(const YAML::Node& node, const std::string& what, std::size_t step) {
    if (node.IsScalar() && !node.Scalar().empty()) return node.Scalar();
    problem(line_of(node), what, step);
    return std::nullopt;
  }

  void read_step(const YAML::Node& item, std::size_t index) {
    StepSpec step;
    step.index = index;
    step.line = line_of(item);
    if (item.IsScalar()) {
      if (item.Scalar() == "back") {
        step.verb = Verb::back;
        spec_.steps.push_back(std::move(step));
      } else {
        problem(step.line, fmt::format("unknown step `{}` (expected one of {})", item.Scalar(), listed(kVerbs)), index);
      }
      return;
    }
    if (!item.IsMap()) return problem(step.line, "a step is one verb: `submit: {...}`, `expect: {...}`, `back`...", index);
    std::vector<std::string> verbs;
    for (const auto& entry : item) {
      const std::string key = entry.first.as<std::string>();
      if (key == "with") continue;
      if (!one_of(key, kVerbs)) {
        problem(line_of(entry.first), fmt::format("unknown step `{}` (expected one of {})", key, listed(kVerbs)), index);
        return;
      }
      verbs.push_back(key);
    }
    if (verbs.size() != 1) {
      return problem(step.line, verbs.empty() ? "a step needs a verb beside `with`" : "a step has exactly one verb, not " +
                                                    std::to_string(verbs.size()), index);
    }
    const std::string& verb = verbs.front();
    const YAML::Node value = item[verb];
    if (item["with"] && verb != "start") return problem(line_of(item["with"]), "`with` only goes beside `start`", index);
    const std::size_t before = problems_.size();
    if (verb == "start") read_start(step, value, item["with"]);
    else if (verb == "view") read_record_ref(step, value, Verb::view, "`view:` names one record: `view: { mentor: m1 }`");
    else if (verb == "action") read_action(step, value);
    else if (verb == "submit") read_submit(step, value);
    else if (verb == "back") step.verb = Verb::back;
    else if (verb == "change") {
      step.verb = Verb::change;
      step.name = scalar(value, "`change:` names the step whose answer changes", index).value_or("");
    } else if (verb == "as") {
      step.verb = Verb::as;
      step.name = school_of(value, index).value_or("");
    } else if (verb == "expect") read_expect(step, value);
    else read_expect_records(step, value);
    if (problems_.size() == before) spec_.steps.push_back(std::move(step));
  }

  void read_start(StepSpec& step, const YAML::Node& journey, const YAML::Node& with) {
    step.verb = Verb::start;
    step.name = scalar(journey, "`start:` names a journey", step.index).value_or("");
    if (!with) return;
    if (!with.IsMap() || with.size() != 1) {
      return problem(line_of(with), "`with:` names the record the journey starts from: `with: { ect_id: e1 }`",
                     step.index);
    }
    const std::string key = with.begin()->first.as<std::string>();
    if (key.size() < 4 || !key.ends_with("_id")) {
      return problem(line_of(with), "`with:` takes `ect_id:` or `mentor_id:`, not `" + key + "`", step.index);
    }
    step.record_id = scalar(with.begin()->second, "`with:` needs the record's id", step.index).value_or("");
  }

  void read_record_ref(StepSpec& step, const YAML::Node& value, Verb verb, const std::string& shape) {
    step.verb = verb;
    if (!value.IsMap() || value.size() != 1) return problem(line_of(value), shape, step.index);
    step.record_type = value.begin()->first.as<std::string>();
    step.record_id = scalar(value.begin()->second, shape, step.index).value_or("");
  }

  void read_action(StepSpec& step, const YAML::Node& value) {
    step.verb = Verb::action;
    if (value.IsScalar()) {
      step.name = value.Scalar();
      return;
    }
    const std::string shape = "`action:` is a link's text, or `{ text: LINK_TEXT, for: ID }`";
    if (!value.IsMap() || !value["text"]) return problem(line_of(value), shape, step.index);
    for (const auto& entry : value) {
      const std::string key = entry.first.as<std::string>();
      if (key != "text" && key != "for") return problem(line_of(entry.first), "unknown key `" + key + "`: " + shape, step.index);
    }
    step.name = scalar(value["text"], shape, step.index).value_or("");
    if (value["for"]) step.row_id = scalar(value["for"], shape, step.index);
  }

  void read_submit(StepSpec& step, const YAML::Node& value) {
    step.verb = Verb::submit;
    if (value.IsNull()) return;  // `submit:` alone, like `submit: {}`
    if (!value.IsMap()) return problem(line_of(value), "`submit:` is a map of answers: `submit: { trn: \"1234567\" }`", step.index);
    for (const auto& entry : value) {
      const std::string name = entry.first.as<std::string>();
      if (!entry.second.IsScalar() && !entry.second.IsNull()) {
        problem(line_of(entry.second), "the answer `" + name + "` must be one value, as a form sends it", step.index);
        continue;
      }
      // What a form posts: the text as written; `confirm: true` is the button.
      step.answers[name] = entry.second.IsNull() ? "" : entry.second.Scalar();
    }
  }

  void read_expect(StepSpec& step, const YAML::Node& value) {
    step.verb = Verb::expect;
    if (!value.IsMap()) return problem(line_of(value), "`expect:` is a map of what the page shows", step.index);
    for (const auto& entry : value) {
      const std::string key = entry.first.as<std::string>();
      if (!one_of(key, kExpectKeys)) {
        problem(line_of(entry.first), fmt::format("unknown key `{}` in expect (expected one of {})", key, listed(kExpectKeys)),
                step.index);
        continue;
      }
      step.expected.push_back({key, yaml_to_json(entry.second), line_of(entry.first)});
    }
  }

  void read_expect_records(StepSpec& step, const YAML::Node& value) {
    step.verb = Verb::expect_records;
    const std::string shape = "`expect_records:` maps a record type to partial records: `ects: [{ id: e1, status: complete }]`";
    if (!value.IsMap()) return problem(line_of(value), shape, step.index);
    for (const auto& entry : value) {
      const std::string type = entry.first.as<std::string>();
      if (!entry.second.IsSequence()) {
        problem(line_of(entry.second), shape, step.index);
        continue;
      }
      for (const YAML::Node& partial : entry.second) {
        if (!partial.IsMap()) {
          problem(line_of(partial), "each expected record is a map of its fields", step.index);
          continue;
        }
        step.expected.push_back({type, yaml_to_json(partial), line_of(partial)});
      }
    }
  }

  ScenarioSpec& spec_;
  std::vector<Problem>& problems_;
};

}  // namespace

Problem too_big(std::uintmax_t bytes) {
  return {0, 0, fmt::format("the file is {} bytes; a scenario is at most {} (is this a scenario?)", bytes,
                            kMaxScenarioBytes)};
}

ScenarioSpec read_scenario(const std::string& file, const std::string& text, std::vector<Problem>& problems) {
  ScenarioSpec spec;
  spec.file = file;
  if (text.size() > kMaxScenarioBytes) {
    problems.push_back(too_big(text.size()));
    return spec;
  }
  if (!is_text(text)) {
    problems.push_back({0, 0, "the file is not text (UTF-8 without NUL bytes): is this a scenario?"});
    return spec;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    problems.push_back({e.mark.is_null() ? 0 : e.mark.line + 1, 0, "this is not valid YAML: " + e.msg});
    return spec;
  }
  find_repeated_keys(root, problems);
  if (!problems.empty()) return spec;
  Reader(spec, problems).read(root);
  return spec;
}

int given_line(const ScenarioSpec& spec, const std::string& path) {
  // yaml-cpp: `=` on a Node writes into the tree; `reset` moves the handle, and a const Node's
  // operator[] does not add a missing key.
  YAML::Node node;
  node.reset(spec.given_node);
  int line = line_of(node);
  std::size_t at = 0;
  while (at < path.size() && (node.IsMap() || node.IsSequence())) {
    if (path[at] == '.') ++at;
    const YAML::Node& here = node;
    YAML::Node next;
    if (at < path.size() && path[at] == '[') {
      const std::size_t close = path.find(']', at);
      if (close == std::string::npos || !here.IsSequence()) break;
      const std::size_t index = std::stoul(path.substr(at + 1, close - at - 1));
      if (index >= here.size()) break;
      next.reset(here[index]);
      line = line_of(next);
      at = close + 1;
    } else {
      const std::size_t end = path.find_first_of(".[", at);
      const std::string key = path.substr(at, end == std::string::npos ? std::string::npos : end - at);
      if (!here.IsMap()) break;
      bool found = false;
      for (const auto& entry : here) {
        if (entry.first.as<std::string>() != key) continue;
        line = line_of(entry.first);  // the key's own line: a list's mark is its first item's
        next.reset(entry.second);
        found = true;
      }
      if (!found) break;
      at = end == std::string::npos ? path.size() : end;
    }
    node.reset(next);
  }
  return line;
}

}  // namespace ectflow::scenario
