// Expressions dump as S-expressions, so precedence shows as structure, not as parentheses.
#include "syntax/dump_ast.hpp"

#include "syntax/print_expr.hpp"

namespace ectflow::syntax {
namespace {

const char* op_name(BinaryOp op) {
  constexpr const char* names[] = {"or", "and", "=",       "!=", "<", "<=", ">",
                                   ">=", "in",  "matches", "+",  "-", "*",  "/"};
  return names[static_cast<int>(op)];
}

std::string sexpr(const Expr* e);

std::string sexpr(const ExprPtr& e) {
  return sexpr(e.get());
}

std::string list(const std::string& head, const std::vector<ExprPtr>& items) {
  std::string out = "(" + head;
  for (const auto& item : items) out += " " + sexpr(item);
  return out + ")";
}

std::string sort_keys(const std::vector<SortKey>& keys) {
  std::string out = "(sort";
  for (const SortKey& k : keys)
    out += k.descending ? " (descending " + sexpr(k.key) + ")" : " " + sexpr(k.key);
  return out + ")";
}

struct ExprDumper {
  std::string operator()(const Literal& l) const {
    switch (l.kind) {
      case Literal::Kind::number:
        return "(number " + l.text + ")";
      case Literal::Kind::date:
        return "(date " + l.text + ")";
      case Literal::Kind::yes:
        return "yes";
      case Literal::Kind::no:
        return "no";
      case Literal::Kind::empty:
        return "empty";
      case Literal::Kind::today:
        return "today";
    }
    return "?";
  }
  std::string operator()(const Template& t) const {
    std::string out = "(string";
    for (const auto& part : t.parts) {
      if (auto* s = std::get_if<std::string>(&part))
        out += " \"" + escape_string_text(*s) + "\"";
      else
        out += " " + sexpr(std::get<ExprPtr>(part));
    }
    return out + ")";
  }
  std::string operator()(const Duration& d) const {
    const char* unit = d.unit == DateUnit::days     ? "days"
                       : d.unit == DateUnit::months ? "months"
                                                    : "years";
    return "(duration " + d.amount + " " + unit + ")";
  }
  std::string operator()(const NameRef& n) const { return n.name; }
  std::string operator()(const FieldAccess& f) const {
    return "(. " + sexpr(f.object) + " " + f.field.text + ")";
  }
  std::string operator()(const Call& c) const { return list("call " + c.callee.text, c.args); }
  std::string operator()(const Unary& u) const {
    return std::string(u.op == UnaryOp::not_ ? "(not " : "(negate ") + sexpr(u.operand) + ")";
  }
  std::string operator()(const Binary& b) const {
    return std::string("(") + op_name(b.op) + " " + sexpr(b.lhs) + " " + sexpr(b.rhs) + ")";
  }
  std::string operator()(const IsTest& t) const {
    const char* what = t.what == IsWhat::empty  ? "empty"
                       : t.what == IsWhat::open ? "open"
                                                : "asked";
    return std::string("(is") + (t.negated ? "-not-" : "-") + what + " " + sexpr(t.subject) + ")";
  }
  std::string operator()(const IfThenElse& i) const {
    return "(if " + sexpr(i.condition) + " " + sexpr(i.then_value) + " " + sexpr(i.else_value) +
           ")";
  }
  std::string operator()(const ListLiteral& l) const { return list("list", l.items); }
  std::string operator()(const Query& q) const {
    constexpr const char* kinds[] = {"exists", "count", "first", "all", "collect"};
    std::string out = std::string("(") + kinds[static_cast<int>(q.kind)];
    if (q.projection) out += " " + sexpr(q.projection);
    out += " " + q.variable.text + " " + sexpr(q.collection);
    if (q.where) out += " (where " + sexpr(q.where) + ")";
    if (!q.sort.empty()) out += " " + sort_keys(q.sort);
    return out + ")";
  }
};

std::string sexpr(const Expr* e) {
  return e ? std::visit(ExprDumper{}, e->node) : "-";
}

std::string name(const Name& n) {
  return n.empty() ? "-" : n.text;
}
std::string type(const TypeRef& t) {
  return (t.is_list ? "list-of " : "") + t.name.text;
}

// One line per clause, indented by nesting.
class Dumper {
 public:
  std::string out;

  void line(int depth, const std::string& text) {
    out += std::string(depth * 2, ' ') + text + "\n";
  }

  void params(int depth, const std::vector<Param>& ps) {
    for (const Param& p : ps) line(depth, "param " + p.name.text + " " + type(p.type));
  }
  void lets(int depth, const std::vector<Let>& ls) {
    for (const Let& l : ls) line(depth, "let " + l.name.text + " " + sexpr(l.value));
  }
  void texts(int depth, const std::vector<TextLine>& ts) {
    for (const TextLine& t : ts) line(depth, "text " + sexpr(t.text) + " when " + sexpr(t.when));
  }
  static std::string target(const Target& t) {
    constexpr const char* kinds[] = {"step", "complete", "start", "open"};
    return std::string(kinds[static_cast<int>(t.kind)]) + " " + t.name.text + " with " +
           sexpr(t.with);
  }
  void links(int depth, const std::vector<Link>& ls) {
    for (const Link& l : ls) {
      line(depth, std::string(l.is_action ? "action " : "link ") + sexpr(l.text) + " " +
                      target(l.target) + " when " + sexpr(l.when));
    }
  }

  void operator()(const RecordDecl& r) {
    line(0, "record " + r.name.text + " plural " + name(r.plural));
    for (const Name& k : r.keys) line(1, "key " + k.text);
    for (const FieldDecl& f : r.fields)
      line(1, "field " + f.name.text + " " + type(f.type) + " = " + sexpr(f.derived));
    line(1, "open-when " + sexpr(r.open_when));
    for (const StatusDecl& s : r.statuses) {
      line(1, "status " + s.name.text + " from " + sexpr(s.from));
      for (const StatusRule& rule : s.rules) {
        line(2, rule.code.text + " " + sexpr(rule.label) + " because " + name(rule.reason) +
                    " when " + sexpr(rule.when));
      }
    }
  }
  void operator()(const ChoiceDecl& c) {
    line(0, "choice " + c.name.text);
    for (const ChoiceValue& v : c.values) line(1, v.value.text + " " + sexpr(v.label));
  }
  void operator()(const TypeDecl& t) {
    line(0, "type " + t.name.text + " based-on " + t.base.text);
    constexpr const char* kinds[] = {"blank", "invalid", "normalise", "check"};
    for (const TypeClause& c : t.clauses) {
      line(1, std::string(kinds[static_cast<int>(c.kind)]) + " " + sexpr(c.expr) + " " +
                  name(c.code) + " " + sexpr(c.message));
    }
  }
  void operator()(const HookDecl& h) {
    line(0, "hook " + h.name.text + " returns " + type(h.result) + " in \"" +
                escape_string_text(h.file) + "\"");
    params(1, h.params);
  }
  void operator()(const RuleDecl& r) {
    line(0, "rule " + r.name.text + " as " + type(r.result) + " = " + sexpr(r.body));
    params(1, r.params);
  }
  void ask(int depth, const Ask& a) {
    line(depth, "ask " + a.answer.text + " " + sexpr(a.label) + " as " + type(a.type) +
                    (a.optional ? " optional" : ""));
    line(depth + 1, "options " + name(a.option_variable) + " in " + sexpr(a.option_collection) +
                        " where " + sexpr(a.option_where) + " " + sort_keys(a.option_sort));
    line(depth + 1, "value " + sexpr(a.option_value) + " label " + sexpr(a.option_label) +
                        " hint " + sexpr(a.option_hint) + " blank " + sexpr(a.blank_message));
    for (const FixedOption& o : a.fixed_options)
      line(depth + 1, "option " + o.value.text + " " + sexpr(o.label));
  }
  void step(const Step& s) {
    constexpr const char* kinds[] = {"step", "interstitial", "outcome", "check_answers",
                                     "confirmation"};
    line(1,
         std::string(kinds[static_cast<int>(s.kind)]) + " " + s.name.text + " " + sexpr(s.title));
    for (const Ask& a : s.asks) ask(2, a);
    for (const Check& c : s.checks)
      line(2, "check " + sexpr(c.condition) + " else " + c.code.text + " " + sexpr(c.message));
    lets(2, s.lets);
    texts(2, s.texts);
    links(2, s.links);
    line(2, "button " + sexpr(s.button) + " inset " + sexpr(s.inset));
    std::string unchangeable = "unchangeable";
    for (const Name& n : s.unchangeable) unchangeable += " " + n.text;
    line(2, unchangeable);
    for (const Next& n : s.nexts) line(2, "next " + target(n.target) + " when " + sexpr(n.when));
  }
  void effect(int depth, const Effect& e) {
    constexpr const char* kinds[] = {"create", "update", "delete", "for-each"};
    line(depth, std::string(kinds[static_cast<int>(e.kind)]) + " " + name(e.record) + " as " +
                    name(e.binding) + " target " + sexpr(e.target) + " when " + sexpr(e.when));
    for (const Assignment& a : e.assignments)
      line(depth + 1, a.field.text + " = " + sexpr(a.value));
    for (const EffectPtr& inner : e.body) effect(depth + 1, *inner);
  }
  void operator()(const Journey& j) {
    line(0, "journey " + j.name.text + " " + sexpr(j.title) + " for " + j.actor.text + " from " +
                name(j.from) + " when " + sexpr(j.start_when));
    lets(1, j.lets);
    for (const Step& s : j.steps) step(s);
    line(1, "on-complete");
    for (const EffectPtr& e : j.on_complete) effect(2, *e);
  }
  void operator()(const View& v) {
    line(0, "view " + v.name.text + " " + sexpr(v.title) + " for " + v.actor.text + " from " +
                name(v.from));
    lets(1, v.lets);
    texts(1, v.texts);
    links(1, v.actions);
    for (const ViewList& l : v.lists) {
      line(1, "list " + l.name.text + " " + l.variable.text + " in " + sexpr(l.collection) +
                  " where " + sexpr(l.where) + " " + sort_keys(l.sort) + " status " +
                  sexpr(l.status));
      texts(2, l.texts);
      links(2, l.actions);
    }
  }
};

}  // namespace

std::string dump_model(const FlowFile& file) {
  Dumper dumper;
  for (const Declaration& d : file.declarations) std::visit(dumper, d);
  return dumper.out;
}

}  // namespace ectflow::syntax
