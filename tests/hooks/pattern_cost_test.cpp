// The worst-case estimate for Lua pattern searches: what backtracks, and what does not.
#include "hooks/pattern_cost.hpp"

#include <gtest/gtest.h>

namespace ectflow::hooks {
namespace {

// C(n + k, k)
double ways(double n, int k) {
  double total = 1;
  for (int i = 1; i <= k; ++i) total = total * (n + i) / i;
  return total;
}

struct CostCase {
  const char* pattern;
  bool honour_anchor;
  double items;  // tried at each step
  int choices;   // start position and repetitions
};

std::ostream& operator<<(std::ostream& out, const CostCase& c) {
  return out << c.pattern;
}

class PatternCost : public ::testing::TestWithParam<CostCase> {};

TEST_P(PatternCost, CountsWhatBacktracks) {
  const CostCase& c = GetParam();
  for (std::size_t n : {0u, 10u, 1000u}) {
    EXPECT_DOUBLE_EQ(pattern_worst_steps(c.pattern, n, c.honour_anchor),
                     c.items * ways(n, c.choices))
        << "subject of " << n << " bytes";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PatternCost,
    ::testing::Values(CostCase{"abc", true, 3, 1},                        // literal: each start
                      CostCase{"^(%d%d%d%d)-(%d%d)-%d%d$", true, 10, 0},  // anchored, no repetition
                      CostCase{"^abc", false, 4, 1},         // gmatch: '^' is a character
                      CostCase{"%s+", true, 1, 2},           //
                      CostCase{".-.-b", true, 3, 3},         //
                      CostCase{"^%s*(.-)%s*$", true, 3, 3},  // trim
                      CostCase{"[%]a-z]*x", true, 2, 2},     // a set with an escaped ]
                      CostCase{"[^-]?", true, 1, 2},         //
                      CostCase{"%b()", true, 1, 2},          // balance scans
                      CostCase{"(a*)%1", true, 2, 3},        // back-reference compares
                      CostCase{"%f[%w]%w+", true, 2, 2},     // frontier looks once
                      CostCase{"()a)-", true, 2, 1},         // '-' after ')' is literal
                      CostCase{"", true, 1, 1}));

TEST(PatternCost, MalformedPatternsAreReadToTheirEnd) {
  for (const char* pattern : {"[abc", "%", "[%", "%b(", "%f", "a%"}) {
    EXPECT_GE(pattern_worst_steps(pattern, 100, true), 1.0) << pattern;
  }
}

TEST(PatternCost, PlainFind) {
  EXPECT_DOUBLE_EQ(plain_find_worst_steps(3, 99), 300.0);
}

}  // namespace
}  // namespace ectflow::hooks
