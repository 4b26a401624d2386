// reading_notes: see reading_notes.hpp. A text column counts as "numbers but for a few odd
// values" when at most 3 distinct values that are not numbers cover at most 5% of its non-missing
// rows (and at least one row holds a number): a stray "-" or "?" in a measurement column, not a
// column of labels that happen to include a number.
#include "table/reading_notes.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "table/column_builder.hpp"
#include "table/message_text.hpp"
#include "table/row_lines.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kMaxOddValues = 3;
constexpr double kMaxOddShare = 0.05;

bool is_number(std::string_view text, const CsvReadOptions& options) {
  ColumnBuilder number(false, 1, options.syntax);
  return number.add(text) &&
         (number.inferred() == Inferred::Int64 || number.inferred() == Inferred::Float64);
}

std::string note_text(const Column& column, std::size_t odd_rows, std::size_t first,
                      const std::vector<std::string>& spellings, char delimiter,
                      std::string_view source) {
  const std::string location =
      source.empty() ? "" : row_location(std::string(source), delimiter, first);
  return fmt::format(
      "column '{}' holds numbers but for {} value{} ('{}' first, at {}): it is read as text; "
      "--na-values {} would read {} as missing",
      column.name, odd_rows, odd_rows == 1 ? "" : "s", excerpt(column.text_at(first), 20), location,
      fmt::join(spellings, ","), odd_rows == 1 ? "it" : "them");
}

// The same for a plain text column (nearly all values distinct): one pass over the rows, which
// stops at the fourth distinct value that is not a number (an id column stops at once).
std::string plain_odd_values_note(const Column& column, const CsvReadOptions& options,
                                  char delimiter, std::string_view source) {
  std::vector<std::string_view> odd;  // in order of first appearance, as a dictionary has them
  std::size_t odd_rows = 0, valid = 0, first = 0;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_valid(r)) continue;
    ++valid;
    const std::string_view text = column.text[r];
    if (is_number(text, options)) continue;
    if (odd_rows++ == 0) first = r;
    if (std::find(odd.begin(), odd.end(), text) == odd.end()) {
      if (odd.size() == kMaxOddValues) return "";
      odd.push_back(text);
    }
  }
  if (odd_rows == 0 || odd_rows == valid) return "";
  if (static_cast<double>(odd_rows) > kMaxOddShare * static_cast<double>(valid)) return "";
  std::vector<std::string> spellings;
  for (std::string_view text : odd) spellings.push_back(excerpt(text, 20));
  return note_text(column, odd_rows, first, spellings, delimiter, source);
}

// The note for a text column that is numbers but for a few values, or "".
std::string odd_values_note(const Column& column, const CsvReadOptions& options, char delimiter,
                            std::string_view source) {
  if (column.plain_text) return plain_odd_values_note(column, options, delimiter, source);
  const std::size_t distinct = column.dictionary.size();
  std::vector<bool> odd(distinct, false);
  std::size_t odd_distinct = 0;
  for (std::size_t d = 0; d < distinct; ++d) {
    if (!is_number(column.dictionary[d], options)) {
      odd[d] = true;
      if (++odd_distinct > kMaxOddValues) return "";
    }
  }
  if (odd_distinct == 0 || odd_distinct == distinct) return "";
  std::size_t odd_rows = 0, valid = 0, first = 0;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_valid(r)) continue;
    ++valid;
    if (odd[column.codes[r]] && odd_rows++ == 0) first = r;
  }
  if (static_cast<double>(odd_rows) > kMaxOddShare * static_cast<double>(valid)) return "";
  std::vector<std::string> spellings;
  for (std::size_t d = 0; d < distinct; ++d) {
    if (odd[d]) spellings.push_back(excerpt(column.dictionary[d], 20));
  }
  return note_text(column, odd_rows, first, spellings, delimiter, source);
}

}  // namespace

std::vector<std::string> reading_notes(const Table& table, const CsvReadOptions& options,
                                       char delimiter, std::string_view source) {
  std::vector<std::string> notes;
  std::vector<std::string> comma_columns;
  for (const Column& column : table.columns) {
    if (column.decimal_comma && options.decimal == 0) comma_columns.push_back(column.name);
    if (column.type == ColumnType::String) {
      std::string note = odd_values_note(column, options, delimiter, source);
      if (!note.empty()) notes.push_back(std::move(note));
    }
  }
  if (!comma_columns.empty()) {
    notes.insert(notes.begin(),
                 fmt::format("read {} column{} with decimal commas ({}), as the file is "
                             "';'-separated: pass --decimal , to say so, or --decimal . to "
                             "read such values as text",
                             comma_columns.size(), comma_columns.size() == 1 ? "" : "s",
                             fmt::join(comma_columns, ", ")));
  }
  return notes;
}

}  // namespace groupfit
