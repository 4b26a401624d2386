// Parquet values to groupfit's: the conversions parquet_schema.hpp chooses, applied to a batch of
// raw values as a page holds them (fixed-width little-endian bytes, or byte strings).
//
// Dates and times become seconds since the epoch with the very arithmetic the CSV reader applies
// to the ISO 8601 text of the same instant (table/iso_datetime.cpp: the whole seconds exactly,
// plus the fraction correctly rounded), so a timestamp read from Parquet and from its CSV form are
// the same double, bit for bit. Decimals are the unscaled integer divided by
// 10^scale: one correctly rounded division, the same double as parsing "12.34" when the unscaled
// value is below 2^53.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "table/parquet/parquet_schema.hpp"
#include "table/string_pool.hpp"

namespace groupfit::parquet {

// Width in bytes of one PLAIN value of a fixed-width physical type (BOOLEAN: 1, as decoders
// expand bits to bytes); 0 for BYTE_ARRAY.
std::size_t fixed_width(PhysicalType type, int type_length);

// Fixed-width raw values of `leaf`'s physical type (BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE)
// into the column's type. `overflow` is set when a UINT_64 value does not fit an int64 (the
// column then becomes Float64; the bits are kept).
void convert_fixed(const LeafColumn& leaf, const std::uint8_t* raw, std::size_t n,
                   std::uint8_t* out);
void convert_fixed(const LeafColumn& leaf, const std::uint8_t* raw, std::size_t n,
                   std::int64_t* out, bool& overflow);
void convert_fixed(const LeafColumn& leaf, const std::uint8_t* raw, std::size_t n, double* out);

// Byte strings (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY): decimals and FLOAT16 to doubles, text to
// codes in `pool`.
void convert_views(const LeafColumn& leaf, const std::string_view* raw, std::size_t n, double* out);
void convert_views(const LeafColumn& leaf, const std::string_view* raw, std::size_t n,
                   std::uint32_t* out, StringPool& pool);

// Seconds since the epoch of `whole` seconds plus `fraction` in units of 10^-digits seconds
// (0 <= fraction < 10^digits), computed as parse_iso_datetime computes them from text.
double epoch_seconds(std::int64_t whole, std::int64_t fraction, int digits);

double float16_to_double(std::uint16_t half);
std::string uuid_text(std::string_view bytes);

}  // namespace groupfit::parquet
