// Which columns train, predict and inspect read. A CSV file is parsed whole whatever the run
// uses; a Parquet file stores each column apart, so only the columns a run needs are decoded
// (table/table_reader.hpp): with --features, the group, target, id, weight, feature and
// --categorical columns; without, every column but --drop. Dropped columns are then absent from
// the table, so feature selection is given only the --drop names the table holds (the Parquet
// reader has checked that the others exist in the file).
#pragma once

#include <string>

#include "groupfit/groupfit.hpp"
#include "table/table.hpp"
#include "table/table_reader.hpp"

namespace groupfit {

// The reading options of a training run (or inspect with the same columns): the CSV options, and
// for Parquet the columns to decode.
TableReadOptions read_options_for(const ReadOptions& read, const FeatureOptions& columns,
                                  unsigned threads);

// `columns` with the --drop names that `table` does not hold left out, when it was read from
// Parquet (`parquet`); as it is otherwise, so a CSV run still refuses a --drop of a column that
// does not exist.
FeatureOptions as_read(FeatureOptions columns, const Table& table, bool parquet);

}  // namespace groupfit
