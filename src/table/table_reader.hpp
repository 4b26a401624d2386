// One entry point for every table format groupfit reads: CSV (plain, gzip or zstd, a file or
// standard input: csv_reader.hpp) and Parquet (parquet/parquet_reader.hpp), told apart by the
// file's first bytes, never its name. train, predict and inspect read through it, so everything
// after reading is the same whatever the format.
#pragma once

#include <string>
#include <vector>

#include "table/csv_reader.hpp"
#include "table/table.hpp"

namespace groupfit {

struct TableReadOptions {
  // CSV: all of it. Parquet: only `threads` and the limits (a Parquet file says its own types and
  // missing values, so --delimiter, --decimal and --na-values do not apply and are ignored).
  CsvReadOptions csv;
  // Parquet only (a CSV file is parsed whole): the columns the run needs, so that no other is
  // decoded. Empty: all, but `skip`. `optional_columns` are read too when the file has them.
  std::vector<std::string> columns;
  std::vector<std::string> optional_columns;
  std::vector<std::string> skip;
};

// Whether `path` names a Parquet file (a regular file that starts with "PAR1").
bool is_parquet_file(const std::string& path);

// The table in `path` ("-": standard input, CSV only). Parquet needs its footer, at the end of
// the file, so Parquet from standard input, a pipe or inside gzip/zstd is an InputError saying
// to give the file itself.
Table read_table(const std::string& path, const TableReadOptions& options);

}  // namespace groupfit
