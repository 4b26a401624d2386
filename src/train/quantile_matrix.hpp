// The training rows of a group as XGBoost's QuantileDMatrix: the values are quantized into
// histogram bins as they are handed over, and XGBoost keeps only the bins (about one byte per
// value) instead of a plain DMatrix's sparse copy (eight bytes per value) beside them. On the
// largest group of an 8-million-row run that copy was the biggest single allocation of the
// run. The trees are the same: hist builds them from the same quantile cuts either way (checked
// on this machine, numeric and categorical features, to the last bit of the predictions).
// Only for training: validation and prediction matrices stay plain DMatrix (xgb_matrix.hpp).
#pragma once

#include <cstddef>

#include "plan/feature_matrix.hpp"
#include "train/xgb_handle.hpp"
#include "train/xgb_matrix.hpp"

namespace groupfit {

// XGBoost's default number of histogram bins, used when the parameters do not set max_bin.
inline constexpr int kDefaultMaxBin = 256;

// A QuantileDMatrix over `block` (values, labels, weights) with feature names and types, binned
// with `max_bin` bins (the booster's own max_bin: XGBoost refuses a booster whose max_bin
// differs from its training matrix's) by `threads` threads.
DMatrix make_training_matrix(const MatrixView& data, const RowBlock& block, std::size_t rows,
                             int max_bin, int threads);

}  // namespace groupfit
