// The distinct strings of a text column, each with a code (its position, in order of first
// appearance), stored back to back in one buffer with an open-addressing index. Written by hand
// because std::unordered_map<std::string, ...> costs a heap node and a string per distinct value:
// on a 13-million-row file whose id column is unique it made reading 3x slower and the table
// 2x bigger. The index is only needed while a column is being built and can be dropped after.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

class StringPool {
 public:
  // The code of `text`, adding it when new.
  std::uint32_t intern(std::string_view text);
  // The code of `text` if it was in the pool when the index was last complete: strings added
  // by append() since are not seen. Lets several threads look up at once.
  std::optional<std::uint32_t> find(std::string_view text) const;
  // Adds `text` without looking for it first (the caller knows it is new); the next intern()
  // rebuilds the index.
  std::uint32_t append(std::string_view text);
  std::string_view operator[](std::size_t code) const {
    return std::string_view(bytes_).substr(offsets_[code], offsets_[code + 1] - offsets_[code]);
  }
  std::size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  // Frees the lookup index; intern() rebuilds it if called again.
  void drop_index();
  // Sizes the index for `count` strings in all, so interning that many never regrows it.
  void reserve(std::size_t count);
  std::vector<std::string> to_vector() const;
  bool operator==(const StringPool& other) const {
    return bytes_ == other.bytes_ && offsets_ == other.offsets_;
  }

 private:
  void grow_index();
  std::size_t find_slot(std::string_view text, std::uint32_t hash) const;

  std::string bytes_;
  std::vector<std::uint64_t> offsets_ = {0};
  std::vector<std::uint32_t> hashes_;  // per code, so the index can grow without rehashing text
  // hash << 32 | (code + 1); 0 is an empty slot. The hash beside the code spares a cache miss
  // per probe on a large pool.
  std::vector<std::uint64_t> slots_;
  bool index_complete_ = true;
};

}  // namespace groupfit
