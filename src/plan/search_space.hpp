// The candidates of a tuning run: a search space (--search name=v1,v2 repeated, or a JSON file)
// turned into booster parameter sets. Each dimension is named as --param names a parameter
// (CatBoost's names are mapped), and each candidate is checked as a whole by the same rules as
// --param, so a bad value is refused before anything trains. The grid's order is the
// dimensions' order with the first changing slowest; --search-trials N draws N of it with the
// run's seed (SplitMix64, so any language can redraw it) and keeps them in grid order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"

namespace groupfit {

struct SearchDimension {
  std::string name;                 // as the user spelled it (metrics.csv's column)
  std::vector<std::string> values;  // as given
};

struct Candidate {
  std::vector<std::string> values;             // one per dimension, as given
  std::map<std::string, std::string> booster;  // what replaces the run's parameters
};

// The dimensions of --search and --search-file, in the order given (the file's after the
// flags'). Throws InputError for a malformed entry, an empty or repeated dimension, a file that
// cannot be read or is not {"name": [values...]}.
std::vector<SearchDimension> parse_search_space(const TuningOptions& options);

// Every candidate (or `trials` drawn from the grid by `seed`), each applied to `base` by
// apply_param and checked by validate_params. Throws InputError for a value the parameter does
// not take, a dimension that is not a booster parameter (iterations: early stopping chooses the
// rounds), or a grid of more than 10,000 candidates.
std::vector<Candidate> search_candidates(const std::vector<SearchDimension>& space,
                                         const ModelParams& base, int trials, std::uint64_t seed);

}  // namespace groupfit
