// A validity bitmap built a page at a time: whole runs of present values are set a word at a
// time, and one row group's bits are appended to another's with shifts rather than bit by bit.
// Table's ValidityBitmap grows one bit per call, which at 10 million rows and a dozen columns
// cost more than decoding the values did; the result is handed to it whole at the end
// (ValidityBitmap::from_words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace groupfit::parquet {

class ValidityBuilder {
 public:
  std::size_t size() const { return size_; }
  std::size_t nulls() const { return nulls_; }
  void reserve(std::size_t rows) { words_.reserve((rows + 63) / 64); }

  // `count` rows, all present or all missing.
  void append_run(bool valid, std::size_t count) {
    if (!valid) nulls_ += count;
    std::size_t end = size_ + count;
    words_.resize((end + 63) / 64, 0);
    if (valid) {
      std::size_t i = size_;
      for (; i < end && i % 64 != 0; ++i) words_[i / 64] |= std::uint64_t{1} << (i % 64);
      for (; i + 64 <= end; i += 64) words_[i / 64] = ~std::uint64_t{0};
      for (; i < end; ++i) words_[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    size_ = end;
  }

  // One row per level: present when the level is `present`.
  void append_levels(const std::uint8_t* levels, std::size_t count, std::uint8_t present) {
    words_.resize((size_ + count + 63) / 64, 0);
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = size_ + k;
      const bool valid = levels[k] == present;
      words_[i / 64] |= std::uint64_t{valid} << (i % 64);
      nulls_ += valid ? 0 : 1;
    }
    size_ += count;
  }

  // Marks row `i` missing (a NaN read from a float column).
  void clear(std::size_t i) {
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (words_[i / 64] & bit) {
      words_[i / 64] &= ~bit;
      ++nulls_;
    }
  }
  bool get(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1u; }

  void append(const ValidityBuilder& other) {
    const std::size_t shift = size_ % 64;
    if (shift == 0) {
      words_.resize(size_ / 64);
      words_.insert(words_.end(), other.words_.begin(), other.words_.end());
    } else {
      words_.resize((size_ + other.size_ + 63) / 64, 0);
      std::size_t at = size_ / 64;
      for (std::uint64_t w : other.words_) {
        words_[at] |= w << shift;
        if (at + 1 < words_.size()) words_[at + 1] |= w >> (64 - shift);
        ++at;
      }
    }
    size_ += other.size_;
    nulls_ += other.nulls_;
  }

  std::vector<std::uint64_t> take_words() { return std::move(words_); }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t size_ = 0;
  std::size_t nulls_ = 0;
};

}  // namespace groupfit::parquet
