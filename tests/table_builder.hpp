// Builds small in-memory tables for tests without going through the CSV reader.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace groupfit::testing_support {

inline Column string_column(const std::string& name,
                            const std::vector<std::optional<std::string>>& values) {
  Column c;
  c.name = name;
  c.type = ColumnType::String;
  for (const auto& v : values) {
    c.validity.push_back(v.has_value());
    if (!v) {
      c.codes.push_back(0);
      continue;
    }
    c.codes.push_back(c.dictionary.intern(*v));
  }
  return c;
}

inline Column double_column(const std::string& name, const std::vector<double>& values) {
  Column c;
  c.name = name;
  c.type = ColumnType::Float64;
  for (double v : values) {
    c.validity.push_back(!std::isnan(v));
    c.doubles.push_back(std::isnan(v) ? 0.0 : v);
  }
  return c;
}

inline Column int_column(const std::string& name, const std::vector<std::optional<long>>& values) {
  Column c;
  c.name = name;
  c.type = ColumnType::Int64;
  for (const auto& v : values) {
    c.validity.push_back(v.has_value());
    c.ints.push_back(v.value_or(0));
  }
  return c;
}

}  // namespace groupfit::testing_support
