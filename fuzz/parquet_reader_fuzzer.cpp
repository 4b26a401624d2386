// Fuzzes the Parquet reader (src/table/parquet/) with arbitrary bytes: the footer's Thrift, the
// schema, page headers, codecs, encodings and the join of row groups. The only acceptable failure
// is an InputError; anything else — a crash, a sanitizer report, an allocation past libFuzzer's
// -rss_limit_mb or -malloc_limit_mb, another exception escaping — is a finding.
//
// Seeds (corpus/parquet_reader_fuzzer/) are small files from DuckDB, arrow-rs and hyparquet-writer
// (every codec, pages v1 and v2, dictionary and DELTA encodings) and hand-built ones
// (tests/table/parquet_hand_built.hpp), so mutations start from files that reach page decoding.
//
// It is also a differential test: the file is read by one thread and by three, which must give the
// same table or the same message (the first error in row-group-and-column order is reported,
// whatever thread met it first).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "groupfit/error.hpp"
#include "table/parquet/parquet_reader.hpp"

namespace {

using groupfit::Column;
using groupfit::ColumnType;
using groupfit::Table;

struct Outcome {
  std::optional<Table> table;
  std::string error;
};

Outcome read(const std::uint8_t* data, std::size_t size, unsigned threads) {
  groupfit::ParquetReadOptions options;
  options.threads = threads;
  try {
    return {groupfit::read_parquet_bytes({data, size}, "f.parquet", options), {}};
  } catch (const groupfit::InputError& e) {
    return {std::nullopt, e.what()};
  }
}

bool same_value(const Column& a, const Column& b, std::size_t row) {
  if (a.is_valid(row) != b.is_valid(row)) return false;
  if (!a.is_valid(row)) return true;
  if (a.type == ColumnType::String) return a.text_at(row) == b.text_at(row);
  const double x = a.numeric_at(row), y = b.numeric_at(row);
  return x == y || (std::isnan(x) && std::isnan(y));
}

// Every column has one value per row in the vector its type names, codes inside the dictionary.
void check_shape(const Table& t) {
  for (const Column& c : t.columns) {
    if (c.size() != t.num_rows()) std::abort();
    std::size_t values = 0;
    switch (c.type) {
      case ColumnType::Bool:
        values = c.bools.size();
        break;
      case ColumnType::Int64:
        values = c.ints.size();
        break;
      case ColumnType::Date:
      case ColumnType::Float64:
        values = c.doubles.size();
        break;
      case ColumnType::String:
        values = c.codes.size();
        for (std::size_t r = 0; r < c.size(); ++r) {
          if (c.is_valid(r) && c.codes[r] >= c.dictionary.size()) std::abort();
        }
        break;
    }
    if (values != c.size()) std::abort();
    for (std::size_t r = 0; r < c.size(); ++r) (void)c.text_at(r);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Outcome one = read(data, size, 1);
  const Outcome many = read(data, size, 3);
  if (one.table.has_value() != many.table.has_value()) std::abort();
  if (!one.table) {
    if (one.error != many.error) std::abort();
    return 0;
  }
  check_shape(*one.table);
  check_shape(*many.table);
  const Table& a = *one.table;
  const Table& b = *many.table;
  if (a.num_columns() != b.num_columns() || a.num_rows() != b.num_rows()) std::abort();
  for (std::size_t c = 0; c < a.num_columns(); ++c) {
    if (a.columns[c].name != b.columns[c].name || a.columns[c].type != b.columns[c].type) {
      std::abort();
    }
    for (std::size_t r = 0; r < a.num_rows(); ++r) {
      if (!same_value(a.columns[c], b.columns[c], r)) std::abort();
    }
  }
  return 0;
}
