// Comparing a page with an `expect:` step, and stored records with `expect_records:`.
#include "expect.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace ectflow::scenario {
namespace {

using nlohmann::json;

const PageQuestion* choice_question(const Page& page) {
  for (const PageQuestion& q : page.questions) {
    if (!q.options.empty()) return &q;
  }
  return nullptr;
}

json texts(const std::vector<PageLink>& links) {
  json out = json::array();
  for (const PageLink& link : links) out.push_back(link.text);
  return out;
}

json nullable(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

// Everything on the page a person can read, for `content`.
std::vector<std::string> page_texts(const Screen& screen) {
  std::vector<std::string> out;
  auto add_links = [&](const std::vector<PageLink>& links) {
    for (const PageLink& link : links) out.push_back(link.text);
  };
  if (screen.page) {
    const Page& p = *screen.page;
    out.push_back(p.title);
    out.insert(out.end(), p.body.begin(), p.body.end());
    if (p.inset) out.push_back(*p.inset);
    if (p.button) out.push_back(*p.button);
    for (const PageQuestion& q : p.questions) {
      out.push_back(q.label);
      if (q.error_message) out.push_back(*q.error_message);
      for (const PageOption& o : q.options) {
        out.push_back(o.label);
        if (o.hint) out.push_back(*o.hint);
      }
    }
    for (const SummaryRow& row : p.rows) {
      out.push_back(row.label);
      out.push_back(row.value);
    }
    add_links(p.links);
    add_links(p.actions);
  }
  if (screen.view) {
    const ViewPage& v = *screen.view;
    out.push_back(v.title);
    out.insert(out.end(), v.body.begin(), v.body.end());
    add_links(v.actions);
    for (const ViewList& list : v.lists) {
      for (const ViewRow& row : list.rows) {
        for (const auto* text : {&row.name, &row.label, &row.text}) {
          if (*text) out.push_back(**text);
        }
        add_links(row.actions);
      }
    }
  }
  return out;
}

json row_json(const ViewRow& row) {
  return {{"id", row.id}, {"status", nullable(row.status)}, {"reason", nullable(row.reason)},
          {"label", nullable(row.label)}, {"text", nullable(row.text)}, {"actions", texts(row.actions)}};
}

// A list's rows against the expected partial rows: same length and order, each key given equal.
std::optional<Mismatch> check_rows(const json& expected, const ViewList* list) {
  json seen = json::array();
  if (list) {
    for (const ViewRow& row : list->rows) seen.push_back(row_json(row));
  }
  bool same = expected.is_array() && expected.size() == seen.size();
  for (std::size_t i = 0; same && i < expected.size(); ++i) {
    if (!expected[i].is_object()) {
      same = false;
      break;
    }
    for (const auto& [key, value] : expected[i].items()) {
      if (!seen[i].contains(key) || seen[i][key] != (value.is_array() || value.is_null() ? value : json(as_text(value)))) {
        same = false;
      }
    }
  }
  if (same) return std::nullopt;
  return Mismatch{expected.dump(), seen.dump()};
}

std::optional<Mismatch> differ(const json& expected, const json& seen) {
  if (expected == seen) return std::nullopt;
  return Mismatch{expected.dump(), seen.dump()};
}

// Expected texts are compared as text: `title: 2025` means "2025".
json textual(const json& value) {
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(textual(item));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) out[key] = textual(item);
    return out;
  }
  return value.is_null() ? value : json(as_text(value));
}

}  // namespace

std::string as_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    const double d = value.get<double>();
    return std::floor(d) == d && std::fabs(d) < 1e15 ? std::to_string(static_cast<long long>(d)) : fmt::format("{}", d);
  }
  if (value.is_null()) return "";
  return value.dump();
}

std::optional<Mismatch> check_expected(const Expected& expected, const Screen& screen) {
  const json& want = expected.value;
  const std::string& key = expected.key;
  const Page* page = screen.page ? &*screen.page : nullptr;
  const ViewPage* view = screen.view ? &*screen.view : nullptr;
  if (key == "journey") return differ(textual(want), page ? json(page->journey) : json(nullptr));
  if (key == "step") return differ(textual(want), page ? json(page->step) : json(nullptr));
  if (key == "title") return differ(textual(want), json(page ? page->title : view ? view->title : ""));
  if (key == "completed") {
    const bool seen = page && page->completed;
    if (!want.is_boolean()) return Mismatch{want.dump() + " (completed is true or false)", json(seen).dump()};
    return differ(want, json(seen));
  }
  if (key == "errors") return differ(textual(want), page ? json(page->errors) : json::object());
  if (key == "messages") {
    json seen = json::object();
    if (want.is_object()) {
      for (const auto& [answer, message] : want.items()) {
        seen[answer] = nullptr;
        if (!page) continue;
        for (const PageQuestion& q : page->questions) {
          if (q.name == answer) seen[answer] = nullable(q.error_message);
        }
      }
    }
    return differ(textual(want), seen);
  }
  if (key == "options") {
    json seen = json::array();
    if (const PageQuestion* q = page ? choice_question(*page) : nullptr) {
      for (const PageOption& o : q->options) seen.push_back(o.value);
    }
    return differ(textual(want), seen);
  }
  if (key == "hints") {
    json seen = json::object();
    const PageQuestion* q = page ? choice_question(*page) : nullptr;
    if (want.is_object()) {
      for (const auto& [value, hint] : want.items()) {
        seen[value] = "(no such option)";
        if (!q) continue;
        for (const PageOption& o : q->options) {
          if (o.value == value) seen[value] = nullable(o.hint);
        }
      }
    }
    return differ(textual(want), seen);
  }
  if (key == "actions") return differ(textual(want), texts(page ? page->actions : view ? view->actions : std::vector<PageLink>{}));
  if (key == "rows") {
    auto list_named = [&](const std::string& name) -> const ViewList* {
      if (!view) return nullptr;
      for (const ViewList& list : view->lists) {
        if (list.name == name) return &list;
      }
      return nullptr;
    };
    if (want.is_array()) return check_rows(want, view && !view->lists.empty() ? &view->lists.front() : nullptr);
    if (!want.is_object()) return Mismatch{want.dump() + " (rows is a list, or a map of list name to list)", "(not compared)"};
    for (const auto& [name, rows] : want.items()) {
      if (auto mismatch = check_rows(rows, list_named(name))) {
        return Mismatch{"rows of " + name + ": " + mismatch->expected, mismatch->seen};
      }
    }
    return std::nullopt;
  }
  if (key == "content") {
    const std::vector<std::string> shown = page_texts(screen);
    json missing = json::array();
    for (const json& text : want.is_array() ? want : json::array({want})) {
      const std::string wanted = as_text(text);
      const bool found = std::any_of(shown.begin(), shown.end(), [&](const std::string& s) {
        return s.find(wanted) != std::string::npos;
      });
      if (!found) missing.push_back(wanted);
    }
    if (missing.empty()) return std::nullopt;
    return Mismatch{"the page to show " + missing.dump(), json(shown).dump()};
  }
  return Mismatch{"a key SCENARIOS.md names", key};
}

namespace {

// A stored record's field as an expectation names it. `reason` is the status's reason (an ECT's),
// or else the first status block's (a mentor's funding reason).
std::optional<json> field_of(const RecordFields& record, const std::string& key) {
  const FieldText* field = nullptr;
  if (key == "reason") {
    field = record.find("status");
    if (!field) {
      for (const FieldText& f : record.fields) {
        if (f.source == FieldText::Source::status) {
          field = &f;
          break;
        }
      }
    }
    if (!field) return std::nullopt;
    return field->reason.empty() ? json(nullptr) : json(field->reason);
  }
  field = record.find(key);
  if (!field) return std::nullopt;
  if (field->is_list) return json(field->items);
  return field->value.empty() ? json(nullptr) : json(field->value);
}

json expected_field(const json& value) {
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(as_text(item));
    return out;
  }
  if (value.is_null()) return value;
  const std::string text = as_text(value);
  return text.empty() ? json(nullptr) : json(text);
}

bool matches(const RecordFields& record, const json& partial, std::string& first_difference) {
  for (const auto& [key, value] : partial.items()) {
    if (key == "absent") continue;
    std::optional<json> seen = key == "id" ? std::optional<json>(json(record.id)) : field_of(record, key);
    if (!seen) {
      first_difference = "it has no field `" + key + "`";
      return false;
    }
    json want = expected_field(value);
    // An empty list stored is "no value": `participations: []` and `null` both match it.
    if (seen->is_array() && seen->empty() && want.is_null()) want = json::array();
    if (*seen != want) {
      first_difference = key + " is " + seen->dump();
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Mismatch> check_records(const Expected& expected, const std::vector<RecordFields>& records) {
  const json& partial = expected.value;
  const bool absent = partial.contains("absent") && partial["absent"] == true;
  std::string difference;
  if (partial.contains("id")) {
    const std::string id = as_text(partial["id"]);
    auto it = std::find_if(records.begin(), records.end(), [&](const RecordFields& r) { return r.id == id; });
    if (it == records.end()) {
      if (absent) return std::nullopt;
      return Mismatch{partial.dump(), "no " + expected.key + " record " + id};
    }
    const bool same = matches(*it, partial, difference);
    if (same != absent) return std::nullopt;
    return Mismatch{partial.dump(), absent ? "a record that matches" : "record " + id + ": " + difference};
  }
  std::size_t matching = 0;
  for (const RecordFields& record : records) {
    std::string ignored;
    if (matches(record, partial, ignored)) ++matching;
  }
  if ((matching > 0) != absent) return std::nullopt;
  return Mismatch{partial.dump(), absent ? fmt::format("{} matching record(s)", matching)
                                         : fmt::format("none of the {} {} records matches", records.size(), expected.key)};
}

}  // namespace ectflow::scenario
