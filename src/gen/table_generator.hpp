// Writes a synthetic table shaped like the reference workload: an id column
// (SamplingOperations_code), a group column (Region) with skewed group sizes and a few empty
// values, a numeric target (IBD) empty in ~10% of rows, six numeric features with missing values
// and two text features. The target is a different learnable function in each region, so trained
// models have something to find. The same seed gives the same bytes on any platform, and the
// table is streamed in constant memory at any size: it is what demos, tests and benchmarks train
// on, since the reference data cannot be shipped.
#pragma once

#include <cstddef>
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

// Writes the header `SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,
// year,month,habitat,substrate` and `options.rows` rows. No field ever needs quoting. With the
// same seed and shape, a longer table starts with the rows of a shorter one, and the fractions
// change only which fields are blanked, never the values. Throws InputError for options that
// make no table (no rows, no groups, a skew or fraction out of range) and OutputError when
// `out` fails.
void generate_table(std::ostream& out, const GeneratorOptions& options);

}  // namespace groupfit
