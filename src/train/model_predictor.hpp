// Scores rows with a saved group model (a JSON file written by a training run). Lives in
// train/ beside the trainer because both must build XGBoost's input the same way: the same
// rows of the same matrix must give the same bytes at training and at predict time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "plan/feature_matrix.hpp"

namespace groupfit {

// One prediction per listed row; throws InputError when the model cannot be loaded.
std::vector<float> predict_rows(const std::filesystem::path& model_file, const MatrixView& data,
                                const std::vector<std::uint32_t>& rows);

// The pooled model's (--fallback global) predictions for rows[k] of `data` in group code
// codes[k]: the pooled matrix (plan/pooled_matrix.hpp) built and scored in one call, so the
// model is loaded once, the same way at training and at predict time.
std::vector<float> predict_pooled(const std::filesystem::path& model_file, const MatrixView& data,
                                  const std::vector<FeatureSpec>& pooled_features,
                                  const std::vector<std::uint32_t>& rows,
                                  const std::vector<float>& codes);

}  // namespace groupfit
