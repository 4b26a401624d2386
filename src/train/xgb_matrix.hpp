// Building XGBoost's input from the shared matrix, and predicting with a booster. Shared by
// training and by `predict` so that the same rows always become the same DMatrix, which is what
// makes predict reproduce predictions.csv exactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plan/feature_matrix.hpp"
#include "train/xgb_handle.hpp"

namespace groupfit {

// The listed rows of the matrix as one dense block, and their labels and weights (empty when
// the run has no weights).
struct RowBlock {
  std::vector<float> values;
  std::vector<float> labels;
  std::vector<float> weights;
};

RowBlock gather(const MatrixView& data, const std::vector<std::uint32_t>& rows, bool with_labels);

// A DMatrix over `block` (which must outlive it) with feature names and types (q / c), labels
// and weights set.
DMatrix make_dmatrix(const MatrixView& data, const RowBlock& block, std::size_t rows);

// Sets the feature names and types (q, or c for categorical) of `m`.
void set_feature_info(DMatrixHandle m, const MatrixView& data);

// `name` as XGBoost accepts a feature name ('[', ']', '<' and ',' become '_').
std::string xgb_feature_name(const std::string& name);

// The predictions for the rows of `m`, using every tree of `booster`: one per row, or one per
// class and row (row-major) for multi-class.
std::vector<float> predict(const Booster& booster, const DMatrix& m, std::size_t rows);

}  // namespace groupfit
