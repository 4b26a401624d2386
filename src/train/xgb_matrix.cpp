// gather, make_dmatrix and predict: see xgb_matrix.hpp.
#include "train/xgb_matrix.hpp"

#include <cstring>
#include <limits>
#include <string>

namespace groupfit {

// XGBoost rejects '[', ']' and '<' in feature names; they only label the saved model.
std::string xgb_feature_name(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    if (c == '[' || c == ']' || c == '<' || c == ',') c = '_';
  }
  return out.empty() ? "_" : out;
}

RowBlock gather(const MatrixView& data, const std::vector<std::uint32_t>& rows, bool with_labels) {
  RowBlock block;
  block.values.resize(rows.size() * data.cols);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::memcpy(block.values.data() + i * data.cols, data.row(rows[i]), data.cols * sizeof(float));
  }
  if (with_labels) {
    block.labels.reserve(rows.size());
    for (std::uint32_t r : rows) block.labels.push_back(data.labels[r]);
    if (!data.weights.empty()) {
      block.weights.reserve(rows.size());
      for (std::uint32_t r : rows) block.weights.push_back(data.weights[r]);
    }
  }
  return block;
}

DMatrix make_dmatrix(const MatrixView& data, const RowBlock& block, std::size_t rows) {
  DMatrix m;
  GROUPFIT_XGB(XGDMatrixCreateFromMat(block.values.data(), rows, data.cols,
                                      std::numeric_limits<float>::quiet_NaN(), m.out()));
  if (!block.labels.empty()) {
    GROUPFIT_XGB(XGDMatrixSetFloatInfo(m.get(), "label", block.labels.data(), rows));
  }
  if (!block.weights.empty()) {
    GROUPFIT_XGB(XGDMatrixSetFloatInfo(m.get(), "weight", block.weights.data(), rows));
  }
  set_feature_info(m.get(), data);
  return m;
}

void set_feature_info(DMatrixHandle m, const MatrixView& data) {
  std::vector<std::string> names;
  std::vector<const char*> name_ptrs, type_ptrs;
  for (const auto& f : data.features) names.push_back(xgb_feature_name(f.name));
  for (std::size_t i = 0; i < data.features.size(); ++i) {
    name_ptrs.push_back(names[i].c_str());
    type_ptrs.push_back(data.features[i].categorical ? "c" : "q");
  }
  GROUPFIT_XGB(XGDMatrixSetStrFeatureInfo(m, "feature_name", name_ptrs.data(), data.cols));
  GROUPFIT_XGB(XGDMatrixSetStrFeatureInfo(m, "feature_type", type_ptrs.data(), data.cols));
}

std::vector<float> predict(const Booster& booster, const DMatrix& m, std::size_t rows) {
  if (rows == 0) return {};
  const char* config = R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0,)"
                       R"( "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dims = 0;
  const float* out = nullptr;
  GROUPFIT_XGB(XGBoosterPredictFromDMatrix(booster.get(), m.get(), config, &shape, &dims, &out));
  std::size_t count = dims > 0 ? 1 : 0;
  for (bst_ulong d = 0; d < dims; ++d) count *= shape[d];
  if (count % rows != 0) throw XgbError("unexpected prediction shape");
  return std::vector<float>(out, out + count);
}

}  // namespace groupfit
