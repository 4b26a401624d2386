// The input of the pooled model (--fallback global): the listed rows' features plus one more,
// the group, categorical, coded by its place in the training run's sorted list of groups; a
// group that list does not hold (one never seen in training) is missing. The same function
// builds it at training and at predict time, so the same rows give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"

namespace groupfit {

// The features' specs with the group feature appended (named after the group column; its
// categories are the groups' display names, in the list's order).
std::vector<FeatureSpec> pooled_features(const std::vector<FeatureSpec>& features,
                                         const std::string& group_column,
                                         const std::vector<GroupKey>& groups);

// `codes[k]` is rows[k]'s group code (NaN: not in the list). Labels and weights come along when
// `data` has them.
FeatureMatrix pooled_rows(const MatrixView& data, const std::vector<std::uint32_t>& rows,
                          const std::vector<float>& codes);

}  // namespace groupfit
