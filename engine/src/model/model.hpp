// The compiled, immutable flow model the runtime executes: records with their schemas and
// rules, answer types, journeys and views, every expression in the IR arena.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ectflow/diagnostics.hpp"
#include "model/ir.hpp"

namespace ectflow::model {

struct StatusRule {
  std::string code;
  NodeId label = kNoNode;
  std::string reason;
  NodeId when = kNoNode;  // kNoNode: always
};

struct StatusBlock {
  std::string name;
  NodeId from = kNoNode;  // a hook call giving the status, or kNoNode
  std::vector<StatusRule> rules;
};

// Record expressions run in a frame whose slot 0 is the record itself.
struct RecordType {
  RecordSchema schema;
  std::vector<std::string> derived_names;
  std::vector<NodeId> derived;
  NodeId open_when = kNoNode;
  std::vector<StatusBlock> statuses;
  std::uint32_t frame_size = 1;
};

struct Choice {
  std::string name;
  std::vector<std::pair<std::string, std::string>> values;  // code, label
};

// Records chosen from a collection: `VAR in COLLECTION where ... sort by ...`, with VAR in `slot`
// (a question's options, a view's list). `query` chooses them, as a query node (Op::query, kind
// all, its sort keys among its children), so the store's indexes serve it as they serve queries;
// `collection` and `where` alone find whether one record is among them.
struct Selection {
  NodeId collection = kNoNode;
  std::uint32_t slot = 0;
  NodeId where = kNoNode;
  NodeId query = kNoNode;
};

struct Message {
  std::string code;
  NodeId text = kNoNode;
};

// An answer type of the standard library (`type email based on text ...`). Clauses run in a
// frame whose slot 0 is `value`.
struct AnswerType {
  std::string name;
  FieldKind base = FieldKind::text;
  std::optional<Message> blank;
  std::optional<Message> invalid;
  struct Clause {
    bool is_check = false;
    NodeId expr = kNoNode;
    Message message;  // checks only
  };
  std::vector<Clause> clauses;
  std::uint32_t frame_size = 1;
};

// What kind of value an answer holds, resolved once.
struct AnswerKind {
  FieldKind kind = FieldKind::text;
  std::optional<std::uint32_t> answer_type;  // index into Model::answer_types
  std::optional<std::uint32_t> choice;       // index into Model::choices
  std::optional<RecordTypeId> record;        // for references
};

struct Ask {
  std::string name;
  std::uint32_t slot = 0;  // the journey's answer slot
  NodeId label = kNoNode;
  AnswerKind kind;
  Selection options;  // options VAR in COLLECTION where ... (collection kNoNode: none)
  NodeId option_value = kNoNode;
  NodeId option_label = kNoNode;
  NodeId option_hint = kNoNode;
  std::vector<std::pair<std::string, NodeId>> fixed_options;  // value, label
  NodeId blank_message = kNoNode;
  bool optional = false;
};

struct Check {
  NodeId condition = kNoNode;
  std::uint32_t ask = 0;  // which of the step's questions shows the error
  // the step's questions the condition names: it runs only once each has passed its own checks
  std::vector<std::uint32_t> reads;
  Message message;
};

struct Target {
  enum class Kind { step, complete, start_journey, open_view } kind = Kind::step;
  std::uint32_t step = 0;  // step index, for Kind::step
  std::string name;        // the journey or view
  NodeId with = kNoNode;
};

struct Next {
  Target target;
  NodeId when = kNoNode;
};

struct Link {
  bool is_action = false;
  NodeId text = kNoNode;
  Target target;
  NodeId when = kNoNode;
};

struct TextLine {
  NodeId text = kNoNode;
  NodeId when = kNoNode;
};

enum class StepKind { question, interstitial, outcome, check_answers, confirmation };

struct Step {
  std::string name;
  StepKind kind = StepKind::question;
  NodeId title = kNoNode;
  std::vector<Ask> asks;
  std::vector<Check> checks;
  std::vector<Next> nexts;
  std::vector<TextLine> texts;
  std::vector<Link> links;
  NodeId button = kNoNode;
  NodeId inset = kNoNode;
  std::vector<std::uint32_t> unchangeable;  // answer slots
};

struct Effect {
  enum class Kind { create, update, remove, for_each } kind = Effect::Kind::create;
  RecordTypeId type = 0;                                  // create
  std::uint32_t binding_slot = 0;                         // create as NAME / for each NAME
  bool has_binding = false;
  NodeId target = kNoNode;                                // update/remove record; for each collection
  NodeId when = kNoNode;                                  // guard, or for each's where
  std::vector<std::pair<std::uint32_t, NodeId>> assignments;  // field slot, value
  std::vector<Effect> body;
};

// Journey expressions run in a frame: slot 0 who acts, slot 1 the record it starts from, then
// records created on completion, then query variables.
struct Journey {
  std::string name;
  NodeId title = kNoNode;
  RecordTypeId actor = 0;
  std::optional<RecordTypeId> from;
  NodeId start_when = kNoNode;
  std::vector<Step> steps;
  std::unordered_map<std::string, std::uint32_t> step_index;
  std::vector<std::string> answer_names;  // by slot
  std::vector<std::uint32_t> answer_step;  // the step asking each answer
  std::vector<Effect> on_complete;
  std::vector<std::pair<std::string, std::uint32_t>> created;  // `create ... as NAME`: name, slot
  std::uint32_t frame_size = 2;
  std::uint32_t first_step = 0;
};

struct ViewList {
  std::string name;
  Selection rows;
  NodeId status = kNoNode;
  std::vector<TextLine> texts;
  std::vector<Link> actions;
};

struct View {
  std::string name;
  NodeId title = kNoNode;
  RecordTypeId actor = 0;
  std::optional<RecordTypeId> from;
  std::vector<TextLine> texts;
  std::vector<Link> actions;
  std::vector<ViewList> lists;
  std::uint32_t frame_size = 2;
};

struct Hook {
  std::string name;
  std::string file;
  Span file_span;  // where the flow names the file, for diagnostics about it
  std::vector<std::string> params;
  AnswerKind result;  // what the hook returns: its kind, choice or record
  bool result_is_list = false;
  bool result_is_status = false;
  std::vector<std::string> status_codes;  // the codes of the status blocks it gives
};

struct Rule {
  std::string name;
  NodeId body = kNoNode;
  std::uint32_t frame_size = 0;  // parameters take the first slots
};

// A `let`: evaluated when first read, then remembered for the rest of that evaluation.
struct Let {
  std::string name;
  NodeId value = kNoNode;
};

struct Model {
  std::string flow_version;  // content hash of the sources
  ExprArena arena;
  std::vector<RecordType> records;
  std::unordered_map<std::string, RecordTypeId> record_index;
  std::vector<Choice> choices;
  std::vector<AnswerType> answer_types;
  std::vector<Hook> hooks;
  std::vector<Rule> rules;
  std::vector<Let> lets;
  std::vector<Journey> journeys;
  std::unordered_map<std::string, std::uint32_t> journey_index;
  std::vector<View> views;
  std::unordered_map<std::string, std::uint32_t> view_index;

  std::vector<RecordSchema> schemas() const;
};

}  // namespace ectflow::model
