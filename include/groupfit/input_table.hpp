// A table handed over in memory instead of a CSV file: a pandas DataFrame's numpy arrays, an
// Arrow table's buffers, a program's own vectors. train() and predict() take one in place of
// an input path (ReadOptions::table, PredictConfig::table); everything after reading is the
// same code, so the same data read from a CSV file or handed over here gives the same bytes in
// every output.
//
// The values are borrowed: the caller keeps every pointer valid and unchanged until the call
// returns. They are copied once, at the start of the run, into groupfit's own column layout
// (64-bit numbers, a dictionary per text column: what grouping, the target and the id checks
// read), and the feature columns are released again once they are encoded into the float32
// matrix XGBoost reads, as after reading a CSV file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

// The layout of one column's `values`, one element per row:
//   Bool       one byte, 0 false, anything else true            (numpy bool)
//   Int32      int32_t                                           (numpy int32)
//   Int64      int64_t                                           (numpy int64)
//   Float32    float; NaN is missing                             (numpy float32)
//   Float64    double; NaN is missing                            (numpy float64)
//   Timestamp  int64_t nanoseconds since 1970-01-01 UTC; INT64_MIN (NaT) is missing
//              (numpy datetime64[ns]): a date column, as ISO 8601 text in a CSV file is
//   Text       a signed integer code of `code_bytes` bytes into `categories`; a negative code
//              is missing (pandas' Categorical codes, or pandas.factorize's)
enum class InputType { Bool, Int32, Int64, Float32, Float64, Timestamp, Text };

struct InputColumn {
  std::string name;  // unique, not empty, valid UTF-8, as a CSV header's names must be
  InputType type = InputType::Float64;
  const void* values = nullptr;  // InputTable::rows elements, laid out as `type` says
  // Optional: one byte per row, nonzero where the value is missing (pandas' masked arrays:
  // Int64, Float64, boolean). Missing values are also NaN, NaT or a negative code as above.
  const std::uint8_t* missing = nullptr;
  // Text: the bytes of a code (1, 2, 4 or 8) and the text of each code, UTF-8. Empty text is
  // missing, as an empty CSV field is. Categories no row uses are ignored, so a pandas
  // Categorical with unused categories gives what its values written to a CSV file give.
  std::size_t code_bytes = 4;
  std::vector<std::string_view> categories;
};

struct InputTable {
  std::size_t rows = 0;
  std::vector<InputColumn> columns;
  // Stands for the content in the configuration hash (run.json), since a table in memory has no
  // file whose size and modification time could: a train run with `resume` continues a
  // checkpoint only when the fingerprint is the one it was made with. Any text that changes
  // when the data does (a hash of the values); empty: the run cannot be resumed.
  std::string fingerprint;
};

}  // namespace groupfit
