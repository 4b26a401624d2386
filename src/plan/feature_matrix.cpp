// select_features and encode_features: see feature_matrix.hpp.
#include "plan/feature_matrix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "groupfit/error.hpp"
#include "table/iso_datetime.hpp"
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

// Writes the calendar part `spec.part` of date column `column` at out[r * stride].
void encode_date_part(const Column& column, const FeatureSpec& spec, float* out, std::size_t rows,
                      std::size_t stride) {
  if (column.type != ColumnType::Date) {
    if (column.validity.count_valid() == 0) return;  // all missing: no dates to read
    throw InputError(
        fmt::format("feature '{}' is a part of date column '{}', which holds no dates in this file",
                    spec.name, spec.column));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    if (!column.is_valid(r)) continue;
    const DateParts parts = date_parts(column.doubles[r]);
    const int value = spec.part == DatePart::Year    ? parts.year
                      : spec.part == DatePart::Month ? parts.month
                      : spec.part == DatePart::Hour  ? parts.hour
                                                     : parts.day_of_week;
    out[r * stride] = static_cast<float>(value);
  }
}

}  // namespace

std::string_view to_string(DatePart part) {
  switch (part) {
    case DatePart::None:
      break;
    case DatePart::Year:
      return "year";
    case DatePart::Month:
      return "month";
    case DatePart::DayOfWeek:
      return "day_of_week";
    case DatePart::Hour:
      return "hour";
  }
  return "";
}

DatePart date_part_named(std::string_view name) {
  for (DatePart part : {DatePart::Year, DatePart::Month, DatePart::DayOfWeek, DatePart::Hour}) {
    if (to_string(part) == name) return part;
  }
  return DatePart::None;
}

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
    FeatureSpec spec{name,
                     !column.is_numeric() || forced.count(name) > 0,
                     {},
                     column.type == ColumnType::Date,
                     DatePart::None,
                     {}};
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
    const bool date = spec.date && !spec.categorical;
    selection.features.push_back(std::move(spec));
    if (date && options.date_parts) {
      for (DatePart part : {DatePart::Year, DatePart::Month, DatePart::DayOfWeek, DatePart::Hour}) {
        const std::string part_name = fmt::format("{}.{}", name, to_string(part));
        if (table.find(part_name) >= 0) {
          throw InputError(fmt::format(
              "--date-parts would add a feature '{}', but the table has a column of that name",
              part_name));
        }
        selection.features.push_back({part_name, false, {}, false, part, name});
      }
    }
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
    const Column& column = column_named(features[f].source());
    float* out = m.values.data() + f;
    if (features[f].part != DatePart::None) {
      encode_date_part(column, features[f], out, m.rows, m.cols);
    } else if (features[f].categorical) {
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
