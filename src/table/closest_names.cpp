// closest_names: see closest_names.hpp.
#include "table/closest_names.hpp"

#include <algorithm>
#include <cctype>

namespace groupfit {
namespace {

std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::vector<std::string> closest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_count) {
  const std::size_t limit = std::max<std::size_t>(2, (name.size() + 1) / 2);
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, candidate index
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t d = distance(name, candidates[i]);
    if (d <= limit) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() == max_count) break;
    out.push_back(candidates[i]);
  }
  return out;
}

}  // namespace groupfit
