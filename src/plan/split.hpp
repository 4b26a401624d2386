// The train/validation split of one group's labeled rows. Seeded by the run's seed and the
// group's key only, so a group's split never depends on which other groups exist or in what
// order they run. The rule, which bench/reference/split.py reproduces:
//   rng = SplitMix64(seed ^ hash_key(key)); Fisher-Yates over the labeled rows in table order,
//   for i from n-1 down to 1: j = rng.next() % (i + 1), swap(rows[i], rows[j]);
//   the first round(n * fraction) rows (at least 1, at most n - 1) are validation, the rest
//   train; both are then sorted back into table order.
#pragma once

#include <cstdint>
#include <vector>

#include "plan/grouping.hpp"

namespace groupfit {

struct Split {
  std::vector<std::uint32_t> train;
  std::vector<std::uint32_t> valid;
};

// `labeled` in ascending order; needs at least 2 rows.
Split split_rows(const std::vector<std::uint32_t>& labeled, double valid_fraction,
                 std::uint64_t seed, const GroupKey& key);

}  // namespace groupfit
