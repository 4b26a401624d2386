// require_utf8_values: see utf8_values.hpp. Validation costs one pass over each column's
// distinct values (its dictionary), not over its rows; rows are only scanned, and the file
// tokenized again to turn a row into a line, once a bad value has been found.
#include "table/utf8_values.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <limits>

#include "groupfit/error.hpp"
#include "table/csv_tokenizer.hpp"
#include "table/message_text.hpp"
#include "table/utf8.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The first row of a text column holding a value that is not UTF-8, or kNone.
std::size_t first_bad_row(const Column& column) {
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

// The 1-based line of the file where data row `row` (0-based) begins; 0 when the file cannot be
// read again. Only called on the error path, so a second pass over the file is fine.
std::size_t line_of_row(const std::string& path, char delimiter, std::size_t row) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
    ::close(fd);
    return 0;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return 0;
  std::string_view text(static_cast<const char*>(map), size);
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
  ::munmap(map, size);
  return line;
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
  const std::string_view value = culprit->dictionary[culprit->codes[row]];
  const std::size_t line = line_of_row(path, delimiter, row);
  throw InputError(fmt::format(
      "{}:{}: column '{}' holds text that is not UTF-8 ('{}', byte {} of the value); convert "
      "the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
      path, line > 0 ? std::to_string(line) : fmt::format("data row {}", row + 1), culprit->name,
      excerpt(value), first_invalid_utf8(value) + 1));
}

}  // namespace groupfit
