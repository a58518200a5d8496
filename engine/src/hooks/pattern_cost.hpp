// The worst case of a Lua pattern search, estimated before it runs: the search runs in C, out of
// reach of the instruction budget, and backtracks.
#pragma once

#include <cstddef>
#include <string_view>

namespace ectflow::hooks {

// An upper estimate of the steps string.find/match/gmatch/gsub take for `pattern` on a subject
// of `subject_bytes` bytes. Each item that chooses how much of the subject it takes (x*, x+,
// x-, x?, %bxy, a back-reference %1) and, unless the pattern is anchored, the start position
// share the subject: C(n + k, k) ways for k of them, times the items tried at each. gmatch
// does not take a leading '^' as an anchor (`honour_anchor` false).
double pattern_worst_steps(std::string_view pattern, std::size_t subject_bytes, bool honour_anchor);

// The same for a plain search (string.find with `plain`): each start compares the pattern.
double plain_find_worst_steps(std::size_t pattern_bytes, std::size_t subject_bytes);

}  // namespace ectflow::hooks
