// require_finite_values: see finite_values.hpp.
#include "table/finite_values.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "groupfit/error.hpp"
#include "table/row_lines.hpp"

namespace groupfit {

void require_finite_values(const Table& table, const std::vector<std::string>& columns,
                           const std::string& path, char delimiter) {
  std::size_t row = std::numeric_limits<std::size_t>::max();
  const Column* culprit = nullptr;
  for (const std::string& name : columns) {
    const Column& column = table.column(name);
    if (column.type != ColumnType::Float64) continue;  // integers and bools are always finite
    for (std::size_t r = 0; r < column.size() && r < row; ++r) {
      if (column.is_valid(r) && !std::isfinite(column.doubles[r])) {
        row = r;
        culprit = &column;
        break;
      }
    }
  }
  if (culprit == nullptr) return;
  throw InputError(fmt::format(
      "{}: column '{}' holds {}: numbers must be finite (a missing value is empty or NA)",
      row_location(path, delimiter, row), culprit->name,
      culprit->doubles[row] > 0 ? "inf" : "-inf"));
}

}  // namespace groupfit
