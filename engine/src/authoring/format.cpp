// Each declaration in canonical form: one clause per line, 2 spaces per block, grouped by kind.
#include "authoring/format.hpp"

#include "authoring/layout.hpp"
#include "syntax/print_expr.hpp"

namespace ectflow {
namespace {

using namespace syntax;

// An expression at the end of its line, and one with more of the clause after it.
std::string last(const ExprPtr& e) {
  return print_expr(*e);
}
std::string more(const ExprPtr& e) {
  return print_expr(*e, ExprEnd::more_follows);
}
std::string ending(const ExprPtr& e, bool more_follows) {
  return more_follows ? more(e) : last(e);
}
std::string when(const ExprPtr& e) {
  return e ? " when " + last(e) : "";
}

std::string type(const TypeRef& t) {
  return (t.is_list ? "list of " : "") + t.name.text;
}

std::string params(const std::vector<Param>& ps) {
  std::string out = "(";
  for (std::size_t i = 0; i < ps.size(); ++i) {
    out += (i > 0 ? ", " : "") + ps[i].name.text + " as " + type(ps[i].type);
  }
  return out + ")";
}

std::string with(const Target& t, bool more_follows) {
  return t.with ? " with " + ending(t.with, more_follows) : "";
}

// `link "Back" opens school with school when ...`
std::string link_text(const Link& l) {
  std::string out = (l.is_action ? "action " : "link ") + more(l.text);
  switch (l.target.kind) {
    case Target::Kind::step:
      out += " to " + l.target.name.text;
      break;
    case Target::Kind::start_journey:
      out += " starts " + l.target.name.text;
      break;
    case Target::Kind::open_view:
      out += " opens " + l.target.name.text;
      break;
    case Target::Kind::complete:
      out += " to complete";
      break;  // not in the grammar
  }
  return out + with(l.target, l.when != nullptr) + when(l.when);
}

std::string next_text(const Next& n) {
  std::string out = "next ";
  switch (n.target.kind) {
    case Target::Kind::complete:
      out += "complete";
      break;
    case Target::Kind::start_journey:
      out += "start " + n.target.name.text;
      break;
    default:
      out += n.target.name.text;
  }
  return out + with(n.target, n.when != nullptr) + when(n.when);
}

// `options e in ects where ...` and `list ects e in ects where ...` may be followed by a line
// starting `sort by`, which an unparenthesised query at the end of the line would take in.
std::string source_clause(const Name& variable, const ExprPtr& collection, const ExprPtr& where,
                          bool sort_follows) {
  std::string out = variable.text + " in " + ending(collection, where || sort_follows);
  return where ? out + " where " + ending(where, sort_follows) : out;
}

class Formatter {
 public:
  Formatter(std::string_view source, const std::vector<Comment>& comments)
      : out(source, comments) {}
  Layout out;

  void operator()(const RecordDecl& r) {
    out.line(0, r.span.begin,
             "record " + r.name.text + (r.plural.empty() ? "" : " plural " + r.plural.text), true);
    for (const Name& k : r.keys) out.line(1, k.span.begin, "key " + k.text);
    for (const FieldDecl& f : r.fields) {
      std::string text = (f.derived ? "derived " : "field ") + f.name.text + " as " + type(f.type);
      out.line(1, f.name.span.begin, f.derived ? text + " = " + last(f.derived) : text);
    }
    if (r.open_when) out.line(1, r.open_when->span.begin, "open when " + last(r.open_when));
    for (const StatusDecl& s : r.statuses) status(s);
    out.end(0, r.span);
  }

  void status(const StatusDecl& s) {
    // `status from X` would read `from` as the status's name, so the default name is spelled out.
    bool named = s.name.text != "status" || s.from;
    out.line(1, s.span.begin,
             "status" + (named ? " " + s.name.text : "") + (s.from ? " from " + last(s.from) : ""),
             true);
    for (const StatusRule& rule : s.rules) {
      std::string text =
          rule.code.text + " " + ending(rule.label, !rule.reason.empty() || rule.when);
      if (!rule.reason.empty()) text += " because " + rule.reason.text;
      out.line(2, rule.code.span.begin, text + when(rule.when));
    }
    out.end(1, s.span);
  }

  void operator()(const ChoiceDecl& c) {
    out.line(0, c.span.begin, "choice " + c.name.text, true);
    for (const ChoiceValue& v : c.values)
      out.line(1, v.value.span.begin, v.value.text + " " + last(v.label));
    out.end(0, c.span);
  }

  void operator()(const TypeDecl& t) {
    out.line(0, t.span.begin, "type " + t.name.text + " based on " + t.base.text, true);
    for (const TypeClause& c : t.clauses) {
      switch (c.kind) {
        case TypeClause::Kind::blank:
          out.line(1, c.span.begin, "blank " + c.code.text + " " + last(c.message));
          break;
        case TypeClause::Kind::invalid:
          out.line(1, c.span.begin, "invalid " + c.code.text + " " + last(c.message));
          break;
        case TypeClause::Kind::normalise:
          out.line(1, c.span.begin, "normalise " + last(c.expr));
          break;
        case TypeClause::Kind::check:
          out.line(1, c.span.begin, check_text(c.expr, c.code, c.message));
          break;
      }
    }
    out.end(0, t.span);
  }

  static std::string check_text(const ExprPtr& condition, const Name& code,
                                const ExprPtr& message) {
    return "check " + more(condition) + " else " + code.text + " " + last(message);
  }

  void operator()(const HookDecl& h) {
    out.line(0, h.span.begin,
             "hook " + h.name.text + params(h.params) + " returns " + type(h.result) + " in \"" +
                 escape_string_text(h.file) + "\"");
  }

  void operator()(const RuleDecl& r) {
    out.line(
        0, r.span.begin,
        "rule " + r.name.text + params(r.params) + " as " + type(r.result) + " = " + last(r.body));
  }

  void lets(int depth, const std::vector<Let>& ls) {
    for (const Let& l : ls)
      out.line(depth, l.name.span.begin, "let " + l.name.text + " = " + last(l.value));
  }
  void texts(int depth, const std::vector<TextLine>& ts) {
    for (const TextLine& t : ts)
      out.line(depth, t.text->span.begin,
               "text " + ending(t.text, t.when != nullptr) + when(t.when));
  }
  void links(int depth, const std::vector<Link>& ls) {
    for (const Link& l : ls) out.line(depth, l.span.begin, link_text(l));
  }

  void operator()(const Journey& j) {
    std::string head = "journey " + j.name.text + " " + more(j.title) + " for " + j.actor.text;
    if (!j.from.empty()) head += " from " + j.from.text;
    out.line(0, j.span.begin, head + when(j.start_when), true);
    lets(1, j.lets);
    for (const Step& s : j.steps) {
      out.blank();
      step(s);
    }
    if (!j.on_complete.empty() || j.on_complete_span.end > j.on_complete_span.begin) {
      out.blank();
      out.line(1, j.on_complete_span.begin, "on complete", true);
      for (const EffectPtr& e : j.on_complete) effect(2, *e);
      out.end(1, j.on_complete_span);
    }
    out.end(0, j.span);
  }

  void step(const Step& s) {
    std::string head;
    switch (s.kind) {
      case StepKind::question:
        head = "step " + s.name.text;
        break;
      case StepKind::interstitial:
        head = "interstitial " + s.name.text;
        break;
      case StepKind::outcome:
        head = "outcome " + s.name.text;
        break;
      case StepKind::check_answers:
        head = "check_answers";
        break;
      case StepKind::confirmation:
        head = "confirmation";
        break;
    }
    out.line(1, s.span.begin, s.title ? head + " " + last(s.title) : head, true);
    for (const Ask& a : s.asks) ask(a);
    for (const Check& c : s.checks)
      out.line(2, c.span.begin, check_text(c.condition, c.code, c.message));
    lets(2, s.lets);
    texts(2, s.texts);
    links(2, s.links);
    if (s.inset) out.line(2, s.inset->span.begin, "inset " + last(s.inset));
    if (s.button) out.line(2, s.button->span.begin, "button " + last(s.button));
    if (!s.unchangeable.empty()) {
      std::string text = "unchangeable ";
      for (std::size_t i = 0; i < s.unchangeable.size(); ++i)
        text += (i > 0 ? ", " : "") + s.unchangeable[i].text;
      out.line(2, s.unchangeable.front().span.begin, text);
    }
    for (const Next& n : s.nexts) out.line(2, n.span.begin, next_text(n));
    out.end_at(1, s.end_span.begin);
  }

  void ask(const Ask& a) {
    std::string head =
        "ask " + a.answer.text + (a.label ? " " + more(a.label) : "") + " as " + type(a.type);
    out.line(2, a.span.begin, head);
    if (a.option_collection) {
      out.line(3, a.option_variable.span.begin,
               "options " + source_clause(a.option_variable, a.option_collection, a.option_where,
                                          !a.option_sort.empty()));
    }
    if (!a.option_sort.empty())
      out.line(3, a.option_sort.front().key->span.begin,
               "sort by " + print_sort_keys(a.option_sort));
    if (a.option_value) out.line(3, a.option_value->span.begin, "value " + last(a.option_value));
    if (a.option_label) out.line(3, a.option_label->span.begin, "label " + last(a.option_label));
    if (a.option_hint) out.line(3, a.option_hint->span.begin, "hint " + last(a.option_hint));
    for (const FixedOption& o : a.fixed_options)
      out.line(3, o.value.span.begin, "option " + o.value.text + " " + last(o.label));
    if (a.blank_message) out.line(3, a.blank_message->span.begin, "blank " + last(a.blank_message));
    if (a.optional) out.line(3, a.optional_span.begin, "optional");
  }

  void effect(int depth, const Effect& e) {
    switch (e.kind) {
      case Effect::Kind::create: {
        std::string head =
            "create " + e.record.text + (e.binding.empty() ? "" : " as " + e.binding.text);
        out.line(depth, e.span.begin, head + when(e.when), true);
        break;
      }
      case Effect::Kind::update:
        out.line(depth, e.span.begin,
                 "update " + ending(e.target, e.when != nullptr) + when(e.when), true);
        break;
      case Effect::Kind::remove:
        out.line(depth, e.span.begin,
                 "delete " + ending(e.target, e.when != nullptr) + when(e.when));
        return;
      case Effect::Kind::for_each:
        out.line(depth, e.span.begin,
                 "for each " + source_clause(e.binding, e.target, e.when, false), true);
        break;
    }
    for (const Assignment& a : e.assignments)
      out.line(depth + 1, a.field.span.begin, a.field.text + " = " + last(a.value));
    for (const EffectPtr& inner : e.body) effect(depth + 1, *inner);
    out.end(depth, e.span);
  }

  void operator()(const View& v) {
    std::string head = "view " + v.name.text + " " + more(v.title) + " for " + v.actor.text;
    out.line(0, v.span.begin, v.from.empty() ? head : head + " from " + v.from.text, true);
    lets(1, v.lets);
    texts(1, v.texts);
    links(1, v.actions);
    for (const ViewList& l : v.lists) {
      out.blank();
      out.line(1, l.span.begin,
               "list " + l.name.text + " " +
                   source_clause(l.variable, l.collection, l.where, !l.sort.empty()),
               true);
      if (!l.sort.empty())
        out.line(2, l.sort.front().key->span.begin, "sort by " + print_sort_keys(l.sort));
      if (l.status) out.line(2, l.status->span.begin, "status " + last(l.status));
      texts(2, l.texts);
      links(2, l.actions);
      out.end(1, l.span);
    }
    out.end(0, v.span);
  }
};

}  // namespace

std::string format_flow(const syntax::FlowFile& file, std::string_view source_text) {
  Formatter formatter(source_text, file.comments);
  for (const syntax::Declaration& d : file.declarations) {
    formatter.out.blank();
    std::visit(formatter, d);
  }
  return formatter.out.render();
}

}  // namespace ectflow
