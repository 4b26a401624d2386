// line_of_row and row_location: see row_lines.hpp.
#include "table/row_lines.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "table/csv_tokenizer.hpp"

namespace groupfit {

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

std::string row_location(const std::string& path, char delimiter, std::size_t row) {
  const std::size_t line = line_of_row(path, delimiter, row);
  return line > 0 ? fmt::format("{}:{}", path, line)
                  : fmt::format("{}: data row {}", path, row + 1);
}

}  // namespace groupfit
