// groupfit::inspect: what training would see, without training — each column's type, missing
// and distinct counts and role, and optionally the group sizes. Uses the same feature selection
// as training, so what it calls a feature is what train will use.
#include <algorithm>
#include <cmath>
#include <set>

#include "base/freed_memory.hpp"
#include "base/run_clock.hpp"
#include "exec/core_count.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"
#include "table/table_reader.hpp"
#include "table/text_repeats.hpp"

namespace groupfit {

InspectReport inspect(const InspectConfig& config, const WarningSink& warn) {
  return_freed_memory_promptly();
  RunClock clock;
  // Every column: inspect describes them all, dropped ones included.
  TableReadOptions reading;
  reading.csv.delimiter = config.delimiter;
  reading.csv.decimal = config.decimal;
  reading.csv.na_values = config.na_values;
  reading.csv.threads = available_cores();
  const Table table = read_table(config.input, reading);
  for (const auto& note : table.notes) warn(note);
  InspectReport report;
  report.read_seconds = clock.seconds();
  report.rows = table.num_rows();

  std::vector<FeatureSpec> features;
  if (!config.group_column.empty() && !config.target_column.empty()) {
    FeatureSelection selection = select_features(table, {.group_column = config.group_column,
                                                         .target_column = config.target_column,
                                                         .id_column = config.id_column,
                                                         .weight_column = {},
                                                         .features = config.features,
                                                         .drop = config.drop,
                                                         .categorical = config.categorical,
                                                         .max_categories = config.max_categories});
    for (const auto& w : selection.warnings) warn(w);
    features = std::move(selection.features);
  }
  for (const Column& column : table.columns) {
    ColumnSummary s;
    s.name = column.name;
    s.type = column.type == ColumnType::Bool      ? ValueType::Bool
             : column.type == ColumnType::Int64   ? ValueType::Int64
             : column.type == ColumnType::Float64 ? ValueType::Float64
             : column.type == ColumnType::Date    ? ValueType::Date
                                                  : ValueType::String;
    s.missing = column.missing_count();
    if (column.type == ColumnType::String && column.plain_text) {
      s.distinct = count_text_repeats(column).distinct;
    } else if (column.type == ColumnType::String) {
      std::vector<bool> used(column.dictionary.size(), false);
      for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.is_valid(r)) used[column.codes[r]] = true;
      }
      s.distinct = static_cast<std::size_t>(std::count(used.begin(), used.end(), true));
    }
    auto feature = std::find_if(features.begin(), features.end(),
                                [&](const FeatureSpec& f) { return f.name == column.name; });
    if (column.name == config.group_column) {
      s.role = ColumnRole::Group;
    } else if (column.name == config.target_column) {
      s.role = ColumnRole::Target;
    } else if (column.name == config.id_column) {
      s.role = ColumnRole::Id;
    } else if (feature != features.end()) {
      s.role = feature->categorical ? ColumnRole::CategoricalFeature : ColumnRole::Feature;
    } else if (!features.empty()) {
      s.role = ColumnRole::Dropped;
    }
    report.columns.push_back(std::move(s));
  }
  if (!config.group_column.empty()) {
    const Column* target =
        config.target_column.empty() ? nullptr : &table.column(config.target_column);
    for (const Group& g : group_rows(table.column(config.group_column))) {
      GroupSize size{g.key.display(), g.rows.size(), 0};
      if (target) {
        for (std::uint32_t r : g.rows) size.labeled += target->is_valid(r) ? 1 : 0;
      }
      report.groups.push_back(std::move(size));
    }
  }
  return report;
}

}  // namespace groupfit
