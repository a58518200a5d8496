// The syntax tree of flow files: what the author wrote, with a span on every name and
// expression. Expressions carry ids so the checker keeps types in side tables.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ectflow/diagnostics.hpp"

namespace ectflow::syntax {

using ExprId = std::uint32_t;

struct Name {
  std::string text;
  Span span;
  bool empty() const { return text.empty(); }
};

// A type as written: `text`, `mentor`, `list of number`.
struct TypeRef {
  Name name;
  bool is_list = false;
  Span span;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class BinaryOp { or_, and_, eq, ne, lt, le, gt, ge, in, matches, add, sub, mul, div };
enum class UnaryOp { not_, negate };
enum class IsWhat { empty, open, asked };
enum class DateUnit { days, months, years };
enum class QueryKind { exists, count, first, all, collect };

struct Literal {
  enum class Kind { number, date, yes, no, empty, today } kind;
  std::string text;  // as written: "4", "2024-06-01"
};
// A string, possibly with {interpolations}: literal pieces and expressions, in order.
struct Template {
  std::vector<std::variant<std::string, ExprPtr>> parts;
};
struct Duration {
  std::string amount;  // digits as written
  DateUnit unit;
};
struct NameRef {
  std::string name;
};
struct FieldAccess {
  ExprPtr object;
  Name field;
};
struct Call {
  Name callee;
  std::vector<ExprPtr> args;
};
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};
struct Binary {
  BinaryOp op;
  ExprPtr lhs;
  ExprPtr rhs;
};
struct IsTest {
  ExprPtr subject;
  IsWhat what;
  bool negated = false;
};
struct IfThenElse {
  ExprPtr condition;
  ExprPtr then_value;
  ExprPtr else_value;
};
struct ListLiteral {
  std::vector<ExprPtr> items;
};
struct SortKey {
  ExprPtr key;
  bool descending = false;
};
// exists / count / first / all VAR in COLLECTION [where COND] [sort by ...];
// collect PROJECTION for VAR in ...
struct Query {
  QueryKind kind;
  ExprPtr projection;  // collect only
  Name variable;
  ExprPtr collection;
  ExprPtr where;  // may be null
  std::vector<SortKey> sort;
};

struct Expr {
  ExprId id = 0;
  Span span;
  std::variant<Literal, Template, Duration, NameRef, FieldAccess, Call, Unary, Binary, IsTest,
               IfThenElse, ListLiteral, Query>
      node;
};

// ---- declarations ----

struct FieldDecl {
  Name name;
  TypeRef type;
  ExprPtr derived;  // null for a stored field
};

struct StatusRule {
  Name code;
  ExprPtr label;  // a Template
  Name reason;    // empty when none
  ExprPtr when;   // null: always (the last rule)
};

struct StatusDecl {
  Name name;     // "status" unless named
  ExprPtr from;  // null, or a hook call giving the status
  std::vector<StatusRule> rules;
  Span span;
};

struct RecordDecl {
  Name name;
  Name plural;  // empty: name + "s"
  std::vector<Name> keys;
  std::vector<FieldDecl> fields;
  ExprPtr open_when;
  std::vector<StatusDecl> statuses;
  Span span;
};

struct ChoiceValue {
  Name value;
  ExprPtr label;
};
struct ChoiceDecl {
  Name name;
  std::vector<ChoiceValue> values;
  Span span;
};

struct TypeClause {
  enum class Kind { blank, invalid, normalise, check } kind;
  ExprPtr expr;     // normalise, check
  Name code;        // blank, invalid, check
  ExprPtr message;  // blank, invalid, check
  Span span;
};
struct TypeDecl {
  Name name;
  Name base;
  std::vector<TypeClause> clauses;
  Span span;
};

struct Param {
  Name name;
  TypeRef type;
};
struct HookDecl {
  Name name;
  std::vector<Param> params;
  TypeRef result;
  std::string file;
  Span file_span;
  Span span;
};
struct RuleDecl {
  Name name;
  std::vector<Param> params;
  TypeRef result;
  ExprPtr body;
  Span span;
};

struct Let {
  Name name;
  ExprPtr value;
};

// Where a link, action or transition goes.
struct Target {
  enum class Kind { step, complete, start_journey, open_view } kind = Kind::step;
  Name name;     // the step, journey or view
  ExprPtr with;  // the record a journey or view starts from; may be null
};

struct Link {
  bool is_action = false;  // `action` (page actions) or `link` (within a page)
  ExprPtr text;
  Target target;
  ExprPtr when;
  Span span;
};

struct TextLine {
  ExprPtr text;
  ExprPtr when;
};

struct FixedOption {
  Name value;
  ExprPtr label;
};

struct Ask {
  Name answer;
  ExprPtr label;  // may be null: the page title
  TypeRef type;
  // options VAR in COLLECTION [where COND]
  Name option_variable;
  ExprPtr option_collection;
  ExprPtr option_where;
  std::vector<SortKey> option_sort;
  ExprPtr option_value;
  ExprPtr option_label;
  ExprPtr option_hint;
  std::vector<FixedOption> fixed_options;
  ExprPtr blank_message;
  bool optional = false;
  Span optional_span;  // where `optional` stands, so the formatter keeps comments beside it
  Span span;
};

struct Check {
  ExprPtr condition;
  Name code;
  ExprPtr message;
  Span span;
};

struct Next {
  Target target;
  ExprPtr when;
  Span span;
};

enum class StepKind { question, interstitial, outcome, check_answers, confirmation };

struct Step {
  StepKind kind = StepKind::question;
  Name name;
  ExprPtr title;
  std::vector<Ask> asks;
  std::vector<Check> checks;
  std::vector<Let> lets;
  std::vector<Next> nexts;
  std::vector<TextLine> texts;
  std::vector<Link> links;
  ExprPtr button;
  ExprPtr inset;
  std::vector<Name> unchangeable;
  Span span;
  Span end_span;
};

struct Effect;
using EffectPtr = std::unique_ptr<Effect>;
struct Assignment {
  Name field;
  ExprPtr value;
};
struct Effect {
  enum class Kind { create, update, remove, for_each } kind;
  Name record;    // create: the record type
  Name binding;   // create ... as NAME; for each NAME
  ExprPtr target;  // update / delete: the record; for each: the collection
  ExprPtr when;    // create / update / delete guard; for each: where
  std::vector<Assignment> assignments;
  std::vector<EffectPtr> body;  // for each
  Span span;
};

struct Journey {
  Name name;
  ExprPtr title;
  Name actor;
  Name from;
  ExprPtr start_when;
  std::vector<Let> lets;
  std::vector<Step> steps;
  std::vector<EffectPtr> on_complete;
  Span on_complete_span;
  Span span;
};

struct ViewList {
  Name name;
  Name variable;
  ExprPtr collection;
  ExprPtr where;
  std::vector<SortKey> sort;
  ExprPtr status;
  std::vector<TextLine> texts;
  std::vector<Link> actions;
  Span span;
};

struct View {
  Name name;
  ExprPtr title;
  Name actor;
  Name from;
  std::vector<Let> lets;
  std::vector<TextLine> texts;
  std::vector<Link> actions;
  std::vector<ViewList> lists;
  Span span;
};

using Declaration =
    std::variant<RecordDecl, ChoiceDecl, TypeDecl, HookDecl, RuleDecl, Journey, View>;

// One parsed file: its declarations in source order, and the comments the formatter keeps.
struct Comment {
  std::uint32_t offset;  // of the '#'
  std::string text;      // including '#', without the line ending
  bool own_line = true;  // false when it follows code on the same line
};

struct FlowFile {
  FileId file = 0;
  std::vector<Declaration> declarations;
  std::vector<Comment> comments;
};

}  // namespace ectflow::syntax
