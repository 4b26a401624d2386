// split_rows: see split.hpp for the rule.
#include "plan/split.hpp"

#include <algorithm>
#include <cmath>

#include "base/split_mix.hpp"

namespace groupfit {

Split split_rows(const std::vector<std::uint32_t>& labeled, double valid_fraction,
                 std::uint64_t seed, const GroupKey& key) {
  std::vector<std::uint32_t> rows = labeled;
  SplitMix64 rng(seed ^ hash_key(key));
  for (std::size_t i = rows.size(); i > 1; --i) {
    std::size_t j = rng.next() % i;
    std::swap(rows[i - 1], rows[j]);
  }
  const std::size_t n = rows.size();
  auto n_valid = static_cast<std::size_t>(std::llround(static_cast<double>(n) * valid_fraction));
  n_valid = std::clamp<std::size_t>(n_valid, 1, n > 1 ? n - 1 : 1);
  Split split;
  split.valid.assign(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n_valid));
  split.train.assign(rows.begin() + static_cast<std::ptrdiff_t>(n_valid), rows.end());
  std::sort(split.valid.begin(), split.valid.end());
  std::sort(split.train.begin(), split.train.end());
  return split;
}

}  // namespace groupfit
