// The generator's random numbers: integer-only draws on SplitMix64 (plan/split_mix.hpp). The
// generator promises the same bytes for a seed on every platform, so nothing here goes through
// <random>'s distributions (their algorithms differ between standard libraries) or through
// floating point (libm functions and fused multiply-add differ between machines in the last bit).
#pragma once

#include <cstdint>

#include "base/split_mix.hpp"

namespace groupfit::gen {

class RandomDraws {
 public:
  explicit RandomDraws(std::uint64_t seed) : rng_(seed) {}

  std::uint64_t next() { return rng_.next(); }

  // In [0, n), for n < 2^32. Multiply-shift instead of `% n`: no division on the hot path, and
  // its bias (under n / 2^32) is far below anything the generated table could show.
  std::uint64_t below(std::uint64_t n) { return ((next() >> 32) * n) >> 32; }

  // In [lo, hi], both ends included.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability threshold / 2^32; see chance_threshold().
  bool chance(std::uint64_t threshold) { return (next() >> 32) < threshold; }

 private:
  groupfit::SplitMix64 rng_;
};

// A probability in [0, 1] as a threshold for RandomDraws::chance. Multiplying by a power of two
// and truncating is exact in IEEE arithmetic, so the threshold is the same everywhere.
inline std::uint64_t chance_threshold(double probability) {
  if (!(probability > 0)) return 0;
  if (probability >= 1) return std::uint64_t{1} << 32;
  return static_cast<std::uint64_t>(probability * 4294967296.0);
}

// An independent seed for a named stream (group models, rows) from the user's seed, so that
// adding a draw to one stream does not shift every value of the other.
inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) {
  groupfit::SplitMix64 mix(seed ^ (stream * 0xd1b54a32d192ed03ull));
  return mix.next();
}

}  // namespace groupfit::gen
