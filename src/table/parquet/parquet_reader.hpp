// Reads a Parquet file into a Table, with a reader written for groupfit: Apache Arrow's C++
// Parquet library and DuckDB are not packaged in Debian 12, and what a training run needs is
// small — flat columns of a few types, read whole — so groupfit decodes the format itself, as
// DuckDB, ClickHouse, polars and arrow-rs each do with their own readers. The layers, one file
// each: Thrift compact decoding (thrift_compact), the footer and page headers (parquet_metadata),
// the schema's columns and their groupfit types (parquet_schema), codecs (parquet_codecs),
// encodings (parquet_encodings), value conversions (parquet_values), one column chunk's pages
// (parquet_column), and here: the file, the choice of columns, row groups x columns decoded in
// parallel, and the join of row groups into columns.
//
// The file is mapped, never copied; each column chunk's pages are released once decoded, so
// reading needs little more memory than the table it becomes. Only the columns asked for are
// decoded. A nested or repeated column (list, map, struct) is an InputError naming it when asked
// for, and skipped with a note otherwise; a pandas index stored as `__index_level_0__` is skipped
// unless asked for by name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "groupfit/limits.hpp"
#include "table/parquet/parquet_metadata.hpp"
#include "table/table.hpp"

namespace groupfit {

struct ParquetReadOptions {
  unsigned threads = 1;  // threads that decode; the CLI passes the available cores
  // Read only these (in the file's order); empty: every flat column but `skip`. A name the file
  // lacks is an InputError ("no column 'x'; closest: 'y'", as Table::column says it).
  std::vector<std::string> columns;
  std::vector<std::string> optional_columns;  // with `columns`: also these, when the file has them
  std::vector<std::string> skip;              // without `columns`: never these
  std::size_t max_rows = kMaxRows;
  std::size_t max_columns = kMaxColumns;
};

// Errors are InputError, one line, naming the file and, where there is one, the column and the
// row group: "data.parquet: column 'price', row group 2 of 4: dictionary index 9 is out of range
// (the dictionary has 3 values)".
Table read_parquet_file(const std::string& path, const ParquetReadOptions& options = {});

// The same from bytes in memory (tests and the fuzzer); `name` is the file's name in messages.
Table read_parquet_bytes(std::span<const std::uint8_t> bytes, std::string_view name,
                         const ParquetReadOptions& options = {});

// The footer of the Parquet file `path`, decoded (tests check what a writer made with it).
parquet::FileMetaData read_parquet_metadata(const std::string& path);

}  // namespace groupfit
