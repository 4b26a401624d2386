// The header row of a CSV file: the column names, checked. Every name must be present, unique
// and valid UTF-8, since names are matched against --group/--target/--id and written into every
// output; and the header may not hold more columns than the reader supports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "table/csv_reader.hpp"

namespace groupfit {

// `header` is the first row with its line break. Throws InputError naming `source`.
std::vector<std::string> read_csv_header(std::string_view header, char delimiter,
                                         const CsvReadOptions& options, std::string_view source);

}  // namespace groupfit
