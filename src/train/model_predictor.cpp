// predict_rows: see model_predictor.hpp.
#include "train/model_predictor.hpp"

#include "plan/pooled_matrix.hpp"

#include <fmt/format.h>

#include "groupfit/error.hpp"
#include "train/xgb_matrix.hpp"

namespace groupfit {

std::vector<float> predict_rows(const std::filesystem::path& model_file, const MatrixView& data,
                                const std::vector<std::uint32_t>& rows) {
  GROUPFIT_XGB(XGBSetGlobalConfig(R"({"verbosity": 0})"));
  Booster booster;
  GROUPFIT_XGB(XGBoosterCreate(nullptr, 0, booster.out()));
  if (XGBoosterLoadModel(booster.get(), model_file.c_str()) != 0) {
    throw InputError(fmt::format("cannot load model '{}': {}", model_file.string(),
                                 clean_xgboost_message(XGBGetLastError())));
  }
  GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "nthread", "1"));
  const RowBlock block = gather(data, rows, false);
  const DMatrix m = make_dmatrix(data, block, rows.size());
  return predict(booster, m, rows.size());
}

std::vector<float> predict_pooled(const std::filesystem::path& model_file, const MatrixView& data,
                                  const std::vector<FeatureSpec>& pooled_features,
                                  const std::vector<std::uint32_t>& rows,
                                  const std::vector<float>& codes) {
  const FeatureMatrix pooled = pooled_rows(data, rows, codes);
  std::vector<std::uint32_t> all(rows.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = static_cast<std::uint32_t>(k);
  return predict_rows(model_file, view_of(pooled, pooled_features), all);
}

}  // namespace groupfit
