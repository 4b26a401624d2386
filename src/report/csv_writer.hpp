// Writes RFC 4180 CSV: fields are quoted only when they hold the delimiter, a quote, CR or LF,
// or start/end with a space, so what we write reads back identically with our reader and pandas.
// Numbers are written in their shortest round-trip form so that a written value parses back to
// the same double, and two runs that compute the same value write the same bytes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace groupfit {

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  CsvWriter& text(std::string_view value);
  CsvWriter& number(double value);  // NaN is written as an empty field
  CsvWriter& number(float value);   // shortest form that reads back as the same float
  CsvWriter& integer(std::int64_t value);
  CsvWriter& empty();
  void end_row();

 private:
  void separate();

  std::ostream& out_;
  char delimiter_;
  bool row_started_ = false;
};

// `value` in its shortest round-trip decimal form ("" for NaN); what CsvWriter::number writes.
std::string format_number(double value);
std::string format_number(float value);

}  // namespace groupfit
