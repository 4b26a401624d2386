// Reads a CSV file into a Table: header row, delimiter ',' or detected ';' / tab, RFC 4180
// quoting, UTF-8 with or without BOM, LF or CRLF, pandas' missing-value spellings, types
// inferred per column over every row. Large files are parsed by several threads, each taking a
// slice of rows, and the file's pages are released as slices are done, so reading a file needs
// little more memory than the table it becomes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "groupfit/limits.hpp"
#include "table/column_builder.hpp"
#include "table/table.hpp"

namespace groupfit {

struct CsvReadOptions {
  char delimiter = 0;    // 0: detect from the header line
  unsigned threads = 1;  // threads that parse; the CLI passes the available cores
  // Each thread's slice is at least this big; smaller inputs are parsed by one thread.
  std::size_t min_chunk_bytes = std::size_t{4} << 20;
  // The limits the reader enforces (groupfit/limits.hpp); tests lower them to reach them.
  std::size_t max_rows = kMaxRows;
  std::size_t max_columns = kMaxColumns;
  std::size_t max_field_bytes = kMaxFieldBytes;
  // '.', ',' (decimal commas, as pandas' decimal=','), or 0: '.', and decimal commas too in a
  // ';'-separated file when a column's values are numbers only with them (said in a note).
  char decimal = 0;
  std::vector<std::string> na_values = {};  // more spellings of a missing value
  // Filled by the reader from decimal, na_values and the delimiter.
  ValueSyntax syntax = {};
};

// Errors are InputError, one line, naming the source and, where there is one, the line:
// "data.csv:17: expected 5 fields, found 6". Past a limit: "data.csv:9: field longer than 16 MiB
// (the limit); a stray quote?", "data.csv:9: more than 4294967295 data rows (the limit)".
// read_csv_file's `path` may be "-" (standard input) and its bytes gzip or zstd: see
// table/input_source.hpp; line numbers are then those of the decompressed text.
Table read_csv_file(const std::string& path, const CsvReadOptions& options = {});
Table read_csv_text(std::string_view text, const CsvReadOptions& options = {},
                    std::string_view source_name = "<text>");

}  // namespace groupfit
