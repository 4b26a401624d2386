// A table file read into memory as train reads it, handed out as plain columns: what the Python
// module turns into a pandas DataFrame (groupfit.read_parquet), since pandas reads Parquet only
// through pyarrow or fastparquet and Debian 12 packages neither. The same reader as train's, so
// the DataFrame holds exactly the values and types a run on the file would see (a Parquet
// float column of whole numbers stays float; a CSV column of ISO dates becomes a date column).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "groupfit/input_table.hpp"

namespace groupfit {

// One column; which vectors hold its values depends on `type`:
//   Bool       bools (0/1)
//   Int64      ints
//   Float64    doubles (NaN where missing)
//   Timestamp  ints: nanoseconds since 1970-01-01 UTC
//   Text       codes into categories (-1 where missing); categories in order of first use
// `missing` has one byte per row, 1 where the value is missing, whatever the type.
struct LoadedColumn {
  std::string name;
  InputType type = InputType::Float64;
  std::vector<std::uint8_t> missing;
  std::vector<std::uint8_t> bools;
  std::vector<std::int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::int32_t> codes;
  std::vector<std::string> categories;
};

struct LoadedTable {
  std::size_t rows = 0;
  std::vector<LoadedColumn> columns;
};

// Reads `read.input` (CSV, plain, gzip or zstd, or Parquet; not a table in memory). `columns`:
// only these, in this order (from Parquet only these are decoded); empty: every column in the
// file's order. The reader's notes (decimal commas, a number column made text) go to `warn`.
// InputError for an unreadable file or a column it does not have.
LoadedTable load_table(const ReadOptions& read, const std::vector<std::string>& columns,
                       const WarningSink& warn);

}  // namespace groupfit
