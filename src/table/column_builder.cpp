// ColumnBuilder: see column_builder.hpp.
#include "table/column_builder.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "table/iso_datetime.hpp"

namespace groupfit {
namespace {

constexpr std::array<std::string_view, 19> kMissing = {
    "",     "NA",   "NaN",  "null", "None",   "N/A",     "NULL",    "nan",      "<NA>",    "n/a",
    "-NaN", "-nan", "#N/A", "#NA",  "1.#IND", "-1.#IND", "1.#QNAN", "-1.#QNAN", "#N/A N/A"};

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A leading '+' is accepted (pandas does); from_chars would refuse it.
std::string_view without_plus(std::string_view s) {
  return s.size() > 1 && s.front() == '+' && s[1] != '-' && s[1] != '+' ? s.substr(1) : s;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  s = without_plus(s);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  s = without_plus(s);
  auto [end, ec] = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "4,25" as 4.25: one comma, no dot; the copy is short, as numbers are.
bool parse_decimal_comma(std::string_view s, double& out) {
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos || s.size() > 64 || s.find(',', comma + 1) != s.npos ||
      s.find('.') != s.npos) {
    return false;
  }
  char buffer[64];
  std::copy(s.begin(), s.end(), buffer);
  buffer[comma] = '.';
  return parse_double(std::string_view(buffer, s.size()), out);
}

bool parse_bool(std::string_view s, std::uint8_t& out) {
  if (s == "true" || s == "True" || s == "TRUE") {
    out = 1;
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    out = 0;
    return true;
  }
  return false;
}

}  // namespace

bool is_missing_text(std::string_view text) {
  // Most fields are numbers or words: rule them out by their first byte before comparing.
  if (text.empty()) return true;
  if (text.size() > 8) return false;
  const char c = text[0];
  if (c != 'N' && c != 'n' && c != '<' && c != '-' && c != '#' && c != '1') return false;
  for (std::string_view na : kMissing) {
    if (text == na) return true;
  }
  return false;
}

bool ColumnBuilder::parse_number(std::string_view s, double& out) {
  if (parse_double(s, out)) return true;
  if (syntax_->decimal != ValueSyntax::Decimal::Dot && parse_decimal_comma(s, out)) {
    used_decimal_comma_ = true;
    return true;
  }
  return false;
}

void ColumnBuilder::add_missing() {
  validity_.push_back(false);
  switch (inferred_) {
    case Inferred::Empty:
      break;
    case Inferred::Bool:
      bools_.push_back(0);
      break;
    case Inferred::Int64:
      ints_.push_back(0);
      break;
    case Inferred::Float64:
    case Inferred::Date:
      doubles_.push_back(0);
      break;
    case Inferred::String:
      if (plain_text_) {
        text_.push_back({});
      } else {
        codes_.push_back(0);
      }
      break;
  }
}

void ColumnBuilder::add_text(std::string_view text) {
  validity_.push_back(true);
  if (plain_text_) {
    text_.push_back(text);
    return;
  }
  codes_.push_back(dictionary_.intern(text));
  if (dictionary_.size() > kPlainTextAfter && 2 * dictionary_.size() > codes_.size()) {
    switch_to_plain_text();
  }
}

void ColumnBuilder::switch_to_plain_text() {
  plain_text_ = true;
  const std::size_t rows = codes_.size();
  const std::size_t expected = std::max(expected_rows_, rows);
  // Sized from the bytes per value so far, so the rows to come rarely regrow the buffer.
  std::size_t bytes = 0;
  for (std::size_t r = 0; r < rows; ++r)
    bytes += validity_.get(r) ? dictionary_[codes_[r]].size() : 0;
  text_.reserve(expected, bytes / std::max<std::size_t>(rows, 1) * expected + expected / 8);
  for (std::size_t r = 0; r < rows; ++r) {
    text_.push_back(validity_.get(r) ? dictionary_[codes_[r]] : std::string_view());
  }
  std::vector<std::uint32_t>().swap(codes_);
  dictionary_ = StringPool();
}

void ColumnBuilder::promote_to_float() {
  doubles_.reserve(std::max(ints_.capacity(), expected_rows_));
  for (std::int64_t v : ints_) doubles_.push_back(static_cast<double>(v));
  std::vector<std::int64_t>().swap(ints_);
  inferred_ = Inferred::Float64;
}

bool ColumnBuilder::add(std::string_view text) {
  if (is_missing_text(text) || (!syntax_->na_values.empty() &&
                                std::find(syntax_->na_values.begin(), syntax_->na_values.end(),
                                          text) != syntax_->na_values.end())) {
    add_missing();
    return true;
  }
  if (inferred_ == Inferred::String) {
    add_text(text);
    return true;
  }
  const std::string_view s = trim_spaces(text);
  if (inferred_ == Inferred::Date) {
    const std::optional<double> t = parse_iso_datetime(s);
    if (!t) return false;  // a date column meets something else: it is text
    doubles_.push_back(*t);
    validity_.push_back(true);
    return true;
  }
  std::uint8_t b = 0;
  std::int64_t i = 0;
  double d = 0;
  if ((inferred_ == Inferred::Empty || inferred_ == Inferred::Bool) && parse_bool(s, b)) {
    if (inferred_ == Inferred::Empty) {
      bools_.reserve(expected_rows_);
      bools_.assign(validity_.size(), 0);
    }
    inferred_ = Inferred::Bool;
    bools_.push_back(b);
  } else if (inferred_ == Inferred::Bool) {
    return false;  // a bool column meets something else: it is text
  } else if (inferred_ != Inferred::Float64 && parse_int(s, i)) {
    if (inferred_ == Inferred::Empty) {
      ints_.reserve(expected_rows_);
      ints_.assign(validity_.size(), 0);
    }
    inferred_ = Inferred::Int64;
    ints_.push_back(i);
  } else if (parse_number(s, d)) {
    if (inferred_ == Inferred::Empty) {
      doubles_.reserve(expected_rows_);
      doubles_.assign(validity_.size(), 0);
    }
    if (inferred_ == Inferred::Int64) promote_to_float();
    inferred_ = Inferred::Float64;
    doubles_.push_back(d);
  } else if (const auto t = inferred_ == Inferred::Empty ? parse_iso_datetime(s) : std::nullopt) {
    doubles_.reserve(expected_rows_);
    doubles_.assign(validity_.size(), 0);
    inferred_ = Inferred::Date;
    doubles_.push_back(*t);
  } else {
    return false;
  }
  validity_.push_back(true);
  return true;
}

void ColumnBuilder::move_into(Column& column, Inferred as) {
  const std::size_t n = validity_.size();
  column.validity = std::move(validity_);
  switch (as) {
    case Inferred::Empty:
    case Inferred::Float64:
      column.type = ColumnType::Float64;
      if (inferred_ == Inferred::Int64) promote_to_float();
      if (inferred_ == Inferred::Empty) doubles_.assign(n, 0);
      column.doubles = std::move(doubles_);
      break;
    case Inferred::Date:
      column.type = ColumnType::Date;
      column.doubles = std::move(doubles_);
      break;
    case Inferred::Bool:
      column.type = ColumnType::Bool;
      if (inferred_ == Inferred::Empty) bools_.assign(n, 0);
      column.bools = std::move(bools_);
      break;
    case Inferred::Int64:
      column.type = ColumnType::Int64;
      if (inferred_ == Inferred::Empty) ints_.assign(n, 0);
      column.ints = std::move(ints_);
      break;
    case Inferred::String:
      column.type = ColumnType::String;
      if (inferred_ == Inferred::Empty) codes_.assign(n, 0);
      column.plain_text = plain_text_;
      column.codes = std::move(codes_);
      column.dictionary = std::move(dictionary_);
      column.text = std::move(text_);
      break;
  }
}

}  // namespace groupfit
