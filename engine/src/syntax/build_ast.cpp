// Walks the parse tree of one declaration (see parse_tree_selector.hpp for its shape) and
// builds the AST. The grammar has already accepted the text, so the shapes here are known.
#include "syntax/build_ast.hpp"

#include <map>
#include <stdexcept>

#include "syntax/grammar.hpp"

namespace ectflow::syntax {
namespace {

namespace g = grammar;

class Builder {
 public:
  Builder(FileId file, const char* text_begin, ExprId& next_id, const std::vector<Comment>& comments)
      : file_(file), text_begin_(text_begin), next_id_(next_id) {
    for (const Comment& c : comments) {
      comment_ending_at_[c.offset + static_cast<std::uint32_t>(c.text.size())] = c.offset;
    }
  }

  Span span(const ParseNode& n) const {
    auto begin = static_cast<std::uint32_t>(n.m_begin.data - text_begin_);
    auto end = n.has_content() ? static_cast<std::uint32_t>(n.m_end.data - text_begin_) : begin;
    return Span{file_, begin, end};
  }

  Name name(const ParseNode& n) const { return Name{n.string(), span(n)}; }

  TypeRef type_ref(const ParseNode& n) const {
    TypeRef t;
    if (n.is_type<g::list_type>()) {
      t.is_list = true;
      t.name = name(*n.children.at(0));
      t.span = Span{file_, span(n).begin, t.name.span.end};
    } else {
      t.name = name(n);
      t.span = t.name.span;
    }
    return t;
  }

  ExprPtr make(Span s, decltype(Expr::node) node) {
    auto e = std::make_unique<Expr>();
    e->id = next_id_++;
    e->span = s;
    e->node = std::move(node);
    return e;
  }

  static Span join(Span a, Span b) { return Span{a.file, a.begin, b.end}; }

  // ---- expressions ----

  ExprPtr expr(const ParseNode& n) {
    if (n.is_type<g::or_expr>()) return left_assoc(n, BinaryOp::or_);
    if (n.is_type<g::and_expr>()) return left_assoc(n, BinaryOp::and_);
    if (n.is_type<g::not_expr>()) return not_expr(n);
    if (n.is_type<g::compare_expr>()) return compare(n);
    if (n.is_type<g::sum_expr>() || n.is_type<g::compare_operand>()) return arithmetic(n);
    if (n.is_type<g::product_expr>() || n.is_type<g::sum_operand>()) return arithmetic(n);
    if (n.is_type<g::unary_expr>() || n.is_type<g::operand>()) return unary(n);
    if (n.is_type<g::postfix_expr>()) return postfix(n);
    if (n.is_type<g::if_expr>()) {
      auto c = expr(*n.children.at(0));
      auto t = expr(*n.children.at(1));
      auto e = expr(*n.children.at(2));
      Span s{file_, span(n).begin, e->span.end};
      return make(s, IfThenElse{std::move(c), std::move(t), std::move(e)});
    }
    if (n.is_type<g::string_lit>()) return string_template(n);
    if (n.is_type<g::date_lit>()) return make(span(n), Literal{Literal::Kind::date, n.string()});
    if (n.is_type<g::number_lit>()) return make(span(n), Literal{Literal::Kind::number, n.string()});
    if (n.is_type<g::duration_lit>()) return duration(n);
    if (n.is_type<g::lit_yes>()) return literal(n, Literal::Kind::yes);
    if (n.is_type<g::lit_no>()) return literal(n, Literal::Kind::no);
    if (n.is_type<g::lit_empty>()) return literal(n, Literal::Kind::empty);
    if (n.is_type<g::lit_today>()) return literal(n, Literal::Kind::today);
    if (n.is_type<g::name_ref>()) {
      const auto& id = *n.children.at(0);
      return make(span(id), NameRef{id.string()});
    }
    if (n.is_type<g::call>()) return call(n);
    if (n.is_type<g::list_lit>()) {
      ListLiteral list;
      for (const auto& child : n.children) list.items.push_back(expr(*child));
      return make(token_span(n), std::move(list));
    }
    if (n.is_type<g::query>() || n.is_type<g::collect_query>()) return query(n);
    throw std::logic_error("build_ast: unexpected expression node " + std::string(n.type));
  }

  // The span of a node without the spaces and comments the grammar lets trail after it.
  Span token_span(const ParseNode& n) const {
    Span s = span(n);
    while (s.end > s.begin) {
      char c = text_begin_[s.end - 1];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        --s.end;
        continue;
      }
      auto comment = comment_ending_at_.find(s.end);
      if (comment == comment_ending_at_.end() || comment->second < s.begin) break;
      s.end = comment->second;
    }
    return s;
  }

  ExprPtr literal(const ParseNode& n, Literal::Kind kind) {
    return make(token_span(n), Literal{kind, std::string(token_text(n))});
  }
  std::string_view token_text(const ParseNode& n) const {
    Span s = token_span(n);
    return std::string_view(text_begin_ + s.begin, s.end - s.begin);
  }

  ExprPtr left_assoc(const ParseNode& n, BinaryOp op) {
    ExprPtr result = expr(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      ExprPtr rhs = expr(*n.children[i]);
      Span s = join(result->span, rhs->span);
      result = make(s, Binary{op, std::move(result), std::move(rhs)});
    }
    return result;
  }

  ExprPtr not_expr(const ParseNode& n) {
    std::size_t nots = n.children.size() - 1;
    ExprPtr result = expr(*n.children.back());
    for (std::size_t i = nots; i-- > 0;) {
      Span s{file_, span(*n.children[i]).begin, result->span.end};
      result = make(s, Unary{UnaryOp::not_, std::move(result)});
    }
    return result;
  }

  static BinaryOp operator_of(const ParseNode& op) {
    if (op.is_type<g::op_eq>()) return BinaryOp::eq;
    if (op.is_type<g::op_ne>()) return BinaryOp::ne;
    if (op.is_type<g::op_lt>()) return BinaryOp::lt;
    if (op.is_type<g::op_le>()) return BinaryOp::le;
    if (op.is_type<g::op_gt>()) return BinaryOp::gt;
    if (op.is_type<g::op_ge>()) return BinaryOp::ge;
    if (op.is_type<g::op_in>()) return BinaryOp::in;
    if (op.is_type<g::op_matches>()) return BinaryOp::matches;
    if (op.is_type<g::op_add>()) return BinaryOp::add;
    if (op.is_type<g::op_sub>()) return BinaryOp::sub;
    if (op.is_type<g::op_mul>()) return BinaryOp::mul;
    if (op.is_type<g::op_div>()) return BinaryOp::div;
    throw std::logic_error("build_ast: unexpected operator " + std::string(op.type));
  }

  ExprPtr compare(const ParseNode& n) {
    ExprPtr lhs = expr(*n.children.at(0));
    const ParseNode& second = *n.children.at(1);
    if (second.is_type<g::is_suffix>()) {
      IsTest test;
      test.negated = second.children.size() == 2;
      const ParseNode& what = *second.children.back();
      test.what = what.is_type<g::is_empty>() ? IsWhat::empty
                  : what.is_type<g::is_open>() ? IsWhat::open
                                               : IsWhat::asked;
      Span s{file_, lhs->span.begin, token_span(what).end};
      test.subject = std::move(lhs);
      return make(s, std::move(test));
    }
    ExprPtr rhs = expr(*n.children.at(2));
    Span s = join(lhs->span, rhs->span);
    return make(s, Binary{operator_of(second), std::move(lhs), std::move(rhs)});
  }

  ExprPtr arithmetic(const ParseNode& n) {
    ExprPtr result = expr(*n.children.at(0));
    for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
      BinaryOp op = operator_of(*n.children[i]);
      ExprPtr rhs = expr(*n.children[i + 1]);
      Span s = join(result->span, rhs->span);
      result = make(s, Binary{op, std::move(result), std::move(rhs)});
    }
    return result;
  }

  ExprPtr unary(const ParseNode& n) {
    ExprPtr operand = expr(*n.children.back());
    Span s{file_, span(*n.children.front()).begin, operand->span.end};
    return make(s, Unary{UnaryOp::negate, std::move(operand)});
  }

  ExprPtr postfix(const ParseNode& n) {
    ExprPtr result = expr(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      Name field = name(*n.children[i]);
      Span s = join(result->span, field.span);
      result = make(s, FieldAccess{std::move(result), std::move(field)});
    }
    return result;
  }

  ExprPtr string_template(const ParseNode& n) {
    Template t;
    std::string pending;
    for (const auto& child : n.children) {
      if (child->is_type<g::string_text>()) {
        pending += child->string();
      } else if (child->is_type<g::string_escape>()) {
        char c = child->string_view().at(1);
        pending += c == 'n' ? '\n' : c;
      } else if (child->is_type<g::interpolation>()) {
        if (!pending.empty()) t.parts.emplace_back(std::move(pending));
        pending.clear();
        t.parts.emplace_back(expr(*child->children.at(0)));
      }
    }
    if (!pending.empty()) t.parts.emplace_back(std::move(pending));
    return make(span(n), std::move(t));
  }

  ExprPtr duration(const ParseNode& n) {
    const ParseNode& unit = *n.children.at(1);
    DateUnit u = unit.is_type<g::unit_days>() ? DateUnit::days
                 : unit.is_type<g::unit_months>() ? DateUnit::months
                                                  : DateUnit::years;
    return make(span(n), Duration{n.children.at(0)->string(), u});
  }

  ExprPtr call(const ParseNode& n) {
    Call c;
    c.callee = name(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) c.args.push_back(expr(*n.children[i]));
    return make(token_span(n), std::move(c));
  }

  std::vector<SortKey> sort_keys(const ParseNode& clause) {
    std::vector<SortKey> keys;
    for (const auto& key : clause.children) {
      SortKey k;
      k.key = expr(*key->children.at(0));
      k.descending = key->children.size() > 1;
      keys.push_back(std::move(k));
    }
    return keys;
  }

  ExprPtr query(const ParseNode& n) {
    Query q;
    std::size_t i = 0;
    if (n.is_type<g::collect_query>()) {
      q.kind = QueryKind::collect;
      q.projection = expr(*n.children.at(i++));
    } else {
      const ParseNode& kind = *n.children.at(i++);
      q.kind = kind.is_type<g::query_exists>()  ? QueryKind::exists
               : kind.is_type<g::query_count>() ? QueryKind::count
               : kind.is_type<g::query_first>() ? QueryKind::first
                                                : QueryKind::all;
    }
    const ParseNode& source = *n.children.at(i++);
    q.variable = name(*source.children.at(0));
    q.collection = expr(*source.children.at(1));
    if (source.children.size() > 2) q.where = expr(*source.children[2]->children.at(0));
    if (i < n.children.size()) q.sort = sort_keys(*n.children[i]);
    return make(token_span(n), std::move(q));
  }

  // ---- clauses ----

  ExprPtr optional_when(const ParseNode& n, std::size_t index) {
    if (index < n.children.size() && n.children[index]->is_type<g::when_clause>()) {
      return expr(*n.children[index]->children.at(0));
    }
    return nullptr;
  }

  Let let(const ParseNode& n) { return Let{name(*n.children.at(0)), expr(*n.children.at(1))}; }

  TextLine text_line(const ParseNode& n) {
    return TextLine{expr(*n.children.at(0)), optional_when(n, 1)};
  }

  Target target(const ParseNode& n) {
    Target t;
    if (n.is_type<g::target_complete>()) {
      t.kind = Target::Kind::complete;
      t.name = Name{"complete", token_span(n)};
      return t;
    }
    t.kind = n.is_type<g::target_start>() || n.is_type<g::link_starts>() ? Target::Kind::start_journey
             : n.is_type<g::link_opens>()                                 ? Target::Kind::open_view
                                                                          : Target::Kind::step;
    t.name = name(*n.children.at(0));
    if (n.children.size() > 1) t.with = expr(*n.children[1]->children.at(0));
    return t;
  }

  Link link(const ParseNode& n) {
    Link l;
    l.is_action = n.children.at(0)->is_type<g::action_keyword>();
    l.text = expr(*n.children.at(1));
    l.target = target(*n.children.at(2));
    l.when = optional_when(n, 3);
    l.span = token_span(n);
    return l;
  }

  // ---- declarations ----

  RecordDecl record(const ParseNode& n) {
    RecordDecl r;
    r.name = name(*n.children.at(0));
    r.span = span(n);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const ParseNode& item = *n.children[i];
      if (item.is_type<g::plural_clause>()) {
        r.plural = name(*item.children.at(0));
      } else if (item.is_type<g::key_clause>()) {
        r.keys.push_back(name(*item.children.at(0)));
      } else if (item.is_type<g::field_clause>()) {
        r.fields.push_back(FieldDecl{name(*item.children.at(0)), type_ref(*item.children.at(1)), nullptr});
      } else if (item.is_type<g::derived_clause>()) {
        r.fields.push_back(FieldDecl{name(*item.children.at(0)), type_ref(*item.children.at(1)),
                                     expr(*item.children.at(2))});
      } else if (item.is_type<g::open_when_clause>()) {
        r.open_when = expr(*item.children.at(0));
      } else if (item.is_type<g::status_block>()) {
        r.statuses.push_back(status_block(item));
      }
    }
    return r;
  }

  StatusDecl status_block(const ParseNode& n) {
    StatusDecl s;
    s.span = token_span(n);
    s.name = Name{"status", Span{file_, s.span.begin, s.span.begin + 6}};
    for (const auto& child : n.children) {
      if (child->is_type<g::name>()) {
        s.name = name(*child);  // status NAME
      } else if (child->is_type<g::status_from>()) {
        s.from = expr(*child->children.at(0));
      } else if (child->is_type<g::status_rule>()) {
        StatusRule rule;
        rule.code = name(*child->children.at(0));
        rule.label = expr(*child->children.at(1));
        for (std::size_t i = 2; i < child->children.size(); ++i) {
          const ParseNode& part = *child->children[i];
          if (part.is_type<g::status_because>()) rule.reason = name(*part.children.at(0));
          if (part.is_type<g::when_clause>()) rule.when = expr(*part.children.at(0));
        }
        s.rules.push_back(std::move(rule));
      }
    }
    return s;
  }

  ChoiceDecl choice(const ParseNode& n) {
    ChoiceDecl c;
    c.name = name(*n.children.at(0));
    c.span = span(n);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const ParseNode& v = *n.children[i];
      c.values.push_back(ChoiceValue{name(*v.children.at(0)), expr(*v.children.at(1))});
    }
    return c;
  }

  TypeDecl type_decl(const ParseNode& n) {
    TypeDecl t;
    t.name = name(*n.children.at(0));
    t.base = name(*n.children.at(1));
    t.span = span(n);
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const ParseNode& c = *n.children[i];
      TypeClause clause;
      clause.span = token_span(c);
      if (c.is_type<g::type_blank>() || c.is_type<g::type_invalid>()) {
        clause.kind = c.is_type<g::type_blank>() ? TypeClause::Kind::blank : TypeClause::Kind::invalid;
        clause.code = name(*c.children.at(0));
        clause.message = expr(*c.children.at(1));
      } else if (c.is_type<g::type_normalise>()) {
        clause.kind = TypeClause::Kind::normalise;
        clause.expr = expr(*c.children.at(0));
      } else {
        clause.kind = TypeClause::Kind::check;
        clause.expr = expr(*c.children.at(0));
        clause.code = name(*c.children.at(1));
        clause.message = expr(*c.children.at(2));
      }
      t.clauses.push_back(std::move(clause));
    }
    return t;
  }

  std::vector<Param> params(const ParseNode& list) {
    std::vector<Param> result;
    for (const auto& p : list.children) {
      result.push_back(Param{name(*p->children.at(0)), type_ref(*p->children.at(1))});
    }
    return result;
  }

  HookDecl hook(const ParseNode& n) {
    HookDecl h;
    h.name = name(*n.children.at(0));
    h.params = params(*n.children.at(1));
    h.result = type_ref(*n.children.at(2));
    const ParseNode& file = *n.children.at(3)->children.at(0);
    ExprPtr path = string_template(file);
    if (auto* t = std::get_if<Template>(&path->node); t && t->parts.size() == 1) {
      if (auto* s = std::get_if<std::string>(&t->parts[0])) h.file = *s;
    }
    h.file_span = path->span;
    h.span = span(n);
    return h;
  }

  RuleDecl rule(const ParseNode& n) {
    RuleDecl r;
    r.name = name(*n.children.at(0));
    r.params = params(*n.children.at(1));
    r.result = type_ref(*n.children.at(2));
    r.body = expr(*n.children.at(3));
    r.span = span(n);
    return r;
  }

  Ask ask(const ParseNode& n) {
    Ask a;
    a.span = token_span(n);
    a.answer = name(*n.children.at(0));
    std::size_t i = 1;
    if (n.children.at(i)->is_type<g::string_lit>()) a.label = expr(*n.children.at(i++));
    a.type = type_ref(*n.children.at(i++));
    for (; i < n.children.size(); ++i) {
      const ParseNode& c = *n.children[i];
      if (c.is_type<g::ask_options>()) {
        a.option_variable = name(*c.children.at(0));
        a.option_collection = expr(*c.children.at(1));
        if (c.children.size() > 2) a.option_where = expr(*c.children[2]->children.at(0));
      } else if (c.is_type<g::sort_clause>()) {
        a.option_sort = sort_keys(c);
      } else if (c.is_type<g::ask_value>()) {
        a.option_value = expr(*c.children.at(0));
      } else if (c.is_type<g::ask_label>()) {
        a.option_label = expr(*c.children.at(0));
      } else if (c.is_type<g::ask_hint>()) {
        a.option_hint = expr(*c.children.at(0));
      } else if (c.is_type<g::ask_fixed_option>()) {
        a.fixed_options.push_back(FixedOption{name(*c.children.at(0)), expr(*c.children.at(1))});
      } else if (c.is_type<g::ask_blank>()) {
        a.blank_message = expr(*c.children.at(0));
      } else if (c.is_type<g::ask_optional>()) {
        a.optional = true;
        a.optional_span = token_span(c);
      }
    }
    return a;
  }

  Check check(const ParseNode& n) {
    return Check{expr(*n.children.at(0)), name(*n.children.at(1)), expr(*n.children.at(2)), token_span(n)};
  }

  Step step(const ParseNode& n) {
    Step s;
    s.span = token_span(n);
    std::size_t i = 0;
    auto fixed_name = [&](std::string text, std::size_t length) {
      s.name = Name{std::move(text), Span{file_, s.span.begin, s.span.begin + static_cast<std::uint32_t>(length)}};
    };
    if (n.is_type<g::step_check_answers>()) {
      s.kind = StepKind::check_answers;
      fixed_name("check_answers", 13);
      if (n.children.at(0)->is_type<g::string_lit>()) s.title = expr(*n.children.at(i++));
    } else if (n.is_type<g::step_confirmation>()) {
      s.kind = StepKind::confirmation;
      fixed_name("confirmation", 12);
      s.title = expr(*n.children.at(i++));
    } else {
      s.kind = n.is_type<g::step_question>()       ? StepKind::question
               : n.is_type<g::step_interstitial>() ? StepKind::interstitial
                                                   : StepKind::outcome;
      s.name = name(*n.children.at(i++));
      s.title = expr(*n.children.at(i++));
    }
    for (; i < n.children.size(); ++i) {
      const ParseNode& c = *n.children[i];
      if (c.is_type<g::ask_question>()) s.asks.push_back(ask(c));
      else if (c.is_type<g::check_clause>()) s.checks.push_back(check(c));
      else if (c.is_type<g::let_clause>()) s.lets.push_back(let(c));
      else if (c.is_type<g::next_clause>()) {
        Next next;
        next.target = target(*c.children.at(0));
        next.when = optional_when(c, 1);
        next.span = token_span(c);
        s.nexts.push_back(std::move(next));
      } else if (c.is_type<g::text_clause>()) s.texts.push_back(text_line(c));
      else if (c.is_type<g::link_clause>()) s.links.push_back(link(c));
      else if (c.is_type<g::button_clause>()) s.button = expr(*c.children.at(0));
      else if (c.is_type<g::inset_clause>()) s.inset = expr(*c.children.at(0));
      else if (c.is_type<g::unchangeable_clause>()) {
        for (const auto& answer : c.children) s.unchangeable.push_back(name(*answer));
      } else if (c.is_type<g::step_end>() || c.is_type<g::outcome_end>()) {
        s.end_span = token_span(c);
      }
    }
    return s;
  }

  std::vector<Assignment> assignments(const ParseNode& n, std::size_t from) {
    std::vector<Assignment> result;
    for (std::size_t i = from; i < n.children.size(); ++i) {
      const ParseNode& a = *n.children[i];
      if (a.is_type<g::assignment>()) {
        result.push_back(Assignment{name(*a.children.at(0)), expr(*a.children.at(1))});
      }
    }
    return result;
  }

  EffectPtr effect(const ParseNode& n) {
    auto e = std::make_unique<Effect>();
    e->span = token_span(n);
    if (n.is_type<g::effect_create>()) {
      e->kind = Effect::Kind::create;
      e->record = name(*n.children.at(0));
      std::size_t i = 1;
      if (i < n.children.size() && n.children[i]->is_type<g::create_as>()) {
        e->binding = name(*n.children[i++]->children.at(0));
      }
      e->when = optional_when(n, i);
      e->assignments = assignments(n, i);
    } else if (n.is_type<g::effect_update>()) {
      e->kind = Effect::Kind::update;
      e->target = expr(*n.children.at(0));
      e->when = optional_when(n, 1);
      e->assignments = assignments(n, 1);
    } else if (n.is_type<g::effect_delete>()) {
      e->kind = Effect::Kind::remove;
      e->target = expr(*n.children.at(0));
      e->when = optional_when(n, 1);
    } else {
      e->kind = Effect::Kind::for_each;
      e->binding = name(*n.children.at(0));
      e->target = expr(*n.children.at(1));
      std::size_t i = 2;
      if (i < n.children.size() && n.children[i]->is_type<g::query_where>()) {
        e->when = expr(*n.children[i++]->children.at(0));
      }
      for (; i < n.children.size(); ++i) e->body.push_back(effect(*n.children[i]));
    }
    return e;
  }

  // journey and view share their header: NAME "title" for ACTOR [from RECORD]
  template <typename Decl>
  std::size_t header(const ParseNode& n, Decl& d) {
    d.name = name(*n.children.at(0));
    d.title = expr(*n.children.at(1));
    d.actor = name(*n.children.at(2)->children.at(0));
    std::size_t i = 3;
    if (i < n.children.size() && n.children[i]->is_type<g::from_record>()) {
      d.from = name(*n.children[i++]->children.at(0));
    }
    d.span = span(n);
    return i;
  }

  Journey journey(const ParseNode& n) {
    Journey j;
    std::size_t i = header(n, j);
    if (i < n.children.size() && n.children[i]->is_type<g::when_clause>()) {
      j.start_when = expr(*n.children[i++]->children.at(0));
    }
    for (; i < n.children.size(); ++i) {
      const ParseNode& item = *n.children[i];
      if (item.is_type<g::let_clause>()) {
        j.lets.push_back(let(item));
      } else if (item.is_type<g::on_complete>()) {
        j.on_complete_span = token_span(item);
        for (const auto& e : item.children) j.on_complete.push_back(effect(*e));
      } else {
        j.steps.push_back(step(item));
      }
    }
    return j;
  }

  View view(const ParseNode& n) {
    View v;
    std::size_t i = header(n, v);
    for (; i < n.children.size(); ++i) {
      const ParseNode& item = *n.children[i];
      if (item.is_type<g::let_clause>()) v.lets.push_back(let(item));
      else if (item.is_type<g::text_clause>()) v.texts.push_back(text_line(item));
      else if (item.is_type<g::link_clause>()) v.actions.push_back(link(item));
      else if (item.is_type<g::view_list>()) v.lists.push_back(view_list(item));
    }
    return v;
  }

  ViewList view_list(const ParseNode& n) {
    ViewList l;
    l.span = token_span(n);
    l.name = name(*n.children.at(0));
    l.variable = name(*n.children.at(1));
    l.collection = expr(*n.children.at(2));
    std::size_t i = 3;
    if (i < n.children.size() && n.children[i]->is_type<g::query_where>()) {
      l.where = expr(*n.children[i++]->children.at(0));
    }
    for (; i < n.children.size(); ++i) {
      const ParseNode& item = *n.children[i];
      if (item.is_type<g::sort_clause>()) l.sort = sort_keys(item);
      else if (item.is_type<g::list_status>()) l.status = expr(*item.children.at(0));
      else if (item.is_type<g::text_clause>()) l.texts.push_back(text_line(item));
      else if (item.is_type<g::link_clause>()) l.actions.push_back(link(item));
    }
    return l;
  }

  Declaration declaration(const ParseNode& n) {
    if (n.is_type<g::record_decl>()) return record(n);
    if (n.is_type<g::choice_decl>()) return choice(n);
    if (n.is_type<g::type_decl>()) return type_decl(n);
    if (n.is_type<g::hook_decl>()) return hook(n);
    if (n.is_type<g::rule_decl>()) return rule(n);
    if (n.is_type<g::journey_decl>()) return journey(n);
    return view(n);
  }

 private:
  FileId file_;
  const char* text_begin_;
  ExprId& next_id_;
  std::map<std::uint32_t, std::uint32_t> comment_ending_at_;  // comment end -> its '#'
};

}  // namespace

Declaration AstBuilder::declaration(const ParseNode& node) {
  Builder builder(file, text_begin, next_expr_id, comments);
  return builder.declaration(node);
}

}  // namespace ectflow::syntax
