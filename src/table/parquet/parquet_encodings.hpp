// Parquet's value and level encodings, each over a bounded byte span (one decompressed page):
// the RLE / bit-packed hybrid (definition levels, dictionary indices, RLE booleans), the
// deprecated BIT_PACKED levels, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
// BYTE_STREAM_SPLIT and PLAIN booleans and byte arrays. PLAIN fixed-width values need no decoder:
// they are the page's bytes (parquet_values.cpp converts them).
//
// Every decoder checks what it is told against the bytes it has: a run, a length or a count that
// runs past the page is CorruptFile, and outputs are sized by the caller from the page's value
// count (itself checked against the row group), never by a number read from the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit::parquet {

using Bytes = std::span<const std::uint8_t>;

// The RLE / bit-packed hybrid of values `bit_width` bits wide (0-32), without a length prefix.
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder(Bytes data, int bit_width);
  // The next `n` values; throws CorruptFile when the data ends first.
  void get(std::uint32_t* out, std::size_t n);
  void get(std::uint8_t* out, std::size_t n);  // values that fit a byte (levels, booleans)

 private:
  template <typename T>
  void get_values(T* out, std::size_t n);
  void next_run();

  const std::uint8_t* pos_;
  const std::uint8_t* end_;
  int bit_width_;
  std::uint64_t mask_;
  std::size_t repeat_left_ = 0;  // values left in the current RLE run
  std::uint32_t repeat_value_ = 0;
  std::size_t packed_left_ = 0;  // values left in the current bit-packed run
  const std::uint8_t* packed_ = nullptr;
  std::uint64_t packed_bit_ = 0;  // bit offset of the next packed value from packed_
  std::size_t packed_bytes_ = 0;
};

// The deprecated BIT_PACKED level encoding: `n` values of `bit_width` bits, most significant bit
// first. Returns the bytes it used.
std::size_t decode_bit_packed_levels(Bytes data, int bit_width, std::uint8_t* out, std::size_t n);

// PLAIN booleans: one bit each, least significant first.
void decode_plain_booleans(Bytes data, std::uint8_t* out, std::size_t n);

// DELTA_BINARY_PACKED: exactly `n` values (the header's count must be `n`), wrapping as two's
// complement like the writer's int32 or int64 arithmetic. Returns the bytes used (the values of
// DELTA_LENGTH_BYTE_ARRAY follow them).
std::size_t decode_delta_binary_packed(Bytes data, std::int64_t* out, std::size_t n);

// PLAIN byte arrays (a 4-byte length before each). Views point into `data`.
void decode_plain_byte_arrays(Bytes data, std::string_view* out, std::size_t n);
// Fixed-length byte arrays of `width` bytes.
void decode_fixed_byte_arrays(Bytes data, std::size_t width, std::string_view* out, std::size_t n);
// DELTA_LENGTH_BYTE_ARRAY. Views point into `data`; returns the bytes used.
std::size_t decode_delta_length_byte_arrays(Bytes data, std::string_view* out, std::size_t n,
                                            std::vector<std::int64_t>& scratch);
// DELTA_BYTE_ARRAY (prefix lengths, then suffixes): values are rebuilt into `storage`, which the
// views point into.
void decode_delta_byte_arrays(Bytes data, std::string_view* out, std::size_t n,
                              std::vector<std::int64_t>& scratch, std::string& storage);

// BYTE_STREAM_SPLIT of `n` values `width` bytes wide: byte k of value i is at data[k * n + i].
// Writes the values back to back into `out` (n * width bytes).
void decode_byte_stream_split(Bytes data, std::size_t width, std::uint8_t* out, std::size_t n);

}  // namespace groupfit::parquet
