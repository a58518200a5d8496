// Which grammar rules become nodes of the parse tree that build_ast.cpp turns into the AST.
// Expression levels fold away when they wrap a single child, so `a` is a name, not six levels.
#pragma once

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/grammar.hpp"

namespace ectflow::syntax {

namespace g = grammar;
namespace pt = tao::pegtl::parse_tree;

template <typename Rule>
using tree_selector = pt::selector<
    Rule,
    pt::store_content::on<
        // leaves
        g::name, g::field_name_text, g::string_text, g::string_escape, g::date_lit, g::number_lit, g::duration_amount,
        g::unit_days, g::unit_months, g::unit_years, g::lit_yes, g::lit_no, g::lit_empty, g::lit_today,
        g::op_mul, g::op_div, g::op_add, g::op_sub, g::op_ne, g::op_le, g::op_ge, g::op_lt, g::op_gt,
        g::op_eq, g::op_in, g::op_matches, g::op_not, g::negate_op, g::is_negated, g::is_empty,
        g::is_open, g::is_asked, g::query_exists, g::query_count, g::query_first, g::query_all,
        g::sort_descending, g::target_complete, g::link_keyword, g::action_keyword, g::ask_optional,
        g::string_close,
        // expressions
        g::string_lit, g::interpolation, g::list_type, g::call, g::name_ref, g::list_lit, g::query,
        g::collect_query, g::query_source, g::query_where, g::sort_clause, g::sort_key, g::is_suffix,
        g::if_expr, g::duration_lit,
        // clauses
        g::when_clause, g::with_clause, g::target_start, g::target_step, g::next_clause,
        g::link_to_step, g::link_starts, g::link_opens, g::link_clause, g::text_clause, g::let_clause,
        g::key_clause, g::field_clause, g::derived_clause, g::open_when_clause, g::status_because,
        g::status_rule, g::status_from, g::status_block, g::plural_clause, g::choice_value,
        g::type_blank, g::type_invalid, g::type_normalise, g::check_clause, g::param, g::param_list,
        g::hook_file, g::ask_options, g::ask_value, g::ask_label, g::ask_hint, g::ask_fixed_option,
        g::ask_blank, g::ask_question, g::button_clause, g::inset_clause, g::unchangeable_clause,
        g::assignment, g::create_as, g::effect_create, g::effect_update, g::effect_delete,
        g::effect_for_each, g::on_complete, g::for_actor, g::from_record, g::list_status, g::view_list,
        g::step_end, g::outcome_end,
        // declarations
        g::record_decl, g::choice_decl, g::type_decl, g::hook_decl, g::rule_decl, g::step_question,
        g::step_interstitial, g::step_outcome, g::step_check_answers, g::step_confirmation,
        g::journey_decl, g::view_decl>,
    pt::fold_one::on<g::expression, g::or_expr, g::and_expr, g::not_expr, g::compare_expr, g::sum_expr,
                     g::product_expr, g::unary_expr, g::postfix_expr, g::primary, g::operand,
                     g::sum_operand, g::compare_operand, g::paren_expr>>;

}  // namespace ectflow::syntax
