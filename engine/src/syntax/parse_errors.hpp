// Every parse error's code and sentence, in one table (docs/diagnostics.md lists the codes).
// Each entry reads "code|message"; parser.cpp splits them. A rule appears here when it can fail
// inside must<> (directly or through if_must / list_must / star_must). Rules that cannot fail
// there (sep, opt<>, star<>) need no sentence; tests/syntax checks every rejected input gets a
// real code, never PEGTL's generic "parse error matching ...".
#pragma once

#include <tao/pegtl.hpp>

#include "syntax/grammar.hpp"

namespace ectflow::syntax {

template <typename Rule>
inline constexpr const char* parse_error_message = nullptr;

#define ECTFLOW_PARSE_ERROR(rule, text) \
  template <>                            \
  inline constexpr const char* parse_error_message<grammar::rule> = text

// Names and words
ECTFLOW_PARSE_ERROR(name_token, "expected-name|expected a name here (letters, digits and _, like `find_ect`)");
ECTFLOW_PARSE_ERROR(declared_name, "expected-name|expected the name being declared (letters, digits and _, like `find_ect`)");
ECTFLOW_PARSE_ERROR(type_name, "expected-type|expected a type here, like `text`, `date`, `yes_no` or a record such as `ect`");
ECTFLOW_PARSE_ERROR(type_ref, "expected-type|expected a type here, like `text`, `date`, `list of number` or a record such as `ect`");
ECTFLOW_PARSE_ERROR(declared_field, "expected-name|expected the field's name (letters, digits and _, like `start_date`)");
ECTFLOW_PARSE_ERROR(field_name, "expected-name|expected a field name after `.`");
ECTFLOW_PARSE_ERROR(variable_name, "expected-name|expected a name for each item, like `e` in `e in ects`");
ECTFLOW_PARSE_ERROR(answer_name, "expected-name|expected the answer's name, like `email`");
ECTFLOW_PARSE_ERROR(step_name, "expected-name|expected the name of a step in this journey after `to`");
ECTFLOW_PARSE_ERROR(journey_name, "expected-name|expected the name of a journey to start");
ECTFLOW_PARSE_ERROR(view_name, "expected-name|expected the name of a view to open");
ECTFLOW_PARSE_ERROR(reason_name, "expected-name|expected a reason code after `because`, like `mentor_required`");
ECTFLOW_PARSE_ERROR(error_code, "expected-name|expected an error code here, like `email_blank`");
ECTFLOW_PARSE_ERROR(option_value, "expected-name|expected the option's value, like `new`");
ECTFLOW_PARSE_ERROR(kw_as, "expected-keyword|expected `as` followed by a type, like `as date`");
ECTFLOW_PARSE_ERROR(kw_of, "expected-keyword|expected `of` after `list`, like `list of number`");
ECTFLOW_PARSE_ERROR(kw_in, "expected-keyword|expected `in` followed by a collection, like `e in ects`");
ECTFLOW_PARSE_ERROR(kw_on, "expected-keyword|expected `on` after `based`, like `based on text`");
ECTFLOW_PARSE_ERROR(kw_based, "expected-keyword|expected `based on` and a base type, like `type trn based on text`");
ECTFLOW_PARSE_ERROR(kw_by, "expected-keyword|expected `by` after `sort`, like `sort by e.name`");
ECTFLOW_PARSE_ERROR(kw_then, "expected-keyword|expected `then` after the condition of `if`");
ECTFLOW_PARSE_ERROR(kw_else, "expected-keyword|expected `else` and the value when the condition of `if` is false");
ECTFLOW_PARSE_ERROR(kw_for, "expected-keyword|expected `for` after what `collect` gathers, like `collect e.name for e in ects`");
ECTFLOW_PARSE_ERROR(kw_when, "expected-keyword|expected `when` and a condition");
ECTFLOW_PARSE_ERROR(kw_each, "expected-keyword|expected `each` after `for`, like `for each m in mentorships`");
ECTFLOW_PARSE_ERROR(kw_complete, "expected-keyword|expected `complete` after `on`: effects are written in `on complete ... end`");
ECTFLOW_PARSE_ERROR(kw_returns, "expected-keyword|expected `returns` and the hook's result type, like `returns number`");
ECTFLOW_PARSE_ERROR(check_else, "expected-keyword|expected `else`, an error code and its message after the check's condition, like `else email_blank \"Enter the email address\"`");
ECTFLOW_PARSE_ERROR(for_actor, "expected-keyword|expected `for` and who uses it, like `for school`");
ECTFLOW_PARSE_ERROR(equals, "expected-keyword|expected `=` and a value");
ECTFLOW_PARSE_ERROR(open_paren, "expected-keyword|expected `(` and the parameters, like `(start_date as date)`");
ECTFLOW_PARSE_ERROR(param, "expected-name|expected a parameter, like `start_date as date`");
ECTFLOW_PARSE_ERROR(is_what, "expected-keyword|expected `empty`, `open` or `asked` after `is`");
ECTFLOW_PARSE_ERROR(next_target, "expected-name|expected where to go next: a step's name, `complete`, or `start` and a journey");
ECTFLOW_PARSE_ERROR(link_target, "expected-keyword|expected where the link goes: `to STEP`, `starts JOURNEY` or `opens VIEW`");

// Texts and values
ECTFLOW_PARSE_ERROR(string_token, "expected-text|expected text in double quotes here, like \"Find an ECT\"");
ECTFLOW_PARSE_ERROR(hook_file, "expected-text|expected the hook's Lua file in double quotes, like \"rules/cohort.lua\"");
ECTFLOW_PARSE_ERROR(string_close, "unterminated-text|this text has no closing `\"` on its line; texts end on the line they start");
ECTFLOW_PARSE_ERROR(interpolation_end, "unclosed-bracket|expected `}` to end the value inserted into this text");
ECTFLOW_PARSE_ERROR(expression, "expected-expression|expected a value or condition here, like `email is empty` or `\"text\"`");
ECTFLOW_PARSE_ERROR(compare_expr, "expected-expression|expected a condition after `not`");
ECTFLOW_PARSE_ERROR(not_expr, "expected-expression|expected a condition after `and` / `or`");
ECTFLOW_PARSE_ERROR(and_expr, "expected-expression|expected a condition after `or`");
ECTFLOW_PARSE_ERROR(operand, "expected-expression|expected a value after `*` or `/`");
ECTFLOW_PARSE_ERROR(sum_operand, "expected-expression|expected a value after `+` or `-`");
ECTFLOW_PARSE_ERROR(compare_operand, "expected-expression|expected a value to compare with");
ECTFLOW_PARSE_ERROR(query_source, "expected-name|expected a name, `in` and a collection, like `e in ects`");
ECTFLOW_PARSE_ERROR(sort_key, "expected-expression|expected what to sort by, like `e.name`");
ECTFLOW_PARSE_ERROR(close_paren, "unclosed-bracket|expected `)` to close the `(`");
ECTFLOW_PARSE_ERROR(close_bracket, "unclosed-bracket|expected `]` to close the list");

// Blocks
ECTFLOW_PARSE_ERROR(record_end, "expected-end|expected `end` to close the record, or one of `key`, `field`, `derived`, `open when`, `status`");
ECTFLOW_PARSE_ERROR(status_end, "expected-end|expected `end` to close the status rules, or another rule like `complete \"Registered\" when ...`");
ECTFLOW_PARSE_ERROR(choice_end, "expected-end|expected `end` to close the choice, or another option like `part_time \"Part-time\"`");
ECTFLOW_PARSE_ERROR(type_end, "expected-end|expected `end` to close the type, or one of `blank`, `invalid`, `normalise`, `check`");
ECTFLOW_PARSE_ERROR(step_end, "expected-end|expected `end` to close the step, or one of `ask`, `check`, `let`, `next`, `text`, `link`, `action`, `button`, `inset`, `unchangeable`");
ECTFLOW_PARSE_ERROR(outcome_end, "expected-end|expected `end` to close the page, or one of `text`, `link`, `action`");
ECTFLOW_PARSE_ERROR(effect_end, "expected-end|expected `end` to close this effect, or a line like `started_on = today`");
ECTFLOW_PARSE_ERROR(on_complete_end, "expected-end|expected `end` to close `on complete`, or an effect: `create`, `update`, `delete`, `for each`");
ECTFLOW_PARSE_ERROR(journey_end, "expected-end|expected `end` to close the journey, or one of `let`, `step`, `interstitial`, `outcome`, `check_answers`, `confirmation`, `on complete`");
ECTFLOW_PARSE_ERROR(list_end, "expected-end|expected `end` to close the list, or one of `sort by`, `status`, `text`, `action`");
ECTFLOW_PARSE_ERROR(view_end, "expected-end|expected `end` to close the view, or one of `let`, `text`, `action`, `list`");
ECTFLOW_PARSE_ERROR(declaration, "expected-declaration|expected a declaration: `record`, `choice`, `type`, `hook`, `rule`, `journey` or `view`");
ECTFLOW_PARSE_ERROR(declaration_end, "unexpected-text|unexpected text after the end of the declaration; a new declaration starts at the beginning of a line");

#undef ECTFLOW_PARSE_ERROR

struct parse_error_table {
  template <typename Rule>
  static constexpr const char* message = parse_error_message<Rule>;
  // Only must<> raises: the same rule may fail harmlessly inside opt<> or sor<> elsewhere.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

template <typename Rule>
using parse_control = tao::pegtl::must_if<parse_error_table, tao::pegtl::normal, false>::control<Rule>;

}  // namespace ectflow::syntax
