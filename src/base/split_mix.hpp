// SplitMix64: a tiny, fully specified random generator. Written by hand rather than using
// std::mt19937 with std::shuffle because the standard leaves shuffle's and the distributions'
// algorithms to each library; the Python reference (bench/reference) must reproduce our splits
// exactly, and SplitMix64 is a few lines in any language.
#pragma once

#include <cstdint>

namespace groupfit {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace groupfit
