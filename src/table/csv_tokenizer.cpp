// CsvTokenizer: see csv_tokenizer.hpp. Hand-written: no Debian-packaged CSV library parses
// into our column layout without an intermediate copy of every field, and the format is small.
#include "table/csv_tokenizer.hpp"

#include <fmt/format.h>

#include <cstring>

namespace groupfit {

CsvTokenizer::CsvTokenizer(std::string_view data, char delimiter, std::size_t max_field_bytes,
                           std::size_t max_fields)
    : data_(data),
      delimiter_(delimiter),
      max_field_bytes_(max_field_bytes),
      max_fields_(max_fields) {
  for (unsigned char c : {static_cast<unsigned char>(delimiter), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('\0')}) {
    special_[c] = true;
  }
}

// Sizes are in MiB when whole, so the default limit reads "16 MiB" rather than a byte count.
void CsvTokenizer::check_length(std::size_t length, std::size_t line) const {
  if (length <= max_field_bytes_) return;
  const std::string limit = max_field_bytes_ % (1u << 20) == 0
                                ? fmt::format("{} MiB", max_field_bytes_ >> 20)
                                : fmt::format("{} bytes", max_field_bytes_);
  throw CsvSyntaxError(line,
                       fmt::format("field longer than {} (the limit); a stray quote?", limit));
}

CsvField CsvTokenizer::read_unquoted() {
  const std::size_t start = pos_;
  const std::size_t n = data_.size();
  while (pos_ < n && !special_[static_cast<unsigned char>(data_[pos_])]) ++pos_;
  if (pos_ < n && data_[pos_] == '\0') throw CsvSyntaxError(line_, "NUL byte in input");
  check_length(pos_ - start, line_);
  return {data_.substr(start, pos_ - start), false};
}

CsvField CsvTokenizer::read_quoted() {
  const std::size_t open_line = line_;
  ++pos_;  // the opening quote
  const std::size_t start = pos_;
  std::string* unescaped = nullptr;
  std::size_t piece = start;
  for (;;) {
    const void* hit = std::memchr(data_.data() + pos_, '"', data_.size() - pos_);
    if (hit == nullptr) throw CsvSyntaxError(open_line, "unterminated quoted field");
    const std::size_t quote = static_cast<const char*>(hit) - data_.data();
    // Checked before the scan below, so an unterminated quote at the top of a huge file fails
    // as soon as the field passes the limit, not after a pass over the rest of the file.
    check_length(quote - start, open_line);
    for (std::size_t i = pos_; i < quote; ++i) {
      if (data_[i] == '\n') ++line_;
      if (data_[i] == '\0') throw CsvSyntaxError(line_, "NUL byte in input");
    }
    if (quote + 1 < data_.size() && data_[quote + 1] == '"') {  // a doubled quote
      if (unescaped == nullptr) unescaped = &unescaped_.emplace_back();
      unescaped->append(data_.substr(piece, quote + 1 - piece));
      pos_ = piece = quote + 2;
      continue;
    }
    pos_ = quote + 1;
    std::string_view text = data_.substr(piece, quote - piece);
    if (unescaped != nullptr) {
      unescaped->append(text);
      text = *unescaped;
    } else {
      text = data_.substr(start, quote - start);
    }
    // Text after the closing quote and before the delimiter is kept, as pandas does.
    if (pos_ < data_.size() && !special_[static_cast<unsigned char>(data_[pos_])]) {
      const CsvField rest = read_unquoted();
      std::string& joined = unescaped_.emplace_back(text);
      joined.append(rest.text);
      text = joined;
      check_length(text.size(), open_line);
    }
    return {text, true};
  }
}

bool CsvTokenizer::next_row(std::vector<CsvField>& fields) {
  fields.clear();
  unescaped_.clear();
  const std::size_t n = data_.size();
  // Skip blank lines.
  while (pos_ < n && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return false;
  row_line_ = line_;
  for (;;) {
    if (fields.size() == max_fields_) {
      throw CsvSyntaxError(row_line_, fmt::format("more than {} fields (the limit)", max_fields_));
    }
    fields.push_back(pos_ < n && data_[pos_] == '"' ? read_quoted() : read_unquoted());
    if (pos_ >= n) return true;
    const char c = data_[pos_];
    if (c == delimiter_) {
      ++pos_;
      if (pos_ >= n) {  // a trailing delimiter at the very end: one more empty field
        fields.push_back({});
        return true;
      }
      continue;
    }
    if (c == '\r') {
      ++pos_;
      if (pos_ < n && data_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    throw CsvSyntaxError(line_, "NUL byte in input");
  }
}

std::size_t first_row_end(std::string_view data) {
  bool quoted = false;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '"') quoted = !quoted;
    if (data[i] == '\n' && !quoted) return i + 1;
  }
  return data.size();
}

char detect_delimiter(std::string_view header_line) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace groupfit
