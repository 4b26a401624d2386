// The decoders of parquet_encodings.hpp, after the format's Encodings.md.
#include "table/parquet/parquet_encodings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "table/parquet/parquet_error.hpp"

namespace groupfit::parquet {
namespace {

std::uint64_t read_uleb(const std::uint8_t*& p, const std::uint8_t* end) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p == end) throw CorruptFile("encoded values end in the middle of a varint");
    const std::uint8_t b = *p++;
    value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return value;
  }
  throw CorruptFile("encoded values hold a varint longer than 10 bytes");
}

std::int64_t read_zigzag(const std::uint8_t*& p, const std::uint8_t* end) {
  const std::uint64_t v = read_uleb(p, end);
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// The 8 bytes at p, little-endian, zero past `end`.
std::uint64_t load64(const std::uint8_t* p, const std::uint8_t* end) {
  std::uint64_t v = 0;
  if (end - p >= 8) {
    std::memcpy(&v, p, 8);
  } else if (end > p) {
    std::memcpy(&v, p, static_cast<std::size_t>(end - p));
  }
  return v;
}

// `width` (0-64) bits at bit offset `bit` of [base, end), least significant first.
std::uint64_t bits_at(const std::uint8_t* base, const std::uint8_t* end, std::uint64_t bit,
                      int width) {
  if (width == 0) return 0;
  const std::uint8_t* p = base + (bit >> 3);
  const int shift = static_cast<int>(bit & 7);
  std::uint64_t v = load64(p, end) >> shift;
  if (shift + width > 64) v |= load64(p + 8, end) << (64 - shift);
  return width == 64 ? v : v & ((std::uint64_t{1} << width) - 1);
}

// What DELTA_BYTE_ARRAY may rebuild from one page: each value may repeat all of the previous one
// and add a byte, so a page of n tiny suffixes could otherwise ask for n^2 / 2 bytes.
constexpr std::size_t kMaxRebuiltBytes = std::size_t{256} << 20;

[[noreturn]] void ends_early(const char* what) {
  throw CorruptFile(fmt::format("{} end before the page's values do", what));
}

}  // namespace

RleBitPackedDecoder::RleBitPackedDecoder(Bytes data, int bit_width)
    : pos_(data.data()), end_(data.data() + data.size()), bit_width_(bit_width) {
  if (bit_width < 0 || bit_width > 32) {
    throw CorruptFile(fmt::format("RLE bit width {} is out of range", bit_width));
  }
  mask_ = (std::uint64_t{1} << bit_width) - 1;
}

void RleBitPackedDecoder::next_run() {
  if (pos_ == end_) ends_early("RLE data");
  const std::uint64_t header = read_uleb(pos_, end_);
  const auto left = static_cast<std::size_t>(end_ - pos_);
  if (header & 1) {
    // Groups of 8 values, bit_width bytes per group. The last run may stop short of its padding:
    // take the values whose bits are there.
    const std::uint64_t groups = std::min<std::uint64_t>(header >> 1, std::uint64_t{1} << 40);
    const std::uint64_t bytes = groups * static_cast<std::uint64_t>(bit_width_);
    packed_ = pos_;
    packed_bit_ = 0;
    packed_bytes_ = static_cast<std::size_t>(std::min<std::uint64_t>(bytes, left));
    packed_left_ = bit_width_ == 0
                       ? static_cast<std::size_t>(groups * 8)
                       : static_cast<std::size_t>(std::min<std::uint64_t>(
                             groups * 8, packed_bytes_ * 8 / static_cast<unsigned>(bit_width_)));
    pos_ += packed_bytes_;
    if (packed_left_ == 0 && groups > 0) ends_early("RLE data");
  } else {
    const std::size_t value_bytes = static_cast<std::size_t>(bit_width_ + 7) / 8;
    if (value_bytes > left) ends_early("RLE data");
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < value_bytes; ++i) v |= std::uint32_t{pos_[i]} << (8 * i);
    pos_ += value_bytes;
    repeat_value_ = v;
    repeat_left_ = static_cast<std::size_t>(std::min<std::uint64_t>(header >> 1, SIZE_MAX));
  }
}

template <typename T>
void RleBitPackedDecoder::get_values(T* out, std::size_t n) {
  while (n > 0) {
    if (repeat_left_ > 0) {
      const std::size_t m = std::min(n, repeat_left_);
      std::fill_n(out, m, static_cast<T>(repeat_value_));
      out += m;
      n -= m;
      repeat_left_ -= m;
    } else if (packed_left_ > 0) {
      const std::size_t m = std::min(n, packed_left_);
      const std::uint8_t* end = packed_ + packed_bytes_;
      const auto width = static_cast<std::uint64_t>(bit_width_);
      std::uint64_t bit = packed_bit_;
      std::size_t i = 0;
      // Whole 8-byte loads while they stay inside the run; the tail goes byte by byte.
      for (; i < m && (bit >> 3) + 8 <= packed_bytes_; ++i, bit += width) {
        std::uint64_t word;
        std::memcpy(&word, packed_ + (bit >> 3), 8);
        out[i] = static_cast<T>((word >> (bit & 7)) & mask_);
      }
      for (; i < m; ++i, bit += width) {
        out[i] = static_cast<T>(bits_at(packed_, end, bit, bit_width_));
      }
      packed_bit_ = bit;
      out += m;
      n -= m;
      packed_left_ -= m;
    } else {
      next_run();
    }
  }
}

void RleBitPackedDecoder::get(std::uint32_t* out, std::size_t n) {
  get_values(out, n);
}

void RleBitPackedDecoder::get(std::uint8_t* out, std::size_t n) {
  if (bit_width_ > 8) throw CorruptFile("level bit width above 8");
  get_values(out, n);
}

std::size_t decode_bit_packed_levels(Bytes data, int bit_width, std::uint8_t* out, std::size_t n) {
  if (bit_width < 0 || bit_width > 8) throw CorruptFile("level bit width above 8");
  const std::size_t bytes = (n * static_cast<std::size_t>(bit_width) + 7) / 8;
  if (bytes > data.size()) ends_early("BIT_PACKED levels");
  std::uint64_t bit = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t v = 0;
    for (int b = 0; b < bit_width; ++b, ++bit) {
      v = static_cast<std::uint8_t>((v << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1));
    }
    out[i] = v;
  }
  return bytes;
}

void decode_plain_booleans(Bytes data, std::uint8_t* out, std::size_t n) {
  if ((n + 7) / 8 > data.size()) ends_early("PLAIN booleans");
  for (std::size_t i = 0; i < n; ++i) out[i] = (data[i >> 3] >> (i & 7)) & 1;
}

std::size_t decode_delta_binary_packed(Bytes data, std::int64_t* out, std::size_t n) {
  const std::uint8_t* p = data.data();
  const std::uint8_t* const end = p + data.size();
  const std::uint64_t block_size = read_uleb(p, end);
  const std::uint64_t miniblocks = read_uleb(p, end);
  const std::uint64_t total = read_uleb(p, end);
  std::uint64_t value = static_cast<std::uint64_t>(read_zigzag(p, end));
  if (block_size == 0 || block_size % 128 != 0 || block_size > (1u << 20) || miniblocks == 0 ||
      block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0) {
    throw CorruptFile(fmt::format("DELTA_BINARY_PACKED block of {} values in {} miniblocks",
                                  block_size, miniblocks));
  }
  if (total != n) {
    throw CorruptFile(
        fmt::format("DELTA_BINARY_PACKED data holds {} values where the page has {}", total, n));
  }
  const std::uint64_t per_miniblock = block_size / miniblocks;
  if (n == 0) return static_cast<std::size_t>(p - data.data());
  out[0] = static_cast<std::int64_t>(value);
  std::size_t done = 1;
  while (done < n) {
    const auto min_delta = static_cast<std::uint64_t>(read_zigzag(p, end));
    if (static_cast<std::uint64_t>(end - p) < miniblocks) ends_early("DELTA_BINARY_PACKED data");
    const std::uint8_t* widths = p;
    p += miniblocks;
    for (std::uint64_t m = 0; m < miniblocks && done < n; ++m) {
      const int width = widths[m];
      if (width > 64) throw CorruptFile("DELTA_BINARY_PACKED bit width above 64");
      const std::uint64_t bytes = per_miniblock * static_cast<std::uint64_t>(width) / 8;
      if (static_cast<std::uint64_t>(end - p) < bytes) ends_early("DELTA_BINARY_PACKED data");
      const std::uint8_t* mini_end = p + bytes;
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(per_miniblock, n - done));
      for (std::size_t i = 0; i < take; ++i) {
        value += min_delta + bits_at(p, mini_end, i * static_cast<std::uint64_t>(width), width);
        out[done + i] = static_cast<std::int64_t>(value);
      }
      done += take;
      p = mini_end;
    }
  }
  return static_cast<std::size_t>(p - data.data());
}

void decode_plain_byte_arrays(Bytes data, std::string_view* out, std::size_t n) {
  const std::uint8_t* p = data.data();
  const std::uint8_t* const end = p + data.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (end - p < 4) ends_early("PLAIN byte arrays");
    std::uint32_t length;
    std::memcpy(&length, p, 4);
    p += 4;
    if (static_cast<std::size_t>(end - p) < length) ends_early("PLAIN byte arrays");
    out[i] = std::string_view(reinterpret_cast<const char*>(p), length);
    p += length;
  }
}

void decode_fixed_byte_arrays(Bytes data, std::size_t width, std::string_view* out, std::size_t n) {
  if (width != 0 && data.size() / width < n) ends_early("fixed-length byte arrays");
  const char* p = reinterpret_cast<const char*>(data.data());
  for (std::size_t i = 0; i < n; ++i) out[i] = std::string_view(p + i * width, width);
}

std::size_t decode_delta_length_byte_arrays(Bytes data, std::string_view* out, std::size_t n,
                                            std::vector<std::int64_t>& lengths) {
  lengths.resize(n);
  std::size_t at = decode_delta_binary_packed(data, lengths.data(), n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t length = lengths[i];
    if (length < 0 || static_cast<std::uint64_t>(length) > data.size() - at) {
      ends_early("DELTA_LENGTH_BYTE_ARRAY data");
    }
    out[i] = std::string_view(reinterpret_cast<const char*>(data.data() + at),
                              static_cast<std::size_t>(length));
    at += static_cast<std::size_t>(length);
  }
  return at;
}

void decode_delta_byte_arrays(Bytes data, std::string_view* out, std::size_t n,
                              std::vector<std::int64_t>& scratch, std::string& storage) {
  std::vector<std::int64_t> prefixes(n);
  const std::size_t at = decode_delta_binary_packed(data, prefixes.data(), n);
  decode_delta_length_byte_arrays(data.subspan(at), out, n, scratch);  // the suffixes
  storage.clear();
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += out[i].size();
  std::vector<std::size_t> offsets(n + 1, 0);
  std::size_t previous_length = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t prefix = prefixes[i];
    if (prefix < 0 || static_cast<std::uint64_t>(prefix) > previous_length) {
      throw CorruptFile("DELTA_BYTE_ARRAY prefix longer than the previous value");
    }
    if (i == 0) storage.reserve(total);
    const std::size_t start = storage.size();
    if (kMaxRebuiltBytes - start < static_cast<std::size_t>(prefix) + out[i].size()) {
      throw CorruptFile("DELTA_BYTE_ARRAY values rebuild to more than 256 MiB in one page");
    }
    storage.append(storage, offsets[i == 0 ? 0 : i - 1], static_cast<std::size_t>(prefix));
    storage.append(out[i]);
    offsets[i] = start;
    previous_length = storage.size() - start;
    offsets[i + 1] = storage.size();
  }
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = std::string_view(storage).substr(offsets[i], offsets[i + 1] - offsets[i]);
  }
}

void decode_byte_stream_split(Bytes data, std::size_t width, std::uint8_t* out, std::size_t n) {
  if (width == 0 || data.size() / width < n) ends_early("BYTE_STREAM_SPLIT data");
  // The streams are as long as the values the page encodes; trailing bytes are not ours.
  const std::size_t stride = data.size() / width;
  for (std::size_t k = 0; k < width; ++k) {
    const std::uint8_t* stream = data.data() + k * stride;
    for (std::size_t i = 0; i < n; ++i) out[i * width + k] = stream[i];
  }
}

}  // namespace groupfit::parquet
