// The embedding API: load flows, run journeys one submission at a time, and read views.
// Pages are data (titles, questions, options, hints, errors, links) for a front end to render.
// Standard library types only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/authoring.hpp"
#include "ectflow/store.hpp"

namespace ectflow {

namespace model {
struct Model;
}

class Engine;

struct EngineOptions {
  EngineOptions() = default;
  explicit EngineOptions(std::string root) : project_root(std::move(root)) {}

  // Hooks' Lua files are relative to it ("rules/cohort.lua"). Empty: the folder holding the flows'
  // folder (for `flows/`, the project it sits in), or the working directory for in-memory sources.
  std::string project_root;
  // When set, hooks' Lua files are read from here (path as the hook names it -> text), not from
  // the project folder: an engine restored from a stored snapshot runs the rules it was stored with.
  std::optional<std::vector<SourceFile>> hook_sources;
};

// Everything an engine was loaded from: enough to load the same engine again later, when the
// files on disk have moved on (a journey in progress carries on under the flows it started on).
struct FlowSnapshot {
  std::string flow_version;        // the content hash of everything below
  std::vector<SourceFile> flows;   // the .flow files, as read (the built-in standard library aside)
  std::vector<SourceFile> hooks;   // the Lua files the hooks name, path relative to the project
};

struct LoadedEngine {
  std::shared_ptr<const Engine> engine;  // null when the flows have errors
  CheckReport report;
};

// The loaded, checked and compiled flows: immutable, shared by every journey.
class Engine {
 public:
  static LoadedEngine load(const std::vector<std::string>& flow_paths, EngineOptions options = {});
  static LoadedEngine load_sources(std::vector<SourceFile> files, EngineOptions options = {});
  // Loads a stored snapshot; the engine keeps the snapshot's version as its own, so journeys
  // started on it carry on even when ectflow's built-in library has changed since.
  static LoadedEngine load_snapshot(const FlowSnapshot& snapshot);

  const std::string& flow_version() const;  // content hash of the flow sources and hook files
  const FlowSnapshot& snapshot() const;
  std::vector<RecordSchema> schemas() const;
  // One record type's schema, without copying them all.
  const RecordSchema& schema(RecordTypeId type) const;
  std::optional<RecordTypeId> record_type(std::string_view name) const;

  const model::Model& model() const { return *model_; }
  struct Internals;
  const Internals& internals() const { return *internals_; }

  Engine(std::shared_ptr<const model::Model> model, std::shared_ptr<const Internals> internals);

 private:
  std::shared_ptr<const model::Model> model_;
  std::shared_ptr<const Internals> internals_;
};

// An in-memory store holding a world in the `given:` shape of SCENARIOS.md (JSON text).
// `problems` names each thing wrong with the world; on any problem the store is empty.
std::unique_ptr<Store> make_memory_store(const Engine& engine, std::string_view world_json, Date today,
                                         std::vector<std::string>& problems);

// A journey in progress: a small value a front end or a store keeps between requests.
struct JourneyInstance {
  std::string flow_version;  // the flows it started on
  std::string journey;
  std::string actor_id;    // who acts: the school's urn
  std::string subject_id;  // the record it started from (`with`), if any
  std::string step;        // the page in view
  std::vector<std::string> path;                // pages shown, first to current (for back)
  std::map<std::string, std::string> answers;   // answer -> normalised value
  std::map<std::string, std::string> errors;    // answer -> error code, of the last submission
  std::map<std::string, std::string> error_messages;  // answer -> the message shown
  std::map<std::string, std::string> entered;   // what was typed, when it was rejected
  std::map<std::string, std::string> created;   // `create ... as NAME` -> the new record's id
  bool changing = false;   // opened from a "Change" link on check answers
  bool completed = false;

  std::string to_json() const;
  // A clear error for anything that is not an instance this version wrote.
  static std::optional<JourneyInstance> from_json(std::string_view json, std::string& error);
};

struct PageOption {
  std::string value;
  std::string label;
  std::optional<std::string> hint;
};

struct PageQuestion {
  std::string name;
  std::string label;
  std::string kind;   // text, number, date, yes_no, choice
  std::string value;  // as entered or as answered before
  std::vector<PageOption> options;
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  bool optional = false;
};

struct PageLink {
  enum class Kind { step, start_journey, open_view, change, back } kind = Kind::step;
  std::string text;
  std::string target;     // step, journey or view name
  std::string record_id;  // the record a journey or view starts from
};

struct SummaryRow {
  std::string answer;
  std::string label;
  std::string value;
  std::optional<std::string> change_step;  // the step a "Change" link opens
};

struct Page {
  std::string journey;
  std::string step;
  std::string kind;  // question, interstitial, outcome, check_answers, confirmation
  std::string title;
  std::vector<std::string> body;
  std::optional<std::string> inset;
  std::vector<PageQuestion> questions;
  std::vector<SummaryRow> rows;
  std::vector<PageLink> links;    // within the page
  std::vector<PageLink> actions;  // page-level
  std::optional<std::string> back_step;
  std::optional<std::string> button;
  bool completed = false;
  std::map<std::string, std::string> errors;  // answer -> error code
};

// Who acts, when, and on which records.
struct RunContext {
  Store& store;
  Date today;
  std::string actor_id;  // the school's urn
  // Where teachers are looked up (DOMAIN.md: a TRA client in service); null: the store's teachers.
  const TeacherDirectory* teachers = nullptr;
};

// The default TeacherDirectory: the teachers imported into a store.
class StoreTeacherDirectory : public TeacherDirectory {
 public:
  StoreTeacherDirectory(const Engine& engine, const RecordReader& store);
  std::optional<Record> find_by_trn(std::string_view trn) const override;

 private:
  const RecordReader& store_;
  std::optional<RecordTypeId> teacher_;
};

struct JourneyResult {
  enum class Kind { page, conflict, rejected } kind = Kind::page;
  JourneyInstance instance;  // unchanged when rejected
  Page page;
  std::string problem_code;  // rejected: e.g. not-current-step; conflict: conflict
  std::string problem;       // a sentence for the person or the developer
  std::optional<PageLink> hand_over;  // `next start JOURNEY`: start this journey next
  // submit: which of the step's `next`s (0-based, in writing order) the answers took; -1 when
  // none did (a rejection, an error, check answers). Coverage counts branches by it.
  int branch = -1;
  std::vector<std::string> hook_problems;  // hooks that failed while this ran (the engine carried on)
};

using Answers = std::map<std::string, std::string>;

JourneyResult start_journey(const Engine& engine, std::string_view journey, const RunContext& context,
                            const std::optional<std::string>& with_id = std::nullopt);
JourneyResult show_page(const Engine& engine, const JourneyInstance& instance, const RunContext& context);
JourneyResult submit(const Engine& engine, const JourneyInstance& instance, std::string_view step,
                     const Answers& answers, const RunContext& context);
// Whether submitting to `step` can complete the journey (check answers, or a step with `next
// complete`): an adapter that writes only completions needs a transaction for those alone. True
// for an instance this engine cannot run, so its rejection takes the careful path too.
bool may_complete(const Engine& engine, const JourneyInstance& instance, std::string_view step);
JourneyResult go_back(const Engine& engine, const JourneyInstance& instance, const RunContext& context);
JourneyResult change_answer(const Engine& engine, const JourneyInstance& instance, std::string_view step,
                            const RunContext& context);
// Follows a link within the page in view to another step of the journey ("They do not have a
// TRN"): `step` is the link's target. Rejected (no-such-link) when the page shows no such link.
JourneyResult follow_link(const Engine& engine, const JourneyInstance& instance, std::string_view step,
                          const RunContext& context);

// A journey as a map: its steps, where each `next` goes and the error codes each step can show.
// What coverage measures scenarios against, and what generated paths try to reach.
struct QuestionOutline {
  std::string name;
  std::string kind;       // text, number, date, yes_no, choice (as PageQuestion::kind)
  std::string type_name;  // its answer type (trn, email), choice or record type; "" for plain kinds
  bool optional = false;
};

struct StepOutline {
  std::string name;
  std::string kind;  // question, interstitial, outcome, check_answers, confirmation
  // Each `next` in writing order: a step's name, "complete", "start JOURNEY" or "view VIEW".
  std::vector<std::string> nexts;
  // Codes its answers can fail with: blank, the answer types' rules, the step's checks,
  // invalid_choice for choices. In the order the step checks them, each once.
  std::vector<std::string> error_codes;
  std::vector<QuestionOutline> questions;
  std::vector<std::string> links;  // the steps its links within the page go to
};

struct JourneyOutline {
  std::string name;
  std::string from;                // the record type it starts from (`from ect`), or ""
  std::string actor;               // who acts (`for school`)
  std::vector<StepOutline> steps;  // in writing order
};

std::vector<JourneyOutline> journey_outlines(const Engine& engine);

struct ViewRow {
  std::string id;
  std::optional<std::string> name;  // the record's `name` field, when it has one
  std::optional<std::string> status;
  std::optional<std::string> reason;
  std::optional<std::string> label;
  std::optional<std::string> text;
  std::vector<PageLink> actions;
};

struct ViewList {
  std::string name;
  std::vector<ViewRow> rows;
};

struct ViewPage {
  std::string view;
  std::string title;
  std::vector<std::string> body;
  std::vector<PageLink> actions;
  std::vector<ViewList> lists;
};

struct ViewResult {
  bool ok = false;
  ViewPage page;
  std::string problem_code;
  std::string problem;
};

ViewResult show_view(const Engine& engine, std::string_view view, const RunContext& context,
                     const std::optional<std::string>& record_id = std::nullopt);

}  // namespace ectflow
