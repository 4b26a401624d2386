// repeated_id_warning: see id_check.hpp. One pass with a hash of the values seen, keyed by the
// column's own representation (dictionary code, integer, double), so a numeric id column of
// millions of rows is not turned into strings first.
#include "plan/id_check.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "table/message_text.hpp"
#include "table/text_repeats.hpp"

namespace groupfit {
namespace {

struct Repeat {
  std::size_t first = 0, second = 0;  // data rows, 0-based, of the first repeated value
  std::size_t count = 0;              // rows that repeat an earlier row's id
};

template <typename KeyOf>
Repeat find_repeats(const Column& column, KeyOf key_of) {
  std::unordered_map<decltype(key_of(std::size_t{0})), std::size_t> first_row;
  Repeat repeat;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_valid(r)) continue;
    const auto [it, added] = first_row.emplace(key_of(r), r);
    if (added) continue;
    if (repeat.count++ == 0) repeat.first = it->second, repeat.second = r;
  }
  return repeat;
}

}  // namespace

std::optional<std::string> repeated_id_warning(const Column& id) {
  Repeat repeat;
  switch (id.type) {
    case ColumnType::String:
      if (id.plain_text) {
        const TextRepeats text = count_text_repeats(id);
        repeat = {text.first, text.second, text.repeated_rows};
        break;
      }
      // Distinct codes are distinct values: nothing repeats when there are as many as rows.
      if (id.dictionary.size() == id.validity.count_valid()) return std::nullopt;
      repeat = find_repeats(id, [&](std::size_t r) { return id.codes[r]; });
      break;
    case ColumnType::Int64:
      repeat = find_repeats(id, [&](std::size_t r) { return id.ints[r]; });
      break;
    case ColumnType::Float64:
    case ColumnType::Date:
      repeat = find_repeats(id, [&](std::size_t r) { return id.doubles[r]; });
      break;
    case ColumnType::Bool:
      repeat = find_repeats(id, [&](std::size_t r) { return id.bools[r]; });
      break;
  }
  if (repeat.count == 0) return std::nullopt;
  return fmt::format(
      "id column '{}' is not unique: '{}' is on data rows {} and {} ({} rows repeat an earlier "
      "id), so rows of predictions.csv may share an id",
      id.name, excerpt(id.text_at(repeat.first)), repeat.first + 1, repeat.second + 1,
      repeat.count);
}

}  // namespace groupfit
