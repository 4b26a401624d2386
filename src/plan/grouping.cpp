// group_rows: see grouping.hpp.
#include "plan/grouping.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace groupfit {

std::uint64_t hash_key(const GroupKey& key) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  mix(key.missing ? 0 : 1);
  for (char c : key.text) mix(static_cast<unsigned char>(c));
  return h;
}

namespace {

// Groups by a dense id per row (dictionary code, or the rank of a distinct number), then orders
// the groups with `less` applied to a representative row of each.
template <typename IdOf, typename Less>
std::vector<Group> collect(const Column& column, std::size_t num_ids, IdOf id_of, Less less) {
  const std::size_t n = column.size();
  // slot num_ids is the missing group
  std::vector<std::vector<std::uint32_t>> rows(num_ids + 1);
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t id = column.is_valid(r) ? id_of(r) : num_ids;
    rows[id].push_back(static_cast<std::uint32_t>(r));
  }
  std::vector<std::size_t> order;
  for (std::size_t id = 0; id <= num_ids; ++id) {
    if (!rows[id].empty()) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (a == num_ids || b == num_ids) return a == num_ids && b != num_ids;
    return less(rows[a].front(), rows[b].front());
  });
  std::vector<Group> groups;
  groups.reserve(order.size());
  for (std::size_t id : order) {
    Group g;
    g.key.missing = id == num_ids;
    if (!g.key.missing) g.key.text = column.text_at(rows[id].front());
    g.rows = std::move(rows[id]);
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace

std::vector<Group> group_rows(const Column& group_column) {
  Column encoded;  // a plain text group column (thousands of groups of a few rows) gets codes
  const Column& column = with_dictionary(group_column, encoded);
  if (column.type == ColumnType::String) {
    const auto& dict = column.dictionary;
    return collect(
        column, dict.size(), [&](std::size_t r) { return column.codes[r]; },
        [&](std::uint32_t a, std::uint32_t b) {
          return dict[column.codes[a]] < dict[column.codes[b]];
        });
  }
  // Numbers and bools: ids from a map of distinct values (ordered, so ranks sort by value).
  std::map<double, std::size_t> ids;
  std::map<std::int64_t, std::size_t> int_ids;
  const bool is_int = column.type == ColumnType::Int64;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_valid(r)) continue;
    if (is_int) {
      int_ids.emplace(column.ints[r], 0);
    } else {
      ids.emplace(column.numeric_at(r), 0);
    }
  }
  std::size_t next = 0;
  for (auto& [_, id] : ids) id = next++;
  for (auto& [_, id] : int_ids) id = next++;
  auto id_of = [&](std::size_t r) {
    return is_int ? int_ids.at(column.ints[r]) : ids.at(column.numeric_at(r));
  };
  // ids are assigned in value order, so comparing ids compares values
  return collect(column, next, id_of,
                 [&](std::uint32_t a, std::uint32_t b) { return id_of(a) < id_of(b); });
}

}  // namespace groupfit
