// The text of a column stored row by row, back to back, for columns whose values are nearly all
// distinct (ids, free text, timestamps written in an odd way). A dictionary buys nothing there:
// interning five million unique ids cost half of reading a 369 MB table (a hash probe, a cache
// miss, per row) and its index and hashes doubled the column's memory, while an id is only ever
// copied out or checked for repeats. A column either has a dictionary or is plain text rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

class TextRows {
 public:
  void reserve(std::size_t rows, std::size_t bytes) {
    ends_.reserve(rows);
    bytes_.reserve(bytes);
  }
  void push_back(std::string_view text) {
    bytes_.append(text);
    ends_.push_back(bytes_.size());
  }
  // Appends `other`'s rows after these and empties it.
  void append(TextRows&& other);

  std::string_view operator[](std::size_t row) const {
    const std::uint64_t begin = row == 0 ? 0 : ends_[row - 1];
    return std::string_view(bytes_).substr(begin, ends_[row] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::size_t byte_size() const { return bytes_.size(); }
  bool operator==(const TextRows& other) const = default;

 private:
  std::string bytes_;
  std::vector<std::uint64_t> ends_;  // row r is bytes_[ends_[r-1], ends_[r]), ends_[-1] = 0
};

}  // namespace groupfit
