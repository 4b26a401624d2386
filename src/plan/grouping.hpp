// Splits the table's rows into groups by the value of one column, of any type. A missing value
// is a group of its own (pandas' groupby(dropna=False)); its name is empty in every output.
// Groups are listed sorted by key: missing first, then numbers by value or text by bytes, so
// outputs are ordered the same whatever the order of rows in the file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace groupfit {

struct GroupKey {
  bool missing = false;
  std::string text;  // the value as text; empty when missing

  std::string display() const { return missing ? std::string() : text; }
  bool operator==(const GroupKey&) const = default;
};

// A stable 64-bit hash of the key (FNV-1a over a type byte and the text): seeds the group's
// split and names its model file, so both depend on the key alone.
std::uint64_t hash_key(const GroupKey& key);

struct Group {
  GroupKey key;
  std::vector<std::uint32_t> rows;  // ascending row numbers
};

std::vector<Group> group_rows(const Column& column);

}  // namespace groupfit
