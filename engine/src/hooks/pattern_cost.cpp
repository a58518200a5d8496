// Reads a Lua pattern the way lstrlib's matcher does, counting what can backtrack.
#include "hooks/pattern_cost.hpp"

#include <algorithm>

namespace ectflow::hooks {
namespace {

// Past a set "[...]" that starts at p[i], as lstrlib's classEnd skips it.
std::size_t skip_set(std::string_view p, std::size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  do {
    if (i >= p.size()) return p.size();  // malformed: Lua reports it
    if (p[i++] == '%' && i < p.size()) ++i;
  } while (i < p.size() && p[i] != ']');
  return std::min(i + 1, p.size());
}

bool is_quantifier(char c) {
  return c == '*' || c == '+' || c == '-' || c == '?';
}

}  // namespace

double pattern_worst_steps(std::string_view p, std::size_t subject_bytes, bool honour_anchor) {
  std::size_t i = 0;
  int choices = 1;  // the start position
  if (honour_anchor && !p.empty() && p[0] == '^') {
    choices = 0;
    i = 1;
  }
  std::size_t items = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '(' || c == ')' || (c == '$' && i + 1 == p.size())) {
      ++i;
      continue;
    }
    ++items;
    if (c == '%' && i + 1 < p.size()) {
      const char kind = p[i + 1];
      if (kind == 'b') {  // %bxy scans for the balance
        ++choices;
        i += 4;
        continue;
      }
      if (kind == 'f') {  // %f[set] looks at one position
        i += 2;
        if (i < p.size() && p[i] == '[') i = skip_set(p, i);
        continue;
      }
      if (kind >= '0' && kind <= '9') {  // a back-reference compares a capture
        ++choices;
        i += 2;
        continue;
      }
      i += 2;
    } else if (c == '[') {
      i = skip_set(p, i);
    } else {
      ++i;
    }
    if (i < p.size() && is_quantifier(p[i])) {
      ++choices;
      ++i;
    }
  }
  double steps = static_cast<double>(std::max<std::size_t>(items, 1));
  for (int k = 1; k <= choices; ++k) {
    steps = steps * static_cast<double>(subject_bytes + k) / k;
  }
  return steps;
}

double plain_find_worst_steps(std::size_t pattern_bytes, std::size_t subject_bytes) {
  return static_cast<double>(std::max<std::size_t>(pattern_bytes, 1)) *
         static_cast<double>(subject_bytes + 1);
}

}  // namespace ectflow::hooks
