// groupfit::load_table: see include/groupfit/loaded_table.hpp. A thin copy out of the reader's
// own column layout (table/table.hpp), which stays private so that it can change.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "exec/core_count.hpp"
#include "groupfit/error.hpp"
#include "groupfit/loaded_table.hpp"
#include "run/table_columns.hpp"
#include "table/table_reader.hpp"

namespace groupfit {
namespace {

LoadedColumn loaded(const Column& column) {
  LoadedColumn out;
  out.name = column.name;
  const std::size_t rows = column.size();
  out.missing.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) out.missing[r] = column.is_valid(r) ? 0 : 1;
  switch (column.type) {
    case ColumnType::Bool:
      out.type = InputType::Bool;
      out.bools = column.bools;
      break;
    case ColumnType::Int64:
      out.type = InputType::Int64;
      out.ints = column.ints;
      break;
    case ColumnType::Float64:
      out.type = InputType::Float64;
      out.doubles = column.doubles;
      for (std::size_t r = 0; r < rows; ++r) {
        if (out.missing[r]) out.doubles[r] = std::nan("");
      }
      break;
    case ColumnType::Date:
      out.type = InputType::Timestamp;
      out.ints.resize(rows);
      for (std::size_t r = 0; r < rows; ++r) {
        out.ints[r] = out.missing[r] ? 0 : std::llround(column.doubles[r] * 1e9);
      }
      break;
    case ColumnType::String: {
      out.type = InputType::Text;
      Column storage;
      const Column& coded = with_dictionary(column, storage);
      out.categories.reserve(coded.dictionary.size());
      for (std::size_t c = 0; c < coded.dictionary.size(); ++c) {
        out.categories.emplace_back(coded.dictionary[c]);
      }
      out.codes.resize(rows);
      for (std::size_t r = 0; r < rows; ++r) {
        out.codes[r] = out.missing[r] ? -1 : static_cast<std::int32_t>(coded.codes[r]);
      }
      break;
    }
  }
  return out;
}

}  // namespace

LoadedTable load_table(const ReadOptions& read, const std::vector<std::string>& columns,
                       const WarningSink& warn) {
  if (read.table != nullptr) throw InputError("load_table reads a file, not a table in memory");
  std::set<std::string> asked;
  for (const std::string& name : columns) {
    if (!asked.insert(name).second) {
      throw InputError(fmt::format("column '{}' is asked for twice", name));
    }
  }
  TableReadOptions options = read_options_for(read, FeatureOptions{}, available_cores());
  options.columns = columns;
  const Table table = read_table(read.input, options);
  for (const std::string& note : table.notes) warn(note);
  LoadedTable out;
  out.rows = table.num_rows();
  if (columns.empty()) {
    for (const Column& column : table.columns) out.columns.push_back(loaded(column));
  } else {
    for (const std::string& name : columns) out.columns.push_back(loaded(table.column(name)));
  }
  return out;
}

}  // namespace groupfit
