// line_of_row and row_location: see row_lines.hpp.
#include "table/row_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "base/mapped_file.hpp"
#include "table/csv_tokenizer.hpp"

namespace groupfit {

std::size_t line_of_row(const std::string& path, char delimiter, std::size_t row) {
  MappedRegion file;
  try {
    file = MappedRegion::of_file(path);
  } catch (const std::exception&) {
    return 0;  // the file cannot be read again: the message says "data row" instead
  }
  std::string_view text = file.bytes();
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
                  : fmt::format("{}: data row {}", path, row + 1);
}

}  // namespace groupfit
