// Checks that the text values which will reach an output are valid UTF-8, and reports the first
// that is not by its line in the file.
//
// Why an error and not the bytes as they are: the outputs are UTF-8 CSV and JSON. JSON cannot hold
// arbitrary bytes, so models/schema.json would carry a replaced name while metrics.csv carried the
// raw bytes: `predict` would then fail to match the group's model, or a category's code, in
// silence. A file with such bytes is nearly always Latin-1 or Windows-1252 read as UTF-8 (pandas
// refuses it too), and converting it with iconv is a one-line fix once the line is known.
// Only the columns written out are checked (group, id, categorical features): a text column the
// run ignores may hold any bytes.
#pragma once

#include <string>
#include <vector>

#include "table/table.hpp"

namespace groupfit {

// Throws InputError ("data.csv:7: column 'Region' holds text that is not UTF-8 ...") when a
// value of one of the named text columns of `table` (read from the CSV file `path` with
// `delimiter`, 0 for detected) is not valid UTF-8. Columns that are not text are skipped.
void require_utf8_values(const Table& table, const std::vector<std::string>& columns,
                         const std::string& path, char delimiter);

}  // namespace groupfit
