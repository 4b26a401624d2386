// Splits CSV bytes into rows of fields (RFC 4180): quoted fields may hold the delimiter, doubled
// quotes and line breaks; CRLF and LF both end a row; blank lines are skipped. Fields are views
// into the input, except quoted fields with doubled quotes, which are unescaped into storage
// that lives until the next row. Knows nothing of types: that is ColumnBuilder's job. It does
// enforce the size limits a row can hit (field length, fields per row), because only it sees a
// field or a row grow: a line of a million commas must fail before it becomes a million fields.
#pragma once

#include <cstddef>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "groupfit/limits.hpp"

namespace groupfit {

struct CsvField {
  std::string_view text;
  bool quoted = false;
};

// A syntax error at a physical line counted from the start of the tokenizer's input (0-based).
struct CsvSyntaxError : std::runtime_error {
  CsvSyntaxError(std::size_t line, const std::string& message)
      : std::runtime_error(message), line(line) {}
  std::size_t line;
};

class CsvTokenizer {
 public:
  // A field longer than `max_field_bytes` or a row of more than `max_fields` fields is a
  // CsvSyntaxError.
  CsvTokenizer(std::string_view data, char delimiter, std::size_t max_field_bytes = kMaxFieldBytes,
               std::size_t max_fields = kMaxColumns);

  // Reads the next non-blank row into `fields`; false at the end of the input.
  bool next_row(std::vector<CsvField>& fields);
  // Physical line (0-based, from the start of the input) where the last row read began.
  std::size_t row_line() const { return row_line_; }
  // Bytes consumed so far.
  std::size_t position() const { return pos_; }

 private:
  CsvField read_quoted();
  CsvField read_unquoted();
  void check_length(std::size_t length, std::size_t line) const;

  std::string_view data_;
  char delimiter_;
  std::size_t max_field_bytes_;
  std::size_t max_fields_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
  std::size_t row_line_ = 0;
  bool special_[256] = {};
  std::deque<std::string> unescaped_;  // deque: growing it never moves earlier strings
};

// The first row's end (the offset after its line break), honouring quotes; data.size() if none.
std::size_t first_row_end(std::string_view data);

// The delimiter the header line suggests: the most frequent of ',', ';' and tab outside quotes,
// ',' when none appears.
char detect_delimiter(std::string_view header_line);

}  // namespace groupfit
