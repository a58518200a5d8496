#include "check/suggest.hpp"

#include <algorithm>

namespace ectflow::check {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string>& candidates) {
  // A third of the name's length, at least one edit: close enough to be a typo, not a guess.
  const std::size_t limit = std::max<std::size_t>(1, wrong.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (candidate == wrong) continue;
    std::size_t distance = edit_distance(wrong, candidate);
    if (distance < best_distance || (distance == best_distance && best && candidate < *best)) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best_distance <= limit ? best : std::nullopt;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? "; did you mean `" + *suggestion + "`?" : "";
}

}  // namespace ectflow::check
