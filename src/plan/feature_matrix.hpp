// Turns the table's feature columns into what XGBoost reads: one dense row-major float matrix
// (missing -> NaN) and the labels. Text columns become native categorical features: each value
// gets a code, its index in the column's sorted distinct values over the whole table, so every
// group's model sees the same code for the same text and `predict` can rebuild the codes from
// the saved schema (models/schema.json) on a new file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "table/table.hpp"

namespace groupfit {

// A calendar part of a date column (FeatureOptions::date_parts), UTC.
enum class DatePart : std::uint8_t { None, Year, Month, DayOfWeek, Hour };
std::string_view to_string(DatePart part);        // "year", "month", "day_of_week", "hour"
DatePart date_part_named(std::string_view name);  // DatePart::None when unknown

struct FeatureSpec {
  FeatureSpec() = default;
  FeatureSpec(std::string name_, bool categorical_, std::vector<std::string> categories_ = {},
              bool date_ = false, DatePart part_ = DatePart::None, std::string column_ = {})
      : name(std::move(name_)),
        categorical(categorical_),
        categories(std::move(categories_)),
        date(date_),
        part(part_),
        column(std::move(column_)) {}

  std::string name;
  bool categorical = false;
  std::vector<std::string> categories;  // sorted; code = index
  // An ISO 8601 date or time column: a number, seconds since 1970-01-01 UTC (recorded in
  // models/schema.json as "date", so that whoever reads the models knows the encoding).
  bool date = false;
  // A calendar part: the feature `name` ("when.month") is that part of date column `column`
  // (recorded in models/schema.json as type "date_part" with its column and part).
  DatePart part = DatePart::None;
  std::string column;

  // The table column the feature reads.
  const std::string& source() const { return part == DatePart::None ? name : column; }
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
