// CsvWriter: see csv_writer.hpp.
#include "report/csv_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace groupfit {

std::string format_number(double value) {
  if (std::isnan(value)) return "";
  return fmt::format("{}", value);
}

std::string format_number(float value) {
  if (std::isnan(value)) return "";
  return fmt::format("{}", value);
}

CsvWriter& CsvWriter::number(float value) {
  separate();
  out_ << format_number(value);
  return *this;
}

void CsvWriter::separate() {
  if (row_started_) out_.put(delimiter_);
  row_started_ = true;
}

CsvWriter& CsvWriter::text(std::string_view value) {
  separate();
  bool needs_quotes = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (char c : value) {
    if (c == delimiter_ || c == '"' || c == '\n' || c == '\r') {
      needs_quotes = true;
      break;
    }
  }
  if (!needs_quotes) {
    out_ << value;
    return *this;
  }
  out_.put('"');
  for (char c : value) {
    if (c == '"') out_.put('"');
    out_.put(c);
  }
  out_.put('"');
  return *this;
}

CsvWriter& CsvWriter::number(double value) {
  separate();
  out_ << format_number(value);
  return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t value) {
  separate();
  out_ << value;
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separate();
  return *this;
}

void CsvWriter::end_row() {
  out_.put('\n');
  row_started_ = false;
}

}  // namespace groupfit
