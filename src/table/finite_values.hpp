// Refuses infinite numbers in the columns a run uses. "inf", "-inf" and "1e400" read as numbers,
// and XGBoost fails a group that holds one with a stack trace; an infinity in a table is nearly
// always a division by zero upstream, so it is bad input named by its line. Spellings of a
// missing value ("nan", "NA", empty) are not infinities: they stay missing.
#pragma once

#include <string>
#include <vector>

#include "table/table.hpp"

namespace groupfit {

// Throws InputError ("data.csv:7: column 'x' holds inf: ...") for the first row of a numeric
// column among `columns` whose value is not finite; text columns are skipped. `path` and
// `delimiter` locate the row (row_lines.hpp).
void require_finite_values(const Table& table, const std::vector<std::string>& columns,
                           const std::string& path, char delimiter);

}  // namespace groupfit
