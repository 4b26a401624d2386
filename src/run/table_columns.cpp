// read_options_for and as_read: see table_columns.hpp.
#include "run/table_columns.hpp"

#include <algorithm>

namespace groupfit {

TableReadOptions read_options_for(const ReadOptions& read, const FeatureOptions& columns,
                                  unsigned threads) {
  TableReadOptions options;
  options.csv.delimiter = read.delimiter;
  options.csv.decimal = read.decimal;
  options.csv.na_values = read.na_values;
  options.csv.threads = threads;
  // The group, target, id and weight columns are read even if --drop names them, as a CSV run
  // uses them then.
  for (const std::string& name : columns.drop) {
    if (name != columns.group_column && name != columns.target_column &&
        name != columns.id_column && name != columns.weight_column) {
      options.skip.push_back(name);
    }
  }
  if (!columns.features.empty()) {
    for (const std::string* name : {&columns.group_column, &columns.target_column,
                                    &columns.id_column, &columns.weight_column}) {
      if (!name->empty()) options.columns.push_back(*name);
    }
    options.columns.insert(options.columns.end(), columns.features.begin(), columns.features.end());
    options.columns.insert(options.columns.end(), columns.categorical.begin(),
                           columns.categorical.end());
  }
  return options;
}

FeatureOptions as_read(FeatureOptions columns, const Table& table, bool parquet) {
  if (parquet) {
    std::erase_if(columns.drop, [&](const std::string& name) { return table.find(name) < 0; });
  }
  return columns;
}

}  // namespace groupfit
