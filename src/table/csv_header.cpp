// read_csv_header: see csv_header.hpp.
#include "table/csv_header.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "groupfit/error.hpp"
#include "table/csv_tokenizer.hpp"
#include "table/message_text.hpp"
#include "table/utf8.hpp"

namespace groupfit {

std::vector<std::string> read_csv_header(std::string_view header, char delimiter,
                                         const CsvReadOptions& options, std::string_view source) {
  CsvTokenizer tokenizer(header, delimiter, options.max_field_bytes, options.max_columns);
  std::vector<CsvField> fields;
  try {
    tokenizer.next_row(fields);
  } catch (const CsvSyntaxError& e) {
    throw InputError(fmt::format("{}:{}: {}", source, 1 + e.line, e.what()));
  }
  // The tokenizer stops at the limit, but a trailing delimiter still adds one empty field.
  if (fields.size() > options.max_columns) {
    throw InputError(
        fmt::format("{}:1: more than {} fields (the limit)", source, options.max_columns));
  }
  std::vector<std::string> names;
  names.reserve(fields.size());
  std::unordered_map<std::string_view, std::size_t> seen;  // name -> column, 0-based
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view name = fields[i].text;
    if (name.empty()) {
      throw InputError(fmt::format("{}: column {} has an empty name", source, i + 1));
    }
    if (!is_valid_utf8(name)) {
      throw InputError(fmt::format("{}: the name of column {} is not valid UTF-8", source, i + 1));
    }
    // A hash, not a scan of the earlier names: a header at the column limit would take seconds.
    if (const auto [it, added] = seen.emplace(name, i); !added) {
      throw InputError(fmt::format("{}: duplicate column name '{}' (columns {} and {})", source,
                                   excerpt(name), it->second + 1, i + 1));
    }
    names.emplace_back(name);
  }
  return names;
}

}  // namespace groupfit
