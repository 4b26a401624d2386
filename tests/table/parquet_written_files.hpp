// Parquet files written at test time by independent writers (DuckDB, hyparquet-writer, arrow-rs
// through parquet-wasm), through tests/table/parquet_writers/write_parquet.mjs run by Node.js,
// and what groupfit must read from them: each column's expected type, validity and values,
// computed from what the writer was given — for dates and times through the CSV reader's own
// parsing of the same instant written as ISO 8601 text, for decimals by parsing their decimal
// text, so that "equal to the writer's input" also means "equal to the same data read as CSV".
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "table/iso_datetime.hpp"
#include "table/table.hpp"

namespace groupfit::testing_support {

using nlohmann::json;

// One column of a spec: a writer type (see write_parquet.mjs) and its values (null: missing).
struct SpecColumn {
  SpecColumn(std::string name_, std::string type_)
      : name(std::move(name_)), type(std::move(type_)) {}
  std::string name;
  std::string type;
  json values = json::array();
  std::string encoding;  // empty: the writer's choice
};

struct ParquetSpec {
  ParquetSpec(std::string writer_, std::filesystem::path out_, json options_,
              std::vector<SpecColumn> columns_)
      : writer(std::move(writer_)),
        out(std::move(out_)),
        options(std::move(options_)),
        columns(std::move(columns_)) {}
  std::string writer;
  std::filesystem::path out;
  json options = json::object();
  std::vector<SpecColumn> columns;
  std::string from_csv;  // DuckDB only: convert this CSV file (columns unused)
  std::string select;    // with from_csv: the select list
};

inline json to_json(const ParquetSpec& s) {
  json columns = json::array();
  for (const SpecColumn& c : s.columns) {
    json col = {{"name", c.name}, {"type", c.type}, {"values", c.values}};
    if (!c.encoding.empty()) col["encoding"] = c.encoding;
    columns.push_back(std::move(col));
  }
  json out = {
      {"writer", s.writer}, {"out", s.out.string()}, {"options", s.options}, {"columns", columns}};
  if (!s.from_csv.empty()) out["from_csv"] = s.from_csv;
  if (!s.select.empty()) out["select"] = s.select;
  return out;
}

// Writes every spec's file with one Node.js process per writer. Fails the test (rather than
// skipping it) when Node.js or the npm packages are missing: `make test` installs them.
inline ::testing::AssertionResult write_parquet_files(const std::vector<ParquetSpec>& specs,
                                                      const std::filesystem::path& dir) {
  const std::filesystem::path modules = GROUPFIT_NPM_DIR;
  const std::string node = GROUPFIT_NODE;
  if (node.empty() || node.ends_with("NOTFOUND") || !std::filesystem::exists(node)) {
    return ::testing::AssertionFailure()
           << "Node.js is missing (the Parquet tests write their files with npm packages): run "
              "`make test`, or scripts/setup.sh --npm and reconfigure";
  }
  if (!std::filesystem::exists(modules / "hyparquet-writer")) {
    return ::testing::AssertionFailure()
           << "the npm test writers are not installed in " << modules
           << ": run `make test` or `bash scripts/npm_tools.sh BUILD`";
  }
  json all = json::array();
  for (const ParquetSpec& s : specs) all.push_back(to_json(s));
  const auto spec_file = dir / "specs.json";
  std::ofstream(spec_file) << all.dump();
  const std::string script =
      std::string(GROUPFIT_SOURCE_DIR) + "/tests/table/parquet_writers/write_parquet.mjs";
  const std::string command = "'" + node + "' '" + script + "' '" + spec_file.string() + "' '" +
                              modules.string() + "' 2>'" + (dir / "node.err").string() + "'";
  const int status = std::system(command.c_str());
  if (status != 0) {
    std::ifstream err(dir / "node.err");
    std::string text((std::istreambuf_iterator<char>(err)), {});
    return ::testing::AssertionFailure() << "write_parquet.mjs failed: " << text;
  }
  return ::testing::AssertionSuccess();
}

// The ISO 8601 text of `whole` seconds plus `fraction` (of `digits` digits) since the epoch.
inline std::string iso_text(std::int64_t whole, std::int64_t fraction, int digits) {
  std::int64_t days = whole / 86400 - (whole % 86400 < 0 ? 1 : 0);
  const std::int64_t of_day = whole - days * 86400;
  // civil_from_days (H. Hinnant)
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char text[160];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(of_day / 3600), static_cast<long long>(of_day % 3600 / 60),
                static_cast<long long>(of_day % 60));
  std::string s = text;
  if (digits > 0 && fraction != 0) {
    std::string f = std::to_string(fraction);
    s += "." + std::string(static_cast<std::size_t>(digits) - f.size(), '0') + f;
  }
  return s;
}

inline std::int64_t as_int64(const json& v) {
  return v.is_string() ? std::stoll(v.get<std::string>()) : v.get<std::int64_t>();
}

// What groupfit must read for one spec value (the column must be valid there).
inline ::testing::AssertionResult same_value(const Column& column, std::size_t row,
                                             const SpecColumn& spec) {
  const json& v = spec.values[row];
  const std::string& t = spec.type;
  const auto fail = [&](const std::string& want, const std::string& got) {
    return ::testing::AssertionFailure()
           << "column '" << spec.name << "' row " << row << ": want " << want << ", read " << got;
  };
  if (v.is_null()) {
    if (column.is_valid(row)) return fail("missing", column.text_at(row));
    return ::testing::AssertionSuccess();
  }
  if (!column.is_valid(row)) return fail(v.dump(), "missing");
  if (t == "bool") {
    if (column.bools[row] != v.get<bool>()) return fail(v.dump(), column.text_at(row));
  } else if (t == "int32" || t == "int64" || t.starts_with("uint")) {
    if (column.ints[row] != as_int64(v)) return fail(v.dump(), column.text_at(row));
  } else if (t == "float" || t == "double" || t == "float16") {
    if (column.doubles[row] != v.get<double>()) return fail(v.dump(), column.text_at(row));
  } else if (t == "date" || t.starts_with("timestamp")) {
    const int digits = t == "date" ? 0 : t.ends_with("ms") ? 3 : t.ends_with("us") ? 6 : 9;
    const std::int64_t per_second = digits == 0   ? 1
                                    : digits == 3 ? 1000
                                    : digits == 6 ? 1000000
                                                  : 1000000000;
    std::int64_t n = as_int64(v);
    if (digits == 0) n *= 86400;
    std::int64_t whole = n / per_second;
    if (n % per_second < 0) --whole;
    const std::string text = iso_text(whole, n - whole * per_second, digits);
    const std::optional<double> want = parse_iso_datetime(text);
    if (!want || column.doubles[row] != *want) return fail(text, column.text_at(row));
  } else if (t.starts_with("time_")) {
    const double per_second = t.ends_with("ms") ? 1e3 : t.ends_with("us") ? 1e6 : 1e9;
    if (column.doubles[row] != static_cast<double>(as_int64(v)) / per_second) {
      return fail(v.dump(), column.text_at(row));
    }
  } else if (t.starts_with("decimal:")) {
    const int scale = std::stoi(t.substr(t.rfind(':') + 1));
    std::string digits =
        v.is_string() ? v.get<std::string>() : std::to_string(v.get<std::int64_t>());
    const bool negative = digits[0] == '-';
    if (negative) digits.erase(0, 1);
    while (digits.size() <= static_cast<std::size_t>(scale)) digits.insert(0, "0");
    const std::string text = (negative ? "-" : "") + digits.substr(0, digits.size() - scale) + "." +
                             digits.substr(digits.size() - scale);
    if (column.doubles[row] != std::strtod(text.c_str(), nullptr))
      return fail(text, column.text_at(row));
  } else {
    if (column.text_at(row) != v.get<std::string>()) return fail(v.dump(), column.text_at(row));
  }
  return ::testing::AssertionSuccess();
}

inline ColumnType expected_type(const std::string& t) {
  if (t == "bool") return ColumnType::Bool;
  if (t == "int32" || t == "int64" || t.starts_with("uint")) return ColumnType::Int64;
  if (t == "date" || t.starts_with("timestamp")) return ColumnType::Date;
  if (t == "float" || t == "double" || t == "float16" || t.starts_with("time_") ||
      t.starts_with("decimal:")) {
    return ColumnType::Float64;
  }
  return ColumnType::String;
}

// The table holds exactly the spec's columns, of the expected types, with its values.
inline ::testing::AssertionResult same_table(const Table& table, const ParquetSpec& spec) {
  if (table.num_columns() != spec.columns.size()) {
    return ::testing::AssertionFailure()
           << table.num_columns() << " columns read, want " << spec.columns.size();
  }
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    const Column& column = table.columns[c];
    const SpecColumn& want = spec.columns[c];
    if (column.name != want.name) {
      return ::testing::AssertionFailure() << "column " << c << " is '" << column.name << "'";
    }
    if (column.type != expected_type(want.type)) {
      return ::testing::AssertionFailure()
             << "column '" << want.name << "' read as " << to_string(column.type);
    }
    if (column.size() != want.values.size()) {
      return ::testing::AssertionFailure() << "column '" << want.name << "' has " << column.size()
                                           << " rows, want " << want.values.size();
    }
    for (std::size_t r = 0; r < column.size(); ++r) {
      if (auto same = same_value(column, r, want); !same) return same;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace groupfit::testing_support
