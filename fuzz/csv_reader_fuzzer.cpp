// Fuzzes the CSV reader (src/table/csv_reader.*) with arbitrary bytes, both as a buffer
// (read_csv_text) and as a file (read_csv_file, which maps it and releases pages as slices are
// parsed). The only acceptable failure is an InputError; anything else — a crash, a sanitizer
// report, another exception escaping — is a finding.
//
// It is also a differential test: the same bytes are read by one thread and by several threads
// cutting the input into tiny slices (min_chunk_bytes = 1), and the two tables must be equal, or
// both reads must fail with the same message. The multi-threaded path slices at newlines by
// counting quotes, re-parses slices when a column turns out to be text and merges dictionaries;
// each of those is a way for a hostile file to read differently depending on the core count.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "groupfit/error.hpp"
#include "memory_file.hpp"
#include "table/csv_reader.hpp"
#include "table/input_format.hpp"

namespace {

using groupfit::Column;
using groupfit::ColumnType;
using groupfit::Table;

// The table, or the InputError's message.
struct Outcome {
  std::optional<Table> table;
  std::string error;
};

template <typename Read>
Outcome outcome_of(Read read) {
  try {
    return {read(), {}};
  } catch (const groupfit::InputError& e) {
    return {std::nullopt, e.what()};
  }
}

// Same value: NaN equals NaN, and numbers compare by value, not bits: "-0" reads as the integer 0
// when no earlier row of its slice made the column floating point, and as -0.0 otherwise.
bool same_value(const Column& a, const Column& b, std::size_t row) {
  if (a.is_valid(row) != b.is_valid(row)) return false;
  if (!a.is_valid(row)) return true;
  if (a.type == ColumnType::String) return a.text_at(row) == b.text_at(row);
  const double x = a.numeric_at(row), y = b.numeric_at(row);
  return x == y || (std::isnan(x) && std::isnan(y));
}

bool same_table(const Table& a, const Table& b) {
  if (a.num_columns() != b.num_columns() || a.num_rows() != b.num_rows()) return false;
  for (std::size_t c = 0; c < a.num_columns(); ++c) {
    const Column& x = a.columns[c];
    const Column& y = b.columns[c];
    if (x.name != y.name || x.type != y.type || x.size() != y.size()) return false;
    // Dictionaries are in order of first appearance whatever the slicing.
    if (x.type == ColumnType::String && !(x.dictionary == y.dictionary)) return false;
    for (std::size_t r = 0; r < x.size(); ++r) {
      if (!same_value(x, y, r)) return false;
    }
  }
  return true;
}

// Every column has one value per row in the vector its type names.
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
      case ColumnType::Float64:
        values = c.doubles.size();
        break;
      case ColumnType::String:
        values = c.codes.size();
        for (std::uint32_t code : c.codes) {
          if (code >= c.dictionary.size() && !(code == 0 && c.dictionary.empty())) std::abort();
        }
        break;
    }
    if (values != c.size()) std::abort();
    for (std::size_t r = 0; r < c.size(); ++r) (void)c.text_at(r);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const Outcome one = outcome_of([&] { return groupfit::read_csv_text(text, {0, 1}, "f.csv"); });
  const Outcome many = outcome_of([&] {
    return groupfit::read_csv_text(text, {0, 3, /*min_chunk_bytes=*/1}, "f.csv");
  });
  if (one.table.has_value() != many.table.has_value()) std::abort();
  if (one.table) {
    check_shape(*one.table);
    check_shape(*many.table);
    if (!same_table(*one.table, *many.table)) std::abort();
  } else if (one.error != many.error) {
    std::abort();
  }

  // As a file, bytes that begin like gzip, zstd or another known format are not read as text
  // (input_source_fuzzer covers them).
  if (groupfit::sniff_format(text.substr(0, groupfit::kSniffBytes)).format !=
      groupfit::InputFormat::Text) {
    return 0;
  }
  // The file path: mmap, BOM offset and page release; sliced too, so pages are released while
  // other slices still parse.
  const groupfit::fuzz::MemoryFile file(text);
  const Outcome mapped = outcome_of([&] {
    return groupfit::read_csv_file(file.path(), {0, 2, /*min_chunk_bytes=*/1});
  });
  if (mapped.table) {
    check_shape(*mapped.table);
    if (!one.table || !same_table(*one.table, *mapped.table)) std::abort();
  } else if (one.table && size > 0) {
    std::abort();  // the buffer read, the same bytes as a file did not
  }
  return 0;
}
