// line_of_row and row_location: see row_lines.hpp.
#include "table/row_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "table/csv_tokenizer.hpp"
#include "table/input_source.hpp"

namespace groupfit {

std::size_t line_of_row(const std::string& path, char delimiter, std::size_t row) {
  // Standard input and pipes are gone once read: the message says "data row" instead.
  if (!can_read_again(path)) return 0;
  std::optional<InputText> file;
  try {
    file.emplace(read_input(path));  // decompressed again when compressed
  } catch (const std::exception&) {
    return 0;  // the file cannot be read again (removed, changed): "data row" too
  }
  std::string_view text = file->bytes();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::size_t header_end = first_row_end(text);
  const std::string_view header = text.substr(0, header_end);
  const std::size_t header_lines =
      static_cast<std::size_t>(std::count(header.begin(), header.end(), '\n'));
  CsvTokenizer tokenizer(text.substr(header_end), delimiter ? delimiter : detect_delimiter(header));
  std::vector<CsvField> fields;
  std::size_t line = 0;
  try {
    for (std::size_t r = 0; r <= row && tokenizer.next_row(fields); ++r) {
      line = 1 + header_lines + tokenizer.row_line();
    }
  } catch (const CsvSyntaxError&) {
    line = 0;  // cannot happen: the same bytes were read without error
  }
  return line;
}

std::string row_location(const std::string& path, char delimiter, std::size_t row) {
  const std::size_t line = line_of_row(path, delimiter, row);
  return line > 0 ? fmt::format("{}:{}", path, line)
                  : fmt::format("{}: data row {}", input_name(path), row + 1);
}

}  // namespace groupfit
