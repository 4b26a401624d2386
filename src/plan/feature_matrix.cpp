// select_features and encode_features: see feature_matrix.hpp.
#include "plan/feature_matrix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "groupfit/error.hpp"
#include "table/message_text.hpp"
#include "table/text_repeats.hpp"

namespace groupfit {
namespace {

// The column's distinct values as text, sorted by bytes; numbers by their text form.
std::vector<std::string> sorted_distinct(const Column& column) {
  if (column.is_numeric() || column.plain_text) {
    std::set<std::string> values;
    for (std::size_t r = 0; r < column.size(); ++r) {
      if (column.is_valid(r)) values.insert(column.text_at(r));
    }
    return {values.begin(), values.end()};
  }
  std::vector<bool> used(column.dictionary.size(), false);
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (column.is_valid(r)) used[column.codes[r]] = true;
  }
  std::vector<std::string> values;
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (used[i]) values.emplace_back(column.dictionary[i]);
  }
  std::sort(values.begin(), values.end());
  return values;
}

// Column lookup by name through a hash: Table::column scans, and looking up every column of a
// table at the column limit (65,536) that way took seconds.
class ColumnIndex {
 public:
  explicit ColumnIndex(const Table& table) : table_(table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) index_.emplace(table.columns[c].name, c);
  }
  // Throws InputError with suggestions, as Table::column does, when there is no such column.
  const Column& operator()(const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? table_.column(name) : table_.columns[it->second];
  }

 private:
  const Table& table_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace

FeatureSelection select_features(const Table& table, const FeatureOptions& options) {
  std::set<std::string> reserved = {options.group_column, options.target_column};
  if (!options.id_column.empty()) reserved.insert(options.id_column);
  if (!options.weight_column.empty()) reserved.insert(options.weight_column);
  for (const auto& name : reserved) table.column(name);  // throws with suggestions
  for (const auto& name : options.drop) table.column(name);
  for (const auto& name : options.categorical) table.column(name);
  const std::set<std::string> forced(options.categorical.begin(), options.categorical.end());

  std::vector<std::string> names;
  if (!options.features.empty()) {
    for (const auto& name : options.features) {
      table.column(name);
      if (reserved.count(name)) {
        throw InputError(
            fmt::format("column '{}' is the group, target, id or weight column and cannot "
                        "be a feature",
                        name));
      }
      names.push_back(name);
    }
  } else {
    for (const auto& column : table.columns) {
      if (!reserved.count(column.name)) names.push_back(column.name);
    }
  }
  FeatureSelection selection;
  const ColumnIndex column_named(table);
  for (const auto& name : names) {
    if (std::find(options.drop.begin(), options.drop.end(), name) != options.drop.end()) {
      continue;
    }
    const Column& column = column_named(name);
    FeatureSpec spec{
        name, !column.is_numeric() || forced.count(name) > 0, {}, column.type == ColumnType::Date};
    if (spec.categorical) {
      // A plain text column is counted first: its values are nearly all distinct, and a set of
      // millions of strings only to find there are too many would cost seconds.
      const std::size_t distinct = column.plain_text ? count_text_repeats(column).distinct : 0;
      if (distinct <= options.max_categories) spec.categories = sorted_distinct(column);
      const std::size_t count = column.plain_text ? distinct : spec.categories.size();
      if (count > options.max_categories) {
        selection.warnings.push_back(fmt::format(
            "dropped text column '{}': {} distinct values is more than --max-categories {}", name,
            count, options.max_categories));
        continue;
      }
    }
    selection.features.push_back(std::move(spec));
  }
  if (selection.features.empty()) throw InputError("no feature columns left to train on");
  return selection;
}

FeatureMatrix encode_features(const Table& table, const std::vector<FeatureSpec>& features) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  FeatureMatrix m;
  m.rows = table.num_rows();
  m.cols = features.size();
  m.values.assign(m.rows * m.cols, nan);
  const ColumnIndex column_named(table);
  for (std::size_t f = 0; f < features.size(); ++f) {
    const Column& column = column_named(features[f].name);
    float* out = m.values.data() + f;
    if (features[f].categorical) {
      // dictionary code -> category code (NaN when not a known category)
      std::unordered_map<std::string, float> code_of;
      for (std::size_t i = 0; i < features[f].categories.size(); ++i) {
        code_of.emplace(features[f].categories[i], static_cast<float>(i));
      }
      if (column.type == ColumnType::String && !column.plain_text) {
        std::vector<float> by_dict(column.dictionary.size(), nan);
        for (std::size_t d = 0; d < column.dictionary.size(); ++d) {
          if (auto it = code_of.find(std::string(column.dictionary[d])); it != code_of.end())
            by_dict[d] = it->second;
        }
        for (std::size_t r = 0; r < m.rows; ++r) {
          if (column.is_valid(r)) out[r * m.cols] = by_dict[column.codes[r]];
        }
      } else {
        for (std::size_t r = 0; r < m.rows; ++r) {
          if (!column.is_valid(r)) continue;
          if (auto it = code_of.find(column.text_at(r)); it != code_of.end()) {
            out[r * m.cols] = it->second;
          }
        }
      }
    } else if (column.is_numeric()) {
      for (std::size_t r = 0; r < m.rows; ++r) {
        out[r * m.cols] = static_cast<float>(column.numeric_at(r));
      }
    } else {
      throw InputError(
          fmt::format("feature '{}' was numeric when the models were trained but "
                      "holds text in this file",
                      features[f].name));
    }
  }
  return m;
}

}  // namespace groupfit
