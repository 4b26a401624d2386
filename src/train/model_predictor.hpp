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

}  // namespace groupfit
