// The checks every table's column names get, whatever the table came from (a CSV header, a
// Parquet schema, a table in memory), with the same words: each present, valid UTF-8 and unique.
// Names are matched against --group/--target/--id and written into every output (CSV headers,
// JSON), which cannot carry invalid UTF-8 and would make a repeated name ambiguous.
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_map>

namespace groupfit {

class ColumnNameCheck {
 public:
  // `source` names the input in messages ("data.csv", "<DataFrame>"); it must outlive the check.
  explicit ColumnNameCheck(std::string_view source) : source_(source) {}
  // Checks the name of the `column`-th column (0-based) against the earlier ones; InputError
  // saying which columns when it fails. `name` must stay alive as long as this check.
  void add(std::string_view name, std::size_t column);

 private:
  std::string_view source_;
  // A hash, not a scan of the earlier names: a header at the column limit would take seconds.
  std::unordered_map<std::string_view, std::size_t> seen_;  // name -> column
};

}  // namespace groupfit
