// read_csv_header: see csv_header.hpp.
#include "table/csv_header.hpp"

#include <fmt/format.h>

#include "groupfit/error.hpp"
#include "table/column_names.hpp"
#include "table/csv_tokenizer.hpp"

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
  ColumnNameCheck check(source);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    check.add(fields[i].text, i);
    names.emplace_back(fields[i].text);
  }
  return names;
}

}  // namespace groupfit
