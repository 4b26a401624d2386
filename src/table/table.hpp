// The in-memory table: named, typed columns, each with a validity bitmap.
// Column-oriented so that grouping and feature encoding touch only the columns they need, and
// text is stored once per distinct value (a dictionary plus a 32-bit code per row), which keeps
// a large table with repetitive text (regions, site names) small; text whose values are nearly
// all distinct (ids) is kept as plain rows instead (table/text_rows.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "table/string_pool.hpp"
#include "table/text_rows.hpp"

namespace groupfit {

// Date: ISO 8601 dates and times as seconds since 1970-01-01 UTC, in `doubles`.
enum class ColumnType { Bool, Int64, Float64, Date, String };

std::string_view to_string(ColumnType type);

// One bit per row; a set bit means the value is present.
class ValidityBitmap {
 public:
  void push_back(bool valid);
  void resize(std::size_t size, bool valid);
  bool get(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1u; }
  void set(std::size_t i, bool valid);
  void append(const ValidityBitmap& other);
  std::size_t size() const { return size_; }
  std::size_t count_valid() const;
  // A bitmap of `size` bits held in `words` (bit i of word i / 64, least significant first), as
  // a reader that builds whole words hands it over (the Parquet reader). Bits past `size` are
  // cleared.
  static ValidityBitmap from_words(std::vector<std::uint64_t> words, std::size_t size);

 private:
  std::vector<std::uint64_t> words_;
  std::size_t size_ = 0;
};

// A column holds the values of exactly one vector below, chosen by `type`:
// Bool -> bools (0/1), Int64 -> ints, Float64 and Date -> doubles, String -> codes into
// dictionary, or, when `plain_text`, `text` (one entry per row, empty when missing).
// An invalid (missing) row holds 0 / 0.0 / code 0 in its vector; read validity first.
struct Column {
  std::string name;
  ColumnType type = ColumnType::String;
  ValidityBitmap validity;
  std::vector<std::uint8_t> bools;
  std::vector<std::int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::uint32_t> codes;
  StringPool dictionary;       // distinct values in order of first appearance
  TextRows text;               // String columns with plain_text: each row's text
  bool plain_text = false;     // a String column too varied for a dictionary (an id)
  bool decimal_comma = false;  // some values were numbers only with a decimal comma

  std::size_t size() const { return validity.size(); }
  bool is_valid(std::size_t row) const { return validity.get(row); }
  std::size_t missing_count() const { return size() - validity.count_valid(); }
  bool is_numeric() const { return type != ColumnType::String; }
  // A String column's text at a valid row, whichever way it is stored.
  std::string_view text_view(std::size_t row) const {
    return plain_text ? text[row] : dictionary[codes[row]];
  }

  // Gives the values' memory back, keeping the name and type: a run frees what it has copied
  // elsewhere (features into the matrix) before the models need memory of their own.
  void release();

  // The value as a double (numeric types only; NaN when missing).
  double numeric_at(std::size_t row) const;
  // The value as text: decimal for numbers (shortest round-trip form), true/false for bools,
  // ISO 8601 (UTC) for dates, the string itself for text; empty when missing.
  std::string text_at(std::size_t row) const;
};

// A String column with a dictionary: `column` itself, or a dictionary-encoded copy of a plain
// one, for what needs a code per row (grouping, class labels). `storage` holds the copy.
const Column& with_dictionary(const Column& column, Column& storage);

struct Table {
  std::vector<Column> columns;
  // What the reader wants the user to know (a column read with decimal commas, a number column
  // made text by a few odd values); the caller shows them as warnings.
  std::vector<std::string> notes;

  std::size_t num_rows() const { return columns.empty() ? 0 : columns.front().size(); }
  std::size_t num_columns() const { return columns.size(); }
  // Index of the column named `name`, or -1.
  long find(std::string_view name) const;
  // The column named `name`; throws InputError naming the closest existing names if absent.
  const Column& column(std::string_view name) const;
  std::vector<std::string> column_names() const;
};

}  // namespace groupfit
