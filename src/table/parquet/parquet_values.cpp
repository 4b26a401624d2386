// The conversions of parquet_values.hpp.
#include "table/parquet/parquet_values.hpp"

#include <cmath>
#include <cstring>

#include "table/parquet/parquet_error.hpp"

namespace groupfit::parquet {
namespace {

template <typename T>
T load(const std::uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// 10^scale as a double: exact up to 10^22, which is what makes a decimal's division one
// correctly rounded operation.
double pow10(int scale) {
  static const double exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return scale <= 22 ? exact[scale] : std::pow(10.0, scale);
}

int digits_of(TimeUnit unit) {
  return unit == TimeUnit::Millis ? 3 : unit == TimeUnit::Micros ? 6 : 9;
}

double timestamp_seconds(std::int64_t v, TimeUnit unit) {
  const int digits = digits_of(unit);
  const std::int64_t per_second = digits == 3 ? 1000 : digits == 6 ? 1000000 : 1000000000;
  const std::int64_t whole = floor_div(v, per_second);
  return epoch_seconds(whole, v - whole * per_second, digits);
}

double time_seconds(std::int64_t v, TimeUnit unit) {
  const double per_second = unit == TimeUnit::Millis ? 1e3 : unit == TimeUnit::Micros ? 1e6 : 1e9;
  return static_cast<double>(v) / per_second;
}

// Big-endian two's complement bytes as a double.
double big_endian_integer(std::string_view bytes) {
  if (bytes.empty()) return 0;
  if (bytes.size() <= 8) {
    std::uint64_t v = static_cast<unsigned char>(bytes[0]) & 0x80 ? ~std::uint64_t{0} : 0;
    for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
    return static_cast<double>(static_cast<std::int64_t>(v));
  }
  if (bytes.size() <= 16) {
    unsigned __int128 v =
        static_cast<unsigned char>(bytes[0]) & 0x80 ? ~static_cast<unsigned __int128>(0) : 0;
    for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
    return static_cast<double>(static_cast<__int128>(v));
  }
  const bool negative = static_cast<unsigned char>(bytes[0]) & 0x80;
  double v = 0;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    v = v * 256 + (negative ? 255 - b : b);
  }
  return negative ? -(v + 1) : v;
}

}  // namespace

std::size_t fixed_width(PhysicalType type, int type_length) {
  switch (type) {
    case PhysicalType::Boolean:
      return 1;
    case PhysicalType::Int32:
    case PhysicalType::Float:
      return 4;
    case PhysicalType::Int64:
    case PhysicalType::Double:
      return 8;
    case PhysicalType::Int96:
      return 12;
    case PhysicalType::FixedLenByteArray:
      return static_cast<std::size_t>(type_length);
    case PhysicalType::ByteArray:
      break;
  }
  return 0;
}

double epoch_seconds(std::int64_t whole, std::int64_t fraction, int digits) {
  // As parse_iso_datetime: the whole seconds exactly, then the fraction correctly rounded (as
  // "0.<digits>" parses: an integer below 2^53 over an exact power of ten is one correctly
  // rounded division), added in one rounding.
  double seconds = static_cast<double>(whole);
  if (fraction != 0) seconds += static_cast<double>(fraction) / pow10(digits);
  return seconds;
}

double float16_to_double(std::uint16_t half) {
  const int sign = half >> 15;
  const int exponent = (half >> 10) & 0x1f;
  const int mantissa = half & 0x3ff;
  double v;
  if (exponent == 0) {
    v = std::ldexp(mantissa, -24);
  } else if (exponent == 31) {
    v = mantissa == 0 ? INFINITY : NAN;
  } else {
    v = std::ldexp(mantissa + 1024, exponent - 25);
  }
  return sign ? -v : v;
}

std::string uuid_text(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    const auto b = static_cast<unsigned char>(bytes[i]);
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s;
}

void convert_fixed(const LeafColumn&, const std::uint8_t* raw, std::size_t n, std::uint8_t* out) {
  for (std::size_t i = 0; i < n; ++i) out[i] = raw[i] != 0;
}

void convert_fixed(const LeafColumn& leaf, const std::uint8_t* raw, std::size_t n,
                   std::int64_t* out, bool& overflow) {
  switch (leaf.conversion) {
    case Conversion::Int32:
      for (std::size_t i = 0; i < n; ++i) out[i] = load<std::int32_t>(raw + 4 * i);
      return;
    case Conversion::UInt32:
      for (std::size_t i = 0; i < n; ++i) out[i] = load<std::uint32_t>(raw + 4 * i);
      return;
    case Conversion::UInt64:
      if (n > 0) std::memcpy(out, raw, n * 8);
      for (std::size_t i = 0; i < n; ++i) overflow |= out[i] < 0;
      return;
    case Conversion::Int64:
      if (n > 0) std::memcpy(out, raw, n * 8);
      return;
    default:
      break;
  }
  throw CorruptFile("an integer column holds values of another type");
}

void convert_fixed(const LeafColumn& leaf, const std::uint8_t* raw, std::size_t n, double* out) {
  const bool is64 = leaf.physical == PhysicalType::Int64;
  switch (leaf.conversion) {
    case Conversion::Double:
      if (n > 0) std::memcpy(out, raw, n * 8);
      return;
    case Conversion::Float:
      for (std::size_t i = 0; i < n; ++i) out[i] = load<float>(raw + 4 * i);
      return;
    case Conversion::Decimal: {
      const double divisor = pow10(leaf.scale);
      for (std::size_t i = 0; i < n; ++i) {
        const double v = is64 ? static_cast<double>(load<std::int64_t>(raw + 8 * i))
                              : static_cast<double>(load<std::int32_t>(raw + 4 * i));
        out[i] = v / divisor;
      }
      return;
    }
    case Conversion::Date:
      for (std::size_t i = 0; i < n; ++i) out[i] = load<std::int32_t>(raw + 4 * i) * 86400.0;
      return;
    case Conversion::Timestamp:
      for (std::size_t i = 0; i < n; ++i) {
        out[i] = timestamp_seconds(load<std::int64_t>(raw + 8 * i), leaf.unit);
      }
      return;
    case Conversion::Time:
      for (std::size_t i = 0; i < n; ++i) {
        out[i] = time_seconds(
            is64 ? load<std::int64_t>(raw + 8 * i) : load<std::int32_t>(raw + 4 * i), leaf.unit);
      }
      return;
    case Conversion::Int96:
      for (std::size_t i = 0; i < n; ++i) {
        const auto nanos = load<std::int64_t>(raw + 12 * i);
        const std::int64_t days = load<std::int32_t>(raw + 12 * i + 8) - std::int64_t{2440588};
        const std::int64_t whole = floor_div(nanos, 1000000000);
        out[i] = epoch_seconds(days * 86400 + whole, nanos - whole * 1000000000, 9);
      }
      return;
    case Conversion::Null:
      for (std::size_t i = 0; i < n; ++i) out[i] = NAN;  // made missing with NaNs
      return;
    default:
      break;
  }
  throw CorruptFile("a number column holds values of another type");
}

void convert_views(const LeafColumn& leaf, const std::string_view* raw, std::size_t n,
                   double* out) {
  if (leaf.conversion == Conversion::Float16) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(raw[i].data());
      out[i] = float16_to_double(static_cast<std::uint16_t>(p[0] | (p[1] << 8)));
    }
    return;
  }
  if (leaf.conversion == Conversion::Decimal) {
    const double divisor = pow10(leaf.scale);
    for (std::size_t i = 0; i < n; ++i) out[i] = big_endian_integer(raw[i]) / divisor;
    return;
  }
  throw CorruptFile("a number column holds byte strings");
}

void convert_views(const LeafColumn& leaf, const std::string_view* raw, std::size_t n,
                   std::uint32_t* out, StringPool& pool) {
  if (leaf.conversion == Conversion::Uuid) {
    for (std::size_t i = 0; i < n; ++i) out[i] = pool.intern(uuid_text(raw[i]));
    return;
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = pool.intern(raw[i]);
}

}  // namespace groupfit::parquet
