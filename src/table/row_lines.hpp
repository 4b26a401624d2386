// Where a data row of a CSV file is, for error messages: the table keeps no line numbers (a
// quoted field may span lines, and numbering every row would cost memory on every run), so the
// file is tokenized again up to the row, once, on the error path (decompressed again when it is
// gzip or zstd). Standard input and pipes cannot be read again: their rows are named "data row
// N", N counting data rows from 1 (the first row after the header is 1), as predictions' `row`.
#pragma once

#include <cstddef>
#include <string>

namespace groupfit {

// The 1-based line of the file where data row `row` (0-based) begins; 0 when the file cannot be
// read again (standard input, a pipe). `delimiter` 0: detected, as the reader does.
std::size_t line_of_row(const std::string& path, char delimiter, std::size_t row);

// "data.csv:7" or, when the line cannot be found, "data.csv: data row 6" ("<stdin>: data row 6").
std::string row_location(const std::string& path, char delimiter, std::size_t row);

}  // namespace groupfit
