// The flow language's grammar, read top to bottom like its reference (docs/language.md).
// Rules only: the tree is built from the rules selected in parse_tree_selector.hpp, and every
// "expected X" message lives in one table, parse_errors.hpp.
#pragma once

#include <tao/pegtl.hpp>

namespace ectflow::syntax::grammar {

namespace pegtl = tao::pegtl;
using namespace pegtl;

// ---- lexical ----

struct comment : seq<one<'#'>, until<eolf>> {};
struct sep : star<sor<space, comment>> {};

#define ECTFLOW_KEYWORD(rule_name, text) \
  struct rule_name : seq<TAO_PEGTL_KEYWORD(text), sep> {}

ECTFLOW_KEYWORD(kw_all, "all");
ECTFLOW_KEYWORD(kw_and, "and");
ECTFLOW_KEYWORD(kw_as, "as");
ECTFLOW_KEYWORD(kw_ascending, "ascending");
ECTFLOW_KEYWORD(kw_asked, "asked");
ECTFLOW_KEYWORD(kw_based, "based");
ECTFLOW_KEYWORD(kw_because, "because");
ECTFLOW_KEYWORD(kw_by, "by");
ECTFLOW_KEYWORD(kw_collect, "collect");
ECTFLOW_KEYWORD(kw_complete, "complete");
ECTFLOW_KEYWORD(kw_count, "count");
ECTFLOW_KEYWORD(kw_descending, "descending");
ECTFLOW_KEYWORD(kw_each, "each");
ECTFLOW_KEYWORD(kw_else, "else");
ECTFLOW_KEYWORD(kw_empty, "empty");
ECTFLOW_KEYWORD(kw_end, "end");
ECTFLOW_KEYWORD(kw_exists, "exists");
ECTFLOW_KEYWORD(kw_first, "first");
ECTFLOW_KEYWORD(kw_for, "for");
ECTFLOW_KEYWORD(kw_from, "from");
ECTFLOW_KEYWORD(kw_if, "if");
ECTFLOW_KEYWORD(kw_in, "in");
ECTFLOW_KEYWORD(kw_is, "is");
ECTFLOW_KEYWORD(kw_list, "list");
ECTFLOW_KEYWORD(kw_matches, "matches");
ECTFLOW_KEYWORD(kw_no, "no");
ECTFLOW_KEYWORD(kw_not, "not");
ECTFLOW_KEYWORD(kw_of, "of");
ECTFLOW_KEYWORD(kw_on, "on");
ECTFLOW_KEYWORD(kw_open, "open");
ECTFLOW_KEYWORD(kw_opens, "opens");
ECTFLOW_KEYWORD(kw_or, "or");
ECTFLOW_KEYWORD(kw_returns, "returns");
ECTFLOW_KEYWORD(kw_sort, "sort");
ECTFLOW_KEYWORD(kw_start, "start");
ECTFLOW_KEYWORD(kw_starts, "starts");
ECTFLOW_KEYWORD(kw_then, "then");
ECTFLOW_KEYWORD(kw_to, "to");
ECTFLOW_KEYWORD(kw_today, "today");
ECTFLOW_KEYWORD(kw_when, "when");
ECTFLOW_KEYWORD(kw_where, "where");
ECTFLOW_KEYWORD(kw_with, "with");
ECTFLOW_KEYWORD(kw_yes, "yes");

// Words that cannot name anything, because an expression or a clause would read two ways.
struct reserved
    : sor<TAO_PEGTL_KEYWORD("all"), TAO_PEGTL_KEYWORD("and"), TAO_PEGTL_KEYWORD("collect"),
          TAO_PEGTL_KEYWORD("count"), TAO_PEGTL_KEYWORD("else"), TAO_PEGTL_KEYWORD("empty"),
          TAO_PEGTL_KEYWORD("end"), TAO_PEGTL_KEYWORD("exists"), TAO_PEGTL_KEYWORD("first"),
          TAO_PEGTL_KEYWORD("for"), TAO_PEGTL_KEYWORD("if"), TAO_PEGTL_KEYWORD("in"),
          TAO_PEGTL_KEYWORD("is"), TAO_PEGTL_KEYWORD("matches"), TAO_PEGTL_KEYWORD("no"),
          TAO_PEGTL_KEYWORD("not"), TAO_PEGTL_KEYWORD("or"), TAO_PEGTL_KEYWORD("sort"),
          TAO_PEGTL_KEYWORD("then"), TAO_PEGTL_KEYWORD("today"), TAO_PEGTL_KEYWORD("when"),
          TAO_PEGTL_KEYWORD("where"), TAO_PEGTL_KEYWORD("yes")> {};

struct name : seq<not_at<reserved>, identifier> {};
struct name_token : seq<name, sep> {};
// Where nothing else could stand (after `.`, `field`, `key`), even a reserved word names a field:
// cohorts have an `end`.
struct field_name_text : identifier {};
struct any_name_token : seq<field_name_text, sep> {};

// A string is one line; {expr} interpolates, \" \\ \{ \} \n escape.
struct expression;
struct string_escape : seq<one<'\\'>, one<'"', '\\', '{', '}', 'n'>> {};
struct string_text : plus<not_one<'"', '\\', '{', '\n', '\r'>> {};
struct interpolation_end : one<'}'> {};
struct interpolation : if_must<one<'{'>, sep, expression, interpolation_end> {};
struct string_close : one<'"'> {};
struct string_lit : if_must<one<'"'>, star<sor<string_text, string_escape, interpolation>>, string_close> {};
struct string_token : seq<string_lit, sep> {};

struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<identifier_other>> {};
struct number_lit : seq<plus<digit>, opt<one<'.'>, plus<digit>>, not_at<identifier_other>> {};
struct unit_days : sor<TAO_PEGTL_KEYWORD("days"), TAO_PEGTL_KEYWORD("day")> {};
struct unit_months : sor<TAO_PEGTL_KEYWORD("months"), TAO_PEGTL_KEYWORD("month")> {};
struct unit_years : sor<TAO_PEGTL_KEYWORD("years"), TAO_PEGTL_KEYWORD("year")> {};
struct duration_amount : plus<digit> {};
struct duration_lit : seq<duration_amount, plus<blank>, sor<unit_days, unit_months, unit_years>> {};

// ---- types ----

struct type_name : name_token {};
struct list_type : if_must<kw_list, kw_of, type_name> {};
struct type_ref : sor<list_type, type_name> {};

// ---- expressions, lowest precedence first ----

struct lit_yes : kw_yes {};
struct lit_no : kw_no {};
struct lit_empty : kw_empty {};
struct lit_today : kw_today {};

struct comma : seq<one<','>, sep> {};
struct close_paren : seq<one<')'>, sep> {};
struct close_bracket : seq<one<']'>, sep> {};

struct paren_expr : if_must<one<'('>, sep, expression, close_paren> {};
struct list_lit : if_must<one<'['>, sep, opt<list_must<expression, comma>>, close_bracket> {};
struct call_args : if_must<one<'('>, sep, opt<list_must<expression, comma>>, close_paren> {};
struct call : seq<name, sep, call_args> {};
struct name_ref : name_token {};

struct sort_descending : kw_descending {};
struct sort_key : seq<expression, opt<sor<kw_ascending, sort_descending>>> {};
struct sort_clause : if_must<kw_sort, kw_by, list_must<sort_key, comma>> {};

struct query_exists : kw_exists {};
struct query_count : kw_count {};
struct query_first : kw_first {};
struct query_all : kw_all {};
struct query_where : if_must<kw_where, expression> {};
struct variable_name : name_token {};
struct query_source : seq<variable_name, kw_in, expression, opt<query_where>> {};
struct query : if_must<sor<query_exists, query_count, query_first, query_all>, query_source, opt<sort_clause>> {};
struct collect_query : if_must<kw_collect, expression, kw_for, query_source, opt<sort_clause>> {};

struct primary
    : sor<paren_expr, list_lit, query, collect_query, seq<date_lit, sep>, seq<duration_lit, sep>,
          seq<number_lit, sep>, string_token, lit_yes, lit_no, lit_empty, lit_today, call, name_ref> {};

struct field_name : any_name_token {};
struct field_suffix : if_must<one<'.'>, sep, field_name> {};
struct postfix_expr : seq<primary, star<field_suffix>> {};
struct negate_op : seq<one<'-'>, sep> {};
struct unary_expr : seq<opt<negate_op>, postfix_expr> {};

struct op_mul : seq<one<'*'>, sep> {};
struct op_div : seq<one<'/'>, sep> {};
struct operand : unary_expr {};
struct product_expr : seq<unary_expr, star_must<sor<op_mul, op_div>, operand>> {};

struct op_add : seq<one<'+'>, sep> {};
struct op_sub : seq<one<'-'>, sep> {};
struct sum_operand : product_expr {};
struct sum_expr : seq<product_expr, star_must<sor<op_add, op_sub>, sum_operand>> {};

struct op_ne : seq<string<'!', '='>, sep> {};
struct op_le : seq<string<'<', '='>, sep> {};
struct op_ge : seq<string<'>', '='>, sep> {};
struct op_lt : seq<one<'<'>, sep> {};
struct op_gt : seq<one<'>'>, sep> {};
struct op_eq : seq<one<'='>, not_at<one<'='>>, sep> {};
struct op_in : kw_in {};
struct op_matches : kw_matches {};
struct compare_op : sor<op_ne, op_le, op_ge, op_lt, op_gt, op_eq, op_in, op_matches> {};
struct is_negated : kw_not {};
struct is_empty : kw_empty {};
struct is_open : kw_open {};
struct is_asked : kw_asked {};
struct is_what : sor<is_empty, is_open, is_asked> {};
struct is_suffix : if_must<kw_is, opt<is_negated>, is_what> {};
struct compare_operand : sum_expr {};
struct compare_expr : seq<sum_expr, opt<sor<is_suffix, if_must<compare_op, compare_operand>>>> {};

struct op_not : kw_not {};
struct not_expr : sor<seq<plus<op_not>, must<compare_expr>>, compare_expr> {};
struct and_expr : seq<not_expr, star_must<kw_and, not_expr>> {};
struct or_expr : seq<and_expr, star_must<kw_or, and_expr>> {};

struct if_expr : if_must<kw_if, expression, kw_then, expression, kw_else, expression> {};
struct expression : sor<if_expr, or_expr> {};

// ---- shared clauses ----

struct when_clause : if_must<kw_when, expression> {};
struct with_clause : if_must<kw_with, expression> {};

struct target_complete : kw_complete {};
struct journey_name : name_token {};
struct target_start : if_must<kw_start, journey_name, opt<with_clause>> {};
struct target_step : name_token {};
struct next_target : sor<target_complete, target_start, target_step> {};
struct next_clause : if_must<TAO_PEGTL_KEYWORD("next"), sep, next_target, opt<when_clause>> {};

struct step_name : name_token {};
struct link_to_step : if_must<kw_to, step_name> {};
struct link_starts : if_must<kw_starts, journey_name, opt<with_clause>> {};
struct view_name : name_token {};
struct link_opens : if_must<kw_opens, view_name, opt<with_clause>> {};
struct link_target : sor<link_to_step, link_starts, link_opens> {};
struct link_keyword : seq<TAO_PEGTL_KEYWORD("link"), sep> {};
struct action_keyword : seq<TAO_PEGTL_KEYWORD("action"), sep> {};
struct link_clause : if_must<sor<link_keyword, action_keyword>, expression, link_target, opt<when_clause>> {};

struct text_clause : if_must<TAO_PEGTL_KEYWORD("text"), sep, expression, opt<when_clause>> {};
struct equals : seq<one<'='>, sep> {};
struct declared_name : name_token {};
struct let_clause : if_must<TAO_PEGTL_KEYWORD("let"), sep, declared_name, equals, expression> {};

// ---- record ----

struct declared_field : any_name_token {};
struct key_clause : if_must<TAO_PEGTL_KEYWORD("key"), sep, declared_field> {};
struct field_clause : if_must<TAO_PEGTL_KEYWORD("field"), sep, declared_field, kw_as, type_ref> {};
struct derived_clause
    : if_must<TAO_PEGTL_KEYWORD("derived"), sep, declared_field, kw_as, type_ref, equals, expression> {};
struct open_when_clause : if_must<kw_open, kw_when, expression> {};
struct reason_name : name_token {};
struct status_because : if_must<kw_because, reason_name> {};
struct status_rule : if_must<name_token, string_token, opt<status_because>, opt<when_clause>> {};
struct status_from : if_must<kw_from, expression> {};
struct status_end : kw_end {};
struct status_block
    : if_must<TAO_PEGTL_KEYWORD("status"), sep, opt<not_at<kw_from>, name_token, not_at<one<'"'>>>, opt<status_from>,
              star<status_rule>, status_end> {};
struct record_item : sor<key_clause, field_clause, derived_clause, open_when_clause, status_block> {};
struct record_end : kw_end {};
struct plural_clause : if_must<TAO_PEGTL_KEYWORD("plural"), sep, declared_name> {};
struct record_decl
    : if_must<TAO_PEGTL_KEYWORD("record"), sep, declared_name, opt<plural_clause>, star<record_item>, record_end> {};

// ---- choice ----

struct choice_value : if_must<name_token, string_token> {};
struct choice_end : kw_end {};
struct choice_decl : if_must<TAO_PEGTL_KEYWORD("choice"), sep, declared_name, star<choice_value>, choice_end> {};

// ---- type (answer types: the standard library) ----

struct error_code : name_token {};
struct type_blank : if_must<TAO_PEGTL_KEYWORD("blank"), sep, error_code, string_token> {};
struct type_invalid : if_must<TAO_PEGTL_KEYWORD("invalid"), sep, error_code, string_token> {};
struct type_normalise : if_must<TAO_PEGTL_KEYWORD("normalise"), sep, expression> {};
struct check_else : kw_else {};
struct check_clause : if_must<TAO_PEGTL_KEYWORD("check"), sep, expression, check_else, error_code, string_token> {};
struct type_clause : sor<type_blank, type_invalid, type_normalise, check_clause> {};
struct type_end : kw_end {};
struct type_decl
    : if_must<TAO_PEGTL_KEYWORD("type"), sep, declared_name, kw_based, kw_on, type_name, star<type_clause>, type_end> {};

// ---- hook and rule ----

struct param : seq<declared_name, kw_as, type_ref> {};
struct open_paren : seq<one<'('>, sep> {};
struct param_list : seq<open_paren, opt<list_must<param, comma>>, close_paren> {};
struct hook_file : string_token {};
struct hook_decl
    : if_must<TAO_PEGTL_KEYWORD("hook"), sep, declared_name, param_list, kw_returns, type_ref, kw_in, hook_file> {};
struct rule_decl
    : if_must<TAO_PEGTL_KEYWORD("rule"), sep, declared_name, param_list, kw_as, type_ref, equals, expression> {};

// ---- journey ----

struct ask_options : if_must<TAO_PEGTL_KEYWORD("options"), sep, variable_name, kw_in, expression, opt<query_where>> {};
struct ask_value : if_must<TAO_PEGTL_KEYWORD("value"), sep, expression> {};
struct ask_label : if_must<TAO_PEGTL_KEYWORD("label"), sep, expression> {};
struct ask_hint : if_must<TAO_PEGTL_KEYWORD("hint"), sep, expression> {};
struct option_value : name_token {};
struct ask_fixed_option : if_must<TAO_PEGTL_KEYWORD("option"), sep, option_value, string_token> {};
struct ask_blank : if_must<TAO_PEGTL_KEYWORD("blank"), sep, string_token> {};
struct ask_optional : seq<TAO_PEGTL_KEYWORD("optional"), sep> {};
struct ask_clause
    : sor<ask_options, sort_clause, ask_value, ask_label, ask_hint, ask_fixed_option, ask_blank, ask_optional> {};
struct answer_name : name_token {};
struct ask_question : if_must<TAO_PEGTL_KEYWORD("ask"), sep, answer_name, opt<string_token>, kw_as, type_ref, star<ask_clause>> {};

struct button_clause : if_must<TAO_PEGTL_KEYWORD("button"), sep, string_token> {};
struct inset_clause : if_must<TAO_PEGTL_KEYWORD("inset"), sep, string_token> {};
struct unchangeable_clause : if_must<TAO_PEGTL_KEYWORD("unchangeable"), sep, list_must<answer_name, comma>> {};
struct step_item
    : sor<ask_question, check_clause, let_clause, next_clause, text_clause, link_clause, button_clause,
          inset_clause, unchangeable_clause> {};
struct step_end : kw_end {};
struct step_question : if_must<TAO_PEGTL_KEYWORD("step"), sep, declared_name, string_token, star<step_item>, step_end> {};
struct step_interstitial
    : if_must<TAO_PEGTL_KEYWORD("interstitial"), sep, declared_name, string_token, star<step_item>, step_end> {};
struct page_item : sor<text_clause, link_clause> {};
struct outcome_end : kw_end {};
struct step_outcome : if_must<TAO_PEGTL_KEYWORD("outcome"), sep, declared_name, string_token, star<page_item>, outcome_end> {};
struct step_check_answers
    : if_must<TAO_PEGTL_KEYWORD("check_answers"), sep, opt<string_token>, star<step_item>, step_end> {};
struct step_confirmation : if_must<TAO_PEGTL_KEYWORD("confirmation"), sep, string_token, star<page_item>, outcome_end> {};

struct effect;
struct assignment : if_must<seq<any_name_token, at<one<'='>>>, equals, expression> {};
struct effect_end : kw_end {};
struct create_as : if_must<kw_as, declared_name> {};
struct effect_create
    : if_must<TAO_PEGTL_KEYWORD("create"), sep, type_name, opt<create_as>, opt<when_clause>, star<assignment>, effect_end> {};
struct effect_update
    : if_must<TAO_PEGTL_KEYWORD("update"), sep, expression, opt<when_clause>, star<assignment>, effect_end> {};
struct effect_delete : if_must<TAO_PEGTL_KEYWORD("delete"), sep, expression, opt<when_clause>> {};
struct effect_for_each
    : if_must<kw_for, kw_each, variable_name, kw_in, expression, opt<query_where>, star<effect>, effect_end> {};
struct effect : sor<effect_create, effect_update, effect_delete, effect_for_each> {};
struct on_complete_end : kw_end {};
struct on_complete : if_must<kw_on, kw_complete, star<effect>, on_complete_end> {};

struct journey_item
    : sor<let_clause, step_question, step_interstitial, step_outcome, step_check_answers, step_confirmation,
          on_complete> {};
struct journey_end : kw_end {};
struct for_actor : seq<kw_for, type_name> {};
struct from_record : if_must<kw_from, type_name> {};
struct journey_decl
    : if_must<TAO_PEGTL_KEYWORD("journey"), sep, declared_name, string_token, for_actor, opt<from_record>,
              opt<when_clause>, star<journey_item>, journey_end> {};

// ---- view ----

struct list_status : if_must<TAO_PEGTL_KEYWORD("status"), sep, expression> {};
struct list_item : sor<sort_clause, list_status, text_clause, link_clause> {};
struct list_end : kw_end {};
struct view_list
    : if_must<kw_list, declared_name, variable_name, kw_in, expression, opt<query_where>, star<list_item>, list_end> {};
struct view_item : sor<let_clause, text_clause, link_clause, view_list> {};
struct view_end : kw_end {};
struct view_decl
    : if_must<TAO_PEGTL_KEYWORD("view"), sep, declared_name, string_token, for_actor, opt<from_record>,
              star<view_item>, view_end> {};

// ---- a file is a series of declarations; each is parsed on its own (see parser.cpp) ----

struct declaration : sor<record_decl, choice_decl, type_decl, hook_decl, rule_decl, journey_decl, view_decl> {};
struct declaration_end : eof {};
struct declaration_chunk : seq<sep, must<declaration>, sep, must<declaration_end>> {};

#undef ECTFLOW_KEYWORD

}  // namespace ectflow::syntax::grammar
