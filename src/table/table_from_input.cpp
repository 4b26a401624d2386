// table_from_input: see table_from_input.hpp.
#include "table/table_from_input.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "groupfit/error.hpp"
#include "groupfit/limits.hpp"
#include "table/column_builder.hpp"
#include "table/column_names.hpp"
#include "table/message_text.hpp"

namespace groupfit {
namespace {

bool is_missing(const InputColumn& in, std::size_t row) {
  return in.missing != nullptr && in.missing[row] != 0;
}

template <typename T>
const T* values_as(const InputColumn& in) {
  return static_cast<const T*>(in.values);
}

// Every row valid but those `valid(row)` rejects; the caller's vector holds 0 for those.
template <typename Valid>
void set_validity(Column& column, std::size_t rows, Valid valid) {
  column.validity.resize(rows, true);
  for (std::size_t r = 0; r < rows; ++r) {
    if (!valid(r)) column.validity.set(r, false);
  }
}

void fill_bools(const InputColumn& in, std::size_t rows, Column& out) {
  out.type = ColumnType::Bool;
  const auto* v = values_as<std::uint8_t>(in);
  out.bools.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) out.bools[r] = !is_missing(in, r) && v[r] != 0;
  set_validity(out, rows, [&](std::size_t r) { return !is_missing(in, r); });
}

template <typename T>
void fill_ints(const InputColumn& in, std::size_t rows, Column& out) {
  out.type = ColumnType::Int64;
  const T* v = values_as<T>(in);
  out.ints.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) out.ints[r] = is_missing(in, r) ? 0 : v[r];
  set_validity(out, rows, [&](std::size_t r) { return !is_missing(in, r); });
}

template <typename T>
void fill_doubles(const InputColumn& in, std::size_t rows, Column& out) {
  out.type = ColumnType::Float64;
  const T* v = values_as<T>(in);
  out.doubles.resize(rows);
  const auto valid = [&](std::size_t r) { return !is_missing(in, r) && !std::isnan(v[r]); };
  for (std::size_t r = 0; r < rows; ++r) out.doubles[r] = valid(r) ? static_cast<double>(v[r]) : 0;
  set_validity(out, rows, valid);
}

// Nanoseconds to seconds as the CSV reader computes a written time: whole seconds (exact in a
// double) plus the fraction correctly rounded, one rounding in the sum.
double seconds_of(std::int64_t ns) {
  constexpr std::int64_t kPerSecond = 1'000'000'000;
  std::int64_t whole = ns / kPerSecond;
  std::int64_t rest = ns % kPerSecond;
  if (rest < 0) {  // floor, so the fraction is in [0, 1) as a written time's is
    whole -= 1;
    rest += kPerSecond;
  }
  return static_cast<double>(whole) + static_cast<double>(rest) / 1e9;
}

void fill_dates(const InputColumn& in, std::size_t rows, Column& out) {
  out.type = ColumnType::Date;
  const auto* v = values_as<std::int64_t>(in);
  out.doubles.resize(rows);
  constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();
  const auto valid = [&](std::size_t r) { return !is_missing(in, r) && v[r] != kNaT; };
  for (std::size_t r = 0; r < rows; ++r) out.doubles[r] = valid(r) ? seconds_of(v[r]) : 0;
  set_validity(out, rows, valid);
}

template <typename Code>
void fill_text_codes(const InputColumn& in, std::size_t rows, std::string_view source,
                     Column& out) {
  const Code* v = values_as<Code>(in);
  const std::size_t n = in.categories.size();
  // Category -> dictionary code, given on first use, so the dictionary holds the values rows
  // use in order of first appearance, as the reader's does. -1: not seen yet; -2: missing.
  std::vector<std::int64_t> code_of(n, -1);
  out.codes.resize(rows);
  out.validity.resize(rows, true);
  for (std::size_t r = 0; r < rows; ++r) {
    const Code c = v[r];
    if (c < 0 || is_missing(in, r)) {
      out.validity.set(r, false);
      continue;
    }
    if (static_cast<std::uint64_t>(c) >= n) {
      throw InputError(fmt::format("{}: data row {}: column '{}' holds code {}, past its {} values",
                                   source, r + 1, excerpt(in.name), static_cast<long long>(c), n));
    }
    std::int64_t& code = code_of[static_cast<std::size_t>(c)];
    if (code == -1) {
      const std::string_view text = in.categories[static_cast<std::size_t>(c)];
      // Equal categories get one code (intern), which pandas never gives but a program may.
      code = text.empty() ? -2 : std::int64_t{out.dictionary.intern(text)};
    }
    if (code == -2) {
      out.validity.set(r, false);
      continue;
    }
    out.codes[r] = static_cast<std::uint32_t>(code);
  }
}

// As the reader keeps text whose values are nearly all distinct (column_builder.hpp).
void to_plain_text_if_varied(Column& column) {
  const std::size_t rows = column.size();
  if (column.dictionary.size() <= kPlainTextAfter || 2 * column.dictionary.size() <= rows) return;
  std::size_t bytes = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (column.is_valid(r)) bytes += column.dictionary[column.codes[r]].size();
  }
  column.text.reserve(rows, bytes);
  for (std::size_t r = 0; r < rows; ++r) {
    column.text.push_back(column.is_valid(r) ? column.dictionary[column.codes[r]]
                                             : std::string_view());
  }
  column.plain_text = true;
  std::vector<std::uint32_t>().swap(column.codes);
  column.dictionary = StringPool();
}

void fill_text(const InputColumn& in, std::size_t rows, std::string_view source, Column& out) {
  out.type = ColumnType::String;
  switch (in.code_bytes) {
    case 1:
      fill_text_codes<std::int8_t>(in, rows, source, out);
      break;
    case 2:
      fill_text_codes<std::int16_t>(in, rows, source, out);
      break;
    case 4:
      fill_text_codes<std::int32_t>(in, rows, source, out);
      break;
    case 8:
      fill_text_codes<std::int64_t>(in, rows, source, out);
      break;
    default:
      throw InputError(fmt::format("{}: column '{}' has codes of {} bytes (1, 2, 4 or 8 expected)",
                                   source, excerpt(in.name), in.code_bytes));
  }
  out.dictionary.drop_index();
  to_plain_text_if_varied(out);
}

Column column_from_input(const InputColumn& in, std::size_t rows, std::string_view source) {
  Column out;
  out.name = in.name;
  if (rows > 0 && in.values == nullptr) {
    throw InputError(fmt::format("{}: column '{}' has no values", source, excerpt(in.name)));
  }
  switch (in.type) {
    case InputType::Bool:
      fill_bools(in, rows, out);
      break;
    case InputType::Int32:
      fill_ints<std::int32_t>(in, rows, out);
      break;
    case InputType::Int64:
      fill_ints<std::int64_t>(in, rows, out);
      break;
    case InputType::Float32:
      fill_doubles<float>(in, rows, out);
      break;
    case InputType::Float64:
      fill_doubles<double>(in, rows, out);
      break;
    case InputType::Timestamp:
      fill_dates(in, rows, out);
      break;
    case InputType::Text:
      fill_text(in, rows, source, out);
      break;
  }
  return out;
}

}  // namespace

Table table_from_input(const InputTable& input, std::string_view source) {
  if (input.columns.size() > kMaxColumns) {
    throw InputError(fmt::format("{}: more than {} columns (the limit)", source, kMaxColumns));
  }
  if (input.rows > kMaxRows) {
    throw InputError(fmt::format("{}: more than {} data rows (the limit)", source, kMaxRows));
  }
  ColumnNameCheck names(source);
  for (std::size_t i = 0; i < input.columns.size(); ++i) names.add(input.columns[i].name, i);
  Table table;
  table.columns.reserve(input.columns.size());
  for (const InputColumn& column : input.columns) {
    table.columns.push_back(column_from_input(column, input.rows, source));
  }
  return table;
}

}  // namespace groupfit
