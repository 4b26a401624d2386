// pooled_features and pooled_rows: see pooled_matrix.hpp.
#include "plan/pooled_matrix.hpp"

#include <algorithm>

namespace groupfit {

std::vector<FeatureSpec> pooled_features(const std::vector<FeatureSpec>& features,
                                         const std::string& group_column,
                                         const std::vector<GroupKey>& groups) {
  std::vector<FeatureSpec> pooled = features;
  std::vector<std::string> names;
  for (const GroupKey& key : groups) names.push_back(key.display());
  pooled.emplace_back(group_column, true, std::move(names));
  return pooled;
}

FeatureMatrix pooled_rows(const MatrixView& data, const std::vector<std::uint32_t>& rows,
                          const std::vector<float>& codes) {
  FeatureMatrix m;
  m.rows = rows.size();
  m.cols = data.cols + 1;
  m.values.reserve(m.rows * m.cols);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const float* row = data.row(rows[k]);
    m.values.insert(m.values.end(), row, row + data.cols);
    m.values.push_back(codes[k]);
    if (!data.labels.empty()) m.labels.push_back(data.labels[rows[k]]);
    if (!data.weights.empty()) m.weights.push_back(data.weights[rows[k]]);
  }
  return m;
}

}  // namespace groupfit
