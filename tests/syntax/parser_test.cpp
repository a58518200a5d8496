// The parser against tables of accepted and rejected inputs.
#include <gtest/gtest.h>

#include "syntax/parser.hpp"

namespace ectflow::syntax {
namespace {

struct Parsed {
  SourceSet sources;
  ParseResult result;
};

Parsed parse(std::string text) {
  Parsed p;
  FileId id = p.sources.add("test.flow", std::move(text));
  ExprId next = 1;
  p.result = parse_flow(p.sources, id, next);
  return p;
}

std::string first_code(const Parsed& p) {
  return p.result.diagnostics.empty() ? "" : p.result.diagnostics.front().code;
}

TEST(Parser, AcceptsAJourney) {
  auto p = parse(R"(# a comment
journey assign_ect_to_mentor "Assign an ECT to this mentor" for school from mentor
  step choose_ect "Who would you like to assign to {mentor.name}?"
    ask ect_id as ect
      options e in ects where e.school_id = school.urn and e is open and e.mentor_id != mentor.id
      sort by e.mentor_id is not empty, e.name
      label e.name
      hint if e.mentor_id is empty then "Not currently being mentored" else "Currently mentored by {e.mentor_id.name}"
      blank "Select an ECT"
    next check_answers
  end
  check_answers "Check your answers"
    inset "{mentor.name} will mentor {ect_id.name}"
  end
  on complete
    for each old in mentorships where old.ect_id = ect_id and old is open
      delete old when old.started_on = today
      update old when old.started_on < today
        finished_on = today - 1 day
      end
    end
    create mentorship
      ect_id = ect_id
      mentor_id = mentor.id
      started_on = today
    end
  end
  confirmation "{mentor.name} has been assigned to {ect_id.name}"
  end
end
)");
  for (const auto& d : p.result.diagnostics) ADD_FAILURE() << d.code << ": " << d.message << " at " << d.span.begin;
  ASSERT_EQ(p.result.file.declarations.size(), 1u);
  const auto& j = std::get<Journey>(p.result.file.declarations[0]);
  EXPECT_EQ(j.name.text, "assign_ect_to_mentor");
  EXPECT_EQ(j.actor.text, "school");
  EXPECT_EQ(j.from.text, "mentor");
  ASSERT_EQ(j.steps.size(), 3u);
  EXPECT_EQ(j.steps[0].name.text, "choose_ect");
  EXPECT_EQ(j.steps[1].kind, StepKind::check_answers);
  EXPECT_EQ(j.steps[2].kind, StepKind::confirmation);
  EXPECT_EQ(j.on_complete.size(), 2u);
  EXPECT_EQ(j.steps[0].asks.at(0).option_sort.size(), 2u);
  EXPECT_EQ(p.result.file.comments.size(), 1u);
}

struct Rejected {
  const char* text;
  const char* code;
};

class ParserRejects : public ::testing::TestWithParam<Rejected> {};

TEST_P(ParserRejects, WithCode) {
  auto p = parse(GetParam().text);
  EXPECT_EQ(first_code(p), GetParam().code) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParserRejects,
    ::testing::Values(Rejected{"journey x \"X\" for school\n  step a \"A\"\n", "expected-end"},
                      Rejected{"journey \"X\" for school\nend\n", "expected-name"},
                      Rejected{"journey x \"X\" for school\n  step a \"A\n  end\nend\n", "unterminated-text"},
                      Rejected{"journey x \"X\" for school\n  step a \"A\"\n    next b when (a = 1\n  end\nend\n", "unclosed-bracket"},
                      Rejected{"hello\n", "expected-declaration"},
                      Rejected{"record r\nend\nextra\n", "unexpected-text"},
                      Rejected{"", "empty-file"},
                      Rejected{"record r\x01\n", "binary-file"},
                      Rejected{"record r\n  field a as text\nend\n# \xff\n", "not-utf8"},
                      Rejected{"rule r() as number = 1 +\n", "expected-expression"}));

TEST(Parser, KeepsGoingAfterAnError) {
  auto p = parse("record a\n  field x as\nend\nrecord b\n  fild y as text\nend\nrecord c\nend\n");
  ASSERT_EQ(p.result.diagnostics.size(), 2u);
  EXPECT_EQ(p.result.file.declarations.size(), 1u);
}

TEST(Parser, UnnamedStatusFromAHook) {
  auto p = parse("record mentor\n  field id as text\n  status from funding(id)\n  end\nend\n");
  ASSERT_TRUE(p.result.diagnostics.empty()) << p.result.diagnostics.front().message;
  const auto& record = std::get<RecordDecl>(p.result.file.declarations.at(0));
  EXPECT_EQ(record.statuses.at(0).name.text, "status");
  EXPECT_NE(record.statuses.at(0).from, nullptr);
}

// A '#' inside a string inside an interpolation is text, not a comment.
TEST(Parser, HashInsideInterpolatedStringsIsNotAComment) {
  auto p = parse("rule r(t as text) as text = \"{join([t, \"#\"], \"\")} # done\" # real comment\n");
  ASSERT_TRUE(p.result.diagnostics.empty()) << p.result.diagnostics.front().message;
  ASSERT_EQ(p.result.file.comments.size(), 1u);
  EXPECT_EQ(p.result.file.comments[0].text, "# real comment");
}

TEST(Parser, LimitsNesting) {
  std::string deep = "rule r() as number = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n";
  auto p = parse(deep);
  EXPECT_EQ(first_code(p), "nesting-too-deep");
}

TEST(Parser, RejectsOversizedFiles) {
  std::string big = "record r\nend\n" + std::string(2 * 1024 * 1024, '#');
  auto p = parse(big);
  EXPECT_EQ(first_code(p), "file-too-large");
}

}  // namespace
}  // namespace ectflow::syntax
