// What the reader tells the user about how it read a file, as one-line notes (the caller shows
// them as warnings): columns read as numbers only thanks to decimal commas, which the user should
// confirm with --decimal; and columns that are numbers but for a few odd values ("-", "?", "n/a"
// in a spelling pandas does not know), which become text — a categorical feature with as many
// levels as numbers — unless those spellings are declared missing with --na-values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "table/csv_reader.hpp"
#include "table/table.hpp"

namespace groupfit {

// `source` is the file's path (rows are located by row_lines.hpp) or a name for text input.
std::vector<std::string> reading_notes(const Table& table, const CsvReadOptions& options,
                                       char delimiter, std::string_view source);

}  // namespace groupfit
