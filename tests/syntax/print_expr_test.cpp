// print_expr over tricky expressions: the expected text, and parse → print keeps the tree.
#include "syntax/print_expr.hpp"

#include <gtest/gtest.h>

#include "syntax/dump_ast.hpp"
#include "syntax/parser.hpp"

namespace ectflow::syntax {
namespace {

struct ParsedRule {
  SourceSet sources;
  ParseResult result;
  const Expr& body() const { return *std::get<RuleDecl>(result.file.declarations.at(0)).body; }
};

// An expression parses as the body of a rule.
std::unique_ptr<ParsedRule> parse_expression(const std::string& text) {
  auto parsed = std::make_unique<ParsedRule>();
  FileId id = parsed->sources.add("expr.flow", "rule r() as text = " + text + "\n");
  ExprId next = 1;
  parsed->result = parse_flow(parsed->sources, id, next);
  for (const Diagnostic& d : parsed->result.diagnostics)
    ADD_FAILURE() << text << ": " << d.code << ": " << d.message;
  return parsed;
}

struct Case {
  const char* input;
  const char* canonical;
};
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.input;
}

class PrintExpr : public ::testing::TestWithParam<Case> {};

TEST_P(PrintExpr, PrintsCanonicallyAndReparsesToTheSameTree) {
  auto input = parse_expression(GetParam().input);
  ASSERT_EQ(input->result.file.declarations.size(), 1u);
  std::string printed = print_expr(input->body());
  EXPECT_EQ(printed, GetParam().canonical);

  auto reparsed = parse_expression(printed);
  ASSERT_EQ(reparsed->result.file.declarations.size(), 1u) << printed;
  EXPECT_EQ(print_expr(reparsed->body()), printed);
  EXPECT_EQ(dump_model(reparsed->result.file), dump_model(input->result.file));
}

INSTANTIATE_TEST_SUITE_P(
    Table, PrintExpr,
    ::testing::Values(
        // precedence and associativity
        Case{"a or b and c", "a or b and c"}, Case{"(a or b) and c", "(a or b) and c"},
        Case{"(a or b) or c", "a or b or c"}, Case{"a or (b or c)", "a or (b or c)"},
        Case{"a - (b - c)", "a - (b - c)"}, Case{"(a - b) - c", "a - b - c"},
        Case{"a / (b * c)", "a / (b * c)"}, Case{"(a / b) * c", "a / b * c"},
        Case{"a * (b + c)", "a * (b + c)"}, Case{"a+b*c", "a + b * c"},
        Case{"-(a + b)", "-(a + b)"}, Case{"-(-a)", "-(-a)"}, Case{"a * -b", "a * -b"},
        Case{"a - -b", "a - -b"}, Case{"-a.b", "-a.b"}, Case{"(-a).b", "(-a).b"}, Case{"-4", "-4"},
        Case{"not not a", "not not a"}, Case{"not (a and b)", "not (a and b)"},
        Case{"not a = b", "not a = b"}, Case{"(not a) = b", "(not a) = b"},
        Case{"(a = b) = c", "(a = b) = c"}, Case{"a = (b = c)", "a = (b = c)"},
        Case{"a != b + 1", "a != b + 1"}, Case{"a<=b", "a <= b"},
        Case{"a >= (b or c)", "a >= (b or c)"}, Case{"a in [1, 2]", "a in [1, 2]"},
        Case{"a matches \"[0-9]+\"", "a matches \"[0-9]+\""},
        // is tests
        Case{"a + b is empty", "a + b is empty"}, Case{"(a is empty) = yes", "(a is empty) = yes"},
        Case{"x is not open", "x is not open"}, Case{"x.y is asked", "x.y is asked"},
        Case{"(a or b) is empty", "(a or b) is empty"}, Case{"not x is empty", "not x is empty"},
        // if-then-else
        Case{"if a then b else c", "if a then b else c"},
        Case{"(if a then b else c) + 1", "(if a then b else c) + 1"},
        Case{"1 + (if a then b else c)", "1 + (if a then b else c)"},
        Case{"if (if a then b else c) then d else e", "if (if a then b else c) then d else e"},
        Case{"if a then (if b then c else d) else e", "if a then (if b then c else d) else e"},
        Case{"if a then b else if c then d else e", "if a then b else if c then d else e"},
        Case{"if a or b then 1 else 2", "if a or b then 1 else 2"},
        // queries
        Case{"(exists e in ects where e.a) and b", "(exists e in ects where e.a) and b"},
        Case{"b and exists e in ects where e.a", "b and exists e in ects where e.a"},
        Case{"(b and exists e in ects where e.a) or c", "b and (exists e in ects where e.a) or c"},
        Case{"not exists e in es where e.a", "not exists e in es where e.a"},
        Case{"(not exists e in es) and b", "not (exists e in es) and b"},
        Case{"(first c in cohorts where c.y = 1).start",
             "(first c in cohorts where c.y = 1).start"},
        Case{"count e in ects where e.x sort by e.a, e.b descending",
             "count e in ects where e.x sort by e.a, e.b descending"},
        Case{"first e in es sort by (if e.a then 1 else 2), e.b",
             "first e in es sort by (if e.a then 1 else 2), e.b"},
        Case{"first e in es sort by e.a ascending", "first e in es sort by e.a"},
        Case{"f((first e in es sort by e.a), b)", "f((first e in es sort by e.a), b)"},
        Case{"f(b, first e in es sort by e.a)", "f(b, first e in es sort by e.a)"},
        Case{"[(first e in es sort by e.a), 2]", "[(first e in es sort by e.a), 2]"},
        Case{"collect e.name for e in m.mentees", "collect e.name for e in m.mentees"},
        Case{"collect (if a then b else c) for e in es where e.x",
             "collect (if a then b else c) for e in es where e.x"},
        Case{"exists e in (first x in xs where x.a) where e.b",
             "exists e in (first x in xs where x.a) where e.b"},
        Case{"count e in (collect x for x in xs)", "count e in collect x for x in xs"},
        Case{"all e in es where (exists x in xs where x = e) sort by e.a",
             "all e in es where (exists x in xs where x = e) sort by e.a"},
        Case{"first e in es sort by (first x in xs sort by x.a), e.b",
             "first e in es sort by (first x in xs sort by x.a), e.b"},
        Case{"(count e in es) * 2 = 4", "(count e in es) * 2 = 4"},
        // literals, durations, calls, lists, names
        Case{"today - 1 day", "today - 1 day"}, Case{"today + 4 months", "today + 4 months"},
        Case{"1 years", "1 year"}, Case{"2 day", "2 days"}, Case{"1   month", "1 month"},
        Case{"2024-06-01", "2024-06-01"}, Case{"4.50", "4.50"}, Case{"x = empty", "x = empty"},
        Case{"yes != no", "yes != no"}, Case{"f()", "f()"}, Case{"[]", "[]"},
        Case{"pad_left( value ,7,\"0\" )", "pad_left(value, 7, \"0\")"},
        Case{"[1,[2]]", "[1, [2]]"}, Case{"e.mentor_id.name", "e.mentor_id.name"},
        Case{"((a))", "a"}, Case{"c.end", "c.end"},
        // strings and interpolation
        Case{R"("He said \"hi\" to {name}")", R"("He said \"hi\" to {name}")"},
        Case{R"("\{x\} back\\slash\nnew line")", R"("\{x\} back\\slash\nnew line")"},
        Case{R"("}")", R"("\}")"}, Case{R"("")", R"("")"},
        Case{R"("{a.b} and {if c then "x" else "y"}")", R"("{a.b} and {if c then "x" else "y"}")"},
        Case{R"("{ exists e in es where e.a }!")", R"("{exists e in es where e.a}!")"},
        Case{R"("{f("{g}")}")", R"("{f("{g}")}")"}));

TEST(PrintExprEnd, ParenthesisesWhatWouldSwallowFollowingText) {
  auto query = parse_expression("exists e in es where e.a");
  EXPECT_EQ(print_expr(query->body(), ExprEnd::more_follows), "(exists e in es where e.a)");
  auto tail = parse_expression("a and exists e in es");
  EXPECT_EQ(print_expr(tail->body(), ExprEnd::more_follows), "a and (exists e in es)");
  auto choice = parse_expression("if a then b else c");
  EXPECT_EQ(print_expr(choice->body(), ExprEnd::more_follows), "(if a then b else c)");
  auto plain = parse_expression("a and b");
  EXPECT_EQ(print_expr(plain->body(), ExprEnd::more_follows), "a and b");
}

}  // namespace
}  // namespace ectflow::syntax
