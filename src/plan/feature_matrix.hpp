// Turns the table's feature columns into what XGBoost reads: one dense row-major float matrix
// (missing -> NaN) and the labels. Text columns become native categorical features: each value
// gets a code, its index in the column's sorted distinct values over the whole table, so every
// group's model sees the same code for the same text and `predict` can rebuild the codes from
// the saved schema (models/schema.json) on a new file.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "table/table.hpp"

namespace groupfit {

struct FeatureSpec {
  std::string name;
  bool categorical = false;
  std::vector<std::string> categories;  // sorted; code = index
  // An ISO 8601 date or time column: a number, seconds since 1970-01-01 UTC (recorded in
  // models/schema.json as "date", so that whoever reads the models knows the encoding).
  bool date = false;
};

struct FeatureSelection {
  std::vector<FeatureSpec> features;
  std::vector<std::string> warnings;  // e.g. a text column dropped for too many categories
};

// Which columns are features and how (FeatureOptions is the public one, groupfit/groupfit.hpp);
// throws InputError for a named column that does not exist.
FeatureSelection select_features(const Table& table, const FeatureOptions& options);

// The encoded features of every row of `table`, row-major, plus the labels and weights that
// plan/target.hpp encodes (NaN for a row without a target).
struct FeatureMatrix {
  std::vector<float> values;   // rows * cols
  std::vector<float> labels;   // empty when encoded without a target
  std::vector<float> weights;  // empty without a weight column
  std::size_t rows = 0;
  std::size_t cols = 0;
};

// Columns named in `features` must exist in `table`. A text value not among a feature's
// categories (a new file at predict time) becomes NaN.
FeatureMatrix encode_features(const Table& table, const std::vector<FeatureSpec>& features);

// A read-only view of the encoded data: what training one group needs. It does not own the
// memory, which may be a FeatureMatrix or a shared mapping in a worker process.
struct MatrixView {
  std::span<const float> values;
  std::span<const float> labels;
  std::span<const float> weights;  // empty: every row weighs 1
  std::size_t cols = 0;
  std::span<const FeatureSpec> features;

  const float* row(std::size_t r) const { return values.data() + r * cols; }
};

inline MatrixView view_of(const FeatureMatrix& m, const std::vector<FeatureSpec>& features) {
  return MatrixView{m.values, m.labels, m.weights, m.cols, features};
}

}  // namespace groupfit
