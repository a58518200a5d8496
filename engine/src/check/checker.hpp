// The static checker: every name resolves, every expression has the type its place needs,
// declarations are unique. Journey-graph analyses live in journey_flow.hpp.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "check/types.hpp"
#include "ectflow/diagnostics.hpp"
#include "syntax/ast.hpp"

namespace ectflow::check {

// What the checker learned about each expression, kept for the model compiler (side tables
// keyed by expression id, as cel-cpp keeps them).
struct CheckFacts {
  std::map<syntax::ExprId, Type> types;
  std::map<syntax::ExprId, std::string> constants;  // bare names that are choice values or options
};

// All declarations of a run, by name. Pointers into the FlowFiles, which outlive the checker.
struct Program {
  std::map<std::string, const syntax::RecordDecl*> records;
  std::map<std::string, std::string> collections;  // plural -> record
  std::map<std::string, const syntax::ChoiceDecl*> choices;
  std::map<std::string, const syntax::TypeDecl*> types;
  std::map<std::string, const syntax::HookDecl*> hooks;
  std::map<std::string, const syntax::RuleDecl*> rules;
  std::map<std::string, const syntax::Journey*> journeys;
  std::map<std::string, const syntax::View*> views;
};

// What a name stands for where it is read.
struct Binding {
  enum class Kind { answer, let, record, variable, collection, parameter, field } kind;
  Type type;
  const syntax::Expr* let_value = nullptr;  // lets are typed when first read
  const syntax::Ask* ask = nullptr;         // answers: their question (fixed options)
};

class Scope {
 public:
  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
  void bind(const std::string& name, Binding binding) { names_[name] = std::move(binding); }
  const Binding* find(const std::string& name) const;
  void collect_names(std::vector<std::string>& out) const;

 private:
  const Scope* parent_;
  std::map<std::string, Binding> names_;
};

class Checker {
 public:
  Checker(std::vector<Diagnostic>& out, CheckFacts& facts) : out_(out), facts_(facts) {}

  void declare(const syntax::FlowFile& file);  // pass 1: the symbol tables
  void check(const syntax::FlowFile& file);    // pass 2: everything else
  const Program& program() const { return program_; }

 private:
  // diagnostics
  void report(Severity severity, Span span, std::string code, std::string message,
              std::optional<std::string> replacement = std::nullopt);
  void error(Span span, std::string code, std::string message,
             std::optional<std::string> replacement = std::nullopt) {
    report(Severity::error, span, std::move(code), std::move(message), std::move(replacement));
  }
  void unknown(const syntax::Name& name, std::string code, const std::string& what,
               const std::vector<std::string>& candidates, const std::string& hint = {});
  // error[duplicate-declaration] at `span`, with a note at the first declaration.
  void duplicate(Span span, std::string message, Span first, const char* note = "first declared here");
  template <typename Map>
  void declare_unique(Map& map, const syntax::Name& name, typename Map::mapped_type decl,
                      const char* what);

  // types
  Type resolve_type(const syntax::TypeRef& ref);
  Type field_type(const std::string& record, const syntax::Name& field);
  std::vector<std::string> field_names(const std::string& record) const;
  std::vector<std::string> choice_values(const Type& type) const;

  // expressions (expressions.cpp)
  Type type_of(const syntax::Expr& expr, const Scope& scope);  // records the type in facts_
  Type infer(const syntax::Expr& expr, const Scope& scope);
  Type expect(const syntax::Expr& expr, const Scope& scope, Type::Kind kind, const char* where);
  void expect_text(const syntax::Expr* expr, const Scope& scope);
  Type name_type(const syntax::Expr& expr, const std::string& name, const Scope& scope);
  Type binary_type(const syntax::Expr& expr, const syntax::Binary& binary, const Scope& scope);
  Type compare_with_value(const syntax::Expr& value_side, const syntax::Expr& name_side,
                          const Scope& scope, bool& resolved);
  Type call_type(const syntax::Expr& expr, const syntax::Call& call, const Scope& scope);
  Type query_type(const syntax::Query& query, const Scope& scope);
  Type query_element(const syntax::Expr& collection, const Scope& scope);
  Type let_type(const std::string& name, const Binding& binding, const Scope& scope);
  bool is_bare_name(const syntax::Expr& expr, std::string& name) const;
  std::optional<std::vector<std::string>> values_for(const syntax::Expr& expr, const Scope& scope);

  // declarations (declarations.cpp)
  void check_record(const syntax::RecordDecl& record);
  void check_status(const syntax::RecordDecl& record, const syntax::StatusDecl& status, const Scope& scope);
  void check_choice(const syntax::ChoiceDecl& choice);
  void check_type_decl(const syntax::TypeDecl& type);
  void check_hook(const syntax::HookDecl& hook);
  void check_rule(const syntax::RuleDecl& rule);
  void check_error_code(const syntax::Name& code, const syntax::Expr& message);
  static Type::Kind base_kind(const std::string& base);

  // journeys and views (journeys.cpp)
  void check_journey(const syntax::Journey& journey);
  void check_step(const syntax::Journey& journey, const syntax::Step& step, Scope& journey_scope);
  void check_ask(const syntax::Ask& ask, const Scope& scope);
  void check_target(const syntax::Target& target, const syntax::Journey* journey, const Scope& scope);
  void check_link(const syntax::Link& link, const syntax::Journey* journey, const Scope& scope);
  void check_effect(const syntax::Effect& effect, Scope& scope);
  void check_assignments(const std::string& record, const std::vector<syntax::Assignment>& assignments,
                         const Scope& scope);
  void check_view(const syntax::View& view);
  Type resolve_quiet(const std::string& name) const;
  Type bind_subject(Scope& scope, const syntax::Name& actor, const syntax::Name& from);
  // The scope every declaration's names start from: each record kind's collection (`ects`).
  // Bound once, after every file is declared; one copy per declaration made checking quadratic
  // in the number of declarations.
  const Scope& collections();

  std::vector<Diagnostic>& out_;
  CheckFacts& facts_;
  Program program_;
  std::map<std::string, std::pair<std::string, Span>> error_messages_;  // code -> first message
  std::set<std::string> lets_in_progress_;
  std::set<std::tuple<FileId, std::uint32_t, std::string>> reported_;
  std::map<const syntax::Expr*, Type> let_types_;
  std::optional<Scope> collections_;
};

// Parse-free entry point used by authoring.cpp: checks parsed files together.
void check_program(const std::vector<const syntax::FlowFile*>& files, std::vector<Diagnostic>& out,
                   CheckFacts* facts = nullptr);

}  // namespace ectflow::check
