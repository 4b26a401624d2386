// Writes a synthetic table shaped like the reference workload: an id column
// (SamplingOperations_code), a group column (Region) with skewed group sizes and a few missing
// values, a numeric target (IBD) empty in ~10% of rows, numeric features with missing values and
// two text features. The target is a different learnable function in each region, so trained
// models have something to find. Deterministic for a seed on any platform, streamed in
// constant memory at any size — what demos, tests and benchmarks train on.
#pragma once

#include <cstdint>
#include <ostream>

namespace groupfit {

struct GeneratorOptions {
  std::uint64_t rows = 100000;
  std::uint64_t seed = 42;
  std::size_t groups = 12;           // regions, besides the rows with no region
  double skew = 1.0;                 // 0: equal sizes; 1: largest ~300x the smallest (12 groups)
  double unlabeled_fraction = 0.10;  // rows with an empty target
  double missing_group_fraction = 0.002;  // rows with an empty region
};

// Throws InputError for options that make no table (no rows, no groups, a fraction outside
// [0, 1]).
void generate_table(std::ostream& out, const GeneratorOptions& options);

}  // namespace groupfit
