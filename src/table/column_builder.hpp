// Builds one column of one chunk of a CSV file from its fields, inferring the type as it goes:
// missing -> bool -> int64 -> float64 -> string, promoting when a value does not fit (int64
// values become doubles; anything non-numeric makes the column text). Promotion to text needs
// every earlier value's original text, which a typed builder has thrown away, so it is not done
// here: the builder reports it, the reader marks the column as text and parses the chunk again
// with that column built as text from the start. Text columns are a dictionary of distinct
// values in order of first appearance plus a 32-bit code per row, until the dictionary holds
// more than kPlainTextAfter values and more than half the rows: then the builder switches to
// plain rows (table/text_rows.hpp), as interning nearly unique values only costs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "table/table.hpp"

namespace groupfit {

// What a column holds so far; Empty means every value so far was missing. Date: ISO 8601 dates
// and times, held as seconds since the epoch (table/iso_datetime.hpp).
enum class Inferred : std::uint8_t { Empty, Bool, Int64, Float64, Date, String };

// How values are spelled in a file: its decimal mark and its extra spellings of a missing value.
struct ValueSyntax {
  enum class Decimal : std::uint8_t {
    Dot,         // 4.25
    Comma,       // 4,25 (and 4.25): what a Spanish-locale spreadsheet writes; pandas decimal=','
    DotOrComma,  // 4.25, or 4,25 when nothing else fits: detected in ';'-separated files
  };
  Decimal decimal = Decimal::Dot;
  std::vector<std::string> na_values;  // besides pandas' defaults (is_missing_text)
};

// True for the texts read as missing: pandas' default NA spellings ("", NA, NaN, null, None,
// N/A, NULL, nan, <NA>, #N/A, ...), so a file reads the same here as in pandas.
bool is_missing_text(std::string_view text);

// Distinct values past which a mostly distinct text column is kept as plain rows. Above what
// --max-categories is normally set to, so such a column is one training would drop anyway.
inline constexpr std::size_t kPlainTextAfter = std::size_t{1} << 16;

class ColumnBuilder {
 public:
  // `expected_rows` sizes the buffers up front (a guess; it may be off either way). `syntax`
  // must outlive the builder.
  ColumnBuilder(bool as_text, std::size_t expected_rows, const ValueSyntax& syntax = plain_syntax())
      : inferred_(as_text ? Inferred::String : Inferred::Empty),
        expected_rows_(expected_rows),
        syntax_(&syntax) {
    if (as_text) codes_.reserve(expected_rows);
  }
  static const ValueSyntax& plain_syntax() {
    static const ValueSyntax plain;
    return plain;
  }

  // Adds one value; false when it needs the column to become text and the builder is typed.
  bool add(std::string_view text);

  Inferred inferred() const { return inferred_; }
  // Whether a text column switched to plain rows.
  bool plain_text() const { return plain_text_; }
  // Whether a value was read as a number only thanks to a decimal comma.
  bool used_decimal_comma() const { return used_decimal_comma_; }
  std::size_t size() const { return validity_.size(); }

  // Moves the values out into `column` (name untouched), converted to `as` (which must be this
  // builder's type or wider: Empty fits anything, Int64 fits Float64).
  void move_into(Column& column, Inferred as);

  ValidityBitmap& validity() { return validity_; }
  std::vector<std::uint8_t>& bools() { return bools_; }
  std::vector<std::int64_t>& ints() { return ints_; }
  std::vector<double>& doubles() { return doubles_; }
  std::vector<std::uint32_t>& codes() { return codes_; }

 private:
  void add_missing();
  void add_text(std::string_view text);
  void promote_to_float();
  void switch_to_plain_text();

  bool parse_number(std::string_view s, double& out);

  Inferred inferred_;
  std::size_t expected_rows_;
  const ValueSyntax* syntax_;
  bool used_decimal_comma_ = false;
  bool plain_text_ = false;
  ValidityBitmap validity_;
  std::vector<std::uint8_t> bools_;
  std::vector<std::int64_t> ints_;
  std::vector<double> doubles_;
  std::vector<std::uint32_t> codes_;
  StringPool dictionary_;
  TextRows text_;
};

}  // namespace groupfit
