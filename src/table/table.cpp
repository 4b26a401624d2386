// Table, Column and ValidityBitmap: see table.hpp.
#include "table/table.hpp"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <limits>
#include <utility>

#include "groupfit/error.hpp"
#include "table/closest_names.hpp"
#include "table/iso_datetime.hpp"

namespace groupfit {

std::string_view to_string(ColumnType type) {
  switch (type) {
    case ColumnType::Bool:
      return "bool";
    case ColumnType::Int64:
      return "int64";
    case ColumnType::Float64:
      return "float64";
    case ColumnType::Date:
      return "date";
    case ColumnType::String:
      return "string";
  }
  return "string";
}

void ValidityBitmap::push_back(bool valid) {
  if (size_ % 64 == 0) words_.push_back(0);
  if (valid) words_[size_ / 64] |= std::uint64_t{1} << (size_ % 64);
  ++size_;
}

void ValidityBitmap::resize(std::size_t size, bool valid) {
  const std::size_t old = size_;
  words_.resize((size + 63) / 64, 0);
  size_ = size;
  if (size > old) {
    for (std::size_t i = old; i < size; ++i) set(i, valid);
  } else if (size % 64 != 0) {
    words_.back() &= (std::uint64_t{1} << (size % 64)) - 1;  // keep count_valid exact
  }
}

void ValidityBitmap::set(std::size_t i, bool valid) {
  const std::uint64_t bit = std::uint64_t{1} << (i % 64);
  if (valid) {
    words_[i / 64] |= bit;
  } else {
    words_[i / 64] &= ~bit;
  }
}

void ValidityBitmap::append(const ValidityBitmap& other) {
  if (size_ % 64 == 0) {
    words_.insert(words_.end(), other.words_.begin(), other.words_.end());
    size_ += other.size_;
    return;
  }
  words_.reserve((size_ + other.size_ + 63) / 64);
  for (std::size_t i = 0; i < other.size_; ++i) push_back(other.get(i));
}

std::size_t ValidityBitmap::count_valid() const {
  std::size_t n = 0;
  for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

ValidityBitmap ValidityBitmap::from_words(std::vector<std::uint64_t> words, std::size_t size) {
  ValidityBitmap bitmap;
  words.resize((size + 63) / 64, 0);
  if (size % 64 != 0) words.back() &= (std::uint64_t{1} << (size % 64)) - 1;
  bitmap.words_ = std::move(words);
  bitmap.size_ = size;
  return bitmap;
}

double Column::numeric_at(std::size_t row) const {
  if (!is_valid(row)) return std::numeric_limits<double>::quiet_NaN();
  switch (type) {
    case ColumnType::Bool:
      return bools[row];
    case ColumnType::Int64:
      return static_cast<double>(ints[row]);
    case ColumnType::Float64:
    case ColumnType::Date:
      return doubles[row];
    case ColumnType::String:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

std::string Column::text_at(std::size_t row) const {
  if (!is_valid(row)) return {};
  switch (type) {
    case ColumnType::Bool:
      return bools[row] ? "true" : "false";
    case ColumnType::Int64:
      return std::to_string(ints[row]);
    case ColumnType::Float64:
      return fmt::format("{}", doubles[row]);
    case ColumnType::Date:
      return format_iso_datetime(doubles[row]);
    case ColumnType::String:
      return std::string(text_view(row));
  }
  return {};
}

void Column::release() {
  Column empty;
  empty.name = std::move(name);
  empty.type = type;
  *this = std::move(empty);
}

const Column& with_dictionary(const Column& column, Column& storage) {
  if (column.type != ColumnType::String || !column.plain_text) return column;
  storage = Column();
  storage.name = column.name;
  storage.type = ColumnType::String;
  storage.validity = column.validity;
  storage.codes.resize(column.size(), 0);
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (column.is_valid(r)) storage.codes[r] = storage.dictionary.intern(column.text[r]);
  }
  storage.dictionary.drop_index();
  return storage;
}

long Table::find(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<long>(i);
  }
  return -1;
}

const Column& Table::column(std::string_view name) const {
  const long i = find(name);
  if (i >= 0) return columns[static_cast<std::size_t>(i)];
  const auto near = closest_names(name, column_names());
  std::string hint;
  for (const auto& n : near) hint += fmt::format("{}'{}'", hint.empty() ? "" : ", ", n);
  throw InputError(hint.empty() ? fmt::format("no column '{}'", name)
                                : fmt::format("no column '{}'; closest: {}", name, hint));
}

std::vector<std::string> Table::column_names() const {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.name);
  return names;
}

}  // namespace groupfit
