// require_utf8_values: see utf8_values.hpp. Validation costs one pass over each column's
// distinct values (its dictionary; every row of a plain text column), not over its rows; rows
// are only scanned, and the file
// tokenized again to turn a row into a line, once a bad value has been found.
#include "table/utf8_values.hpp"

#include <fmt/format.h>

#include <limits>

#include "groupfit/error.hpp"
#include "table/message_text.hpp"
#include "table/row_lines.hpp"
#include "table/utf8.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The first row of a text column holding a value that is not UTF-8, or kNone.
std::size_t first_bad_row(const Column& column) {
  if (column.plain_text) {
    for (std::size_t r = 0; r < column.size(); ++r) {
      if (column.is_valid(r) && !is_valid_utf8(column.text[r])) return r;
    }
    return kNone;
  }
  std::vector<bool> bad(column.dictionary.size(), false);
  bool any = false;
  for (std::size_t d = 0; d < column.dictionary.size(); ++d) {
    if (!is_valid_utf8(column.dictionary[d])) bad[d] = any = true;
  }
  if (!any) return kNone;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (column.is_valid(r) && bad[column.codes[r]]) return r;
  }
  return kNone;
}

}  // namespace

void require_utf8_values(const Table& table, const std::vector<std::string>& columns,
                         const std::string& path, char delimiter) {
  std::size_t row = kNone;
  const Column* culprit = nullptr;
  for (const std::string& name : columns) {
    const Column& column = table.column(name);
    if (column.type != ColumnType::String) continue;
    const std::size_t r = first_bad_row(column);
    if (r < row) row = r, culprit = &column;
  }
  if (culprit == nullptr) return;
  const std::string_view value = culprit->text_view(row);
  throw InputError(fmt::format(
      "{}: column '{}' holds text that is not UTF-8 ('{}', byte {} of the value); convert "
      "the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
      row_location(path, delimiter, row), culprit->name, excerpt(value),
      first_invalid_utf8(value) + 1));
}

}  // namespace groupfit
