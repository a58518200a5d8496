// Each operand is printed with the lowest precedence it may have without parentheses.
#include "syntax/print_expr.hpp"

namespace ectflow::syntax {
namespace {

enum Precedence { kIf, kOr, kAnd, kNot, kCompare, kSum, kProduct, kNegate, kPostfix, kPrimary };

Precedence precedence_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::or_:
      return kOr;
    case BinaryOp::and_:
      return kAnd;
    case BinaryOp::add:
    case BinaryOp::sub:
      return kSum;
    case BinaryOp::mul:
    case BinaryOp::div:
      return kProduct;
    default:
      return kCompare;
  }
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::or_:
      return "or";
    case BinaryOp::and_:
      return "and";
    case BinaryOp::eq:
      return "=";
    case BinaryOp::ne:
      return "!=";
    case BinaryOp::lt:
      return "<";
    case BinaryOp::le:
      return "<=";
    case BinaryOp::gt:
      return ">";
    case BinaryOp::ge:
      return ">=";
    case BinaryOp::in:
      return "in";
    case BinaryOp::matches:
      return "matches";
    case BinaryOp::add:
      return "+";
    case BinaryOp::sub:
      return "-";
    case BinaryOp::mul:
      return "*";
    case BinaryOp::div:
      return "/";
  }
  return "?";
}

const char* spelling(QueryKind kind) {
  switch (kind) {
    case QueryKind::exists:
      return "exists";
    case QueryKind::count:
      return "count";
    case QueryKind::first:
      return "first";
    case QueryKind::all:
      return "all";
    case QueryKind::collect:
      return "collect";
  }
  return "?";
}

Precedence precedence_of(const Expr& e) {
  if (auto* b = std::get_if<Binary>(&e.node)) return precedence_of(b->op);
  if (auto* u = std::get_if<Unary>(&e.node)) return u->op == UnaryOp::not_ ? kNot : kNegate;
  if (std::holds_alternative<IsTest>(e.node)) return kCompare;
  if (std::holds_alternative<IfThenElse>(e.node)) return kIf;
  if (std::holds_alternative<FieldAccess>(e.node)) return kPostfix;
  return kPrimary;
}

// Queries and if-then-else end in an expression that takes in whatever text follows.
bool swallows_what_follows(const Expr& e) {
  return std::holds_alternative<Query>(e.node) || std::holds_alternative<IfThenElse>(e.node);
}

class Printer {
 public:
  std::string out;

  // `closed`: more text follows, so the expression must not end in an open query or if.
  void expr(const Expr& e, Precedence lowest, bool closed) {
    if (precedence_of(e) < lowest || (closed && swallows_what_follows(e))) {
      out += '(';
      body(e, false);
      out += ')';
    } else {
      body(e, closed);
    }
  }

 private:
  void body(const Expr& e, bool closed) {
    std::visit([&](const auto& node) { print(node, closed); }, e.node);
  }

  void print(const Literal& l, bool) {
    switch (l.kind) {
      case Literal::Kind::yes:
        out += "yes";
        break;
      case Literal::Kind::no:
        out += "no";
        break;
      case Literal::Kind::empty:
        out += "empty";
        break;
      case Literal::Kind::today:
        out += "today";
        break;
      default:
        out += l.text;
    }
  }
  void print(const Template& t, bool) {
    out += '"';
    for (const auto& part : t.parts) {
      if (auto* text = std::get_if<std::string>(&part)) {
        out += escape_string_text(*text);
      } else {
        out += '{';
        expr(*std::get<ExprPtr>(part), kIf, false);
        out += '}';
      }
    }
    out += '"';
  }
  void print(const Duration& d, bool) {
    bool one = d.amount == "1";
    out += d.amount;
    out += d.unit == DateUnit::days     ? (one ? " day" : " days")
           : d.unit == DateUnit::months ? (one ? " month" : " months")
                                        : (one ? " year" : " years");
  }
  void print(const NameRef& n, bool) { out += n.name; }
  void print(const FieldAccess& f, bool) {
    expr(*f.object, kPostfix, true);
    out += '.';
    out += f.field.text;
  }
  void items(const std::vector<ExprPtr>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += ", ";
      expr(*list[i], kIf, i + 1 < list.size());  // a comma would extend a query's `sort by`
    }
  }
  void print(const Call& c, bool) {
    out += c.callee.text;
    out += '(';
    items(c.args);
    out += ')';
  }
  void print(const ListLiteral& l, bool) {
    out += '[';
    items(l.items);
    out += ']';
  }
  void print(const Unary& u, bool closed) {
    if (u.op == UnaryOp::not_) {
      out += "not ";
      expr(*u.operand, kNot, closed);
    } else {
      out += '-';
      expr(*u.operand, kPostfix, closed);
    }
  }
  void print(const Binary& b, bool closed) {
    Precedence p = precedence_of(b.op);
    // Comparisons do not chain; the others are left-associative.
    Precedence left = p == kCompare ? kSum : p;
    Precedence right = p == kCompare ? kSum : static_cast<Precedence>(p + 1);
    expr(*b.lhs, left, true);
    out += ' ';
    out += spelling(b.op);
    out += ' ';
    expr(*b.rhs, right, closed);
  }
  void print(const IsTest& t, bool) {
    expr(*t.subject, kSum, true);
    out += t.negated ? " is not " : " is ";
    out += t.what == IsWhat::empty ? "empty" : t.what == IsWhat::open ? "open" : "asked";
  }
  void print(const IfThenElse& i, bool closed) {
    out += "if ";
    expr(*i.condition, kIf, true);
    out += " then ";
    expr(*i.then_value, kIf, true);
    out += " else ";
    expr(*i.else_value, kIf, closed);
  }
  void print(const Query& q, bool closed) {
    out += spelling(q.kind);
    out += ' ';
    if (q.kind == QueryKind::collect) {
      expr(*q.projection, kIf, true);
      out += " for ";
    }
    out += q.variable.text;
    out += " in ";
    expr(*q.collection, kIf, closed || q.where || !q.sort.empty());
    if (q.where) {
      out += " where ";
      expr(*q.where, kIf, closed || !q.sort.empty());
    }
    if (!q.sort.empty()) {
      out += " sort by ";
      sort_keys(q.sort, closed);
    }
  }

 public:
  void sort_keys(const std::vector<SortKey>& keys, bool closed) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i > 0) out += ", ";
      bool last = i + 1 == keys.size();
      expr(*keys[i].key, kIf, closed || !last || keys[i].descending);
      if (keys[i].descending) out += " descending";
    }
  }
};

}  // namespace

std::string print_expr(const Expr& expr, ExprEnd end) {
  Printer printer;
  printer.expr(expr, kIf, end == ExprEnd::more_follows);
  return printer.out;
}

std::string print_sort_keys(const std::vector<SortKey>& keys, ExprEnd end) {
  Printer printer;
  printer.sort_keys(keys, end == ExprEnd::more_follows);
  return printer.out;
}

std::string escape_string_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '{':
        out += "\\{";
        break;
      case '}':
        out += "\\}";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace ectflow::syntax
