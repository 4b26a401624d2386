// CompactReader: see thrift_compact.hpp. The protocol is described in Thrift's
// doc/specs/thrift-compact-protocol.md.
#include "table/parquet/thrift_compact.hpp"

#include <fmt/format.h>

#include <cstring>

#include "table/parquet/parquet_error.hpp"

namespace groupfit::parquet {
namespace {

// Parquet's structs nest a few levels deep (FileMetaData > RowGroup > ColumnChunk >
// ColumnMetaData > Statistics); far more is a hostile file trying to exhaust the stack.
constexpr int kMaxDepth = 64;

}  // namespace

std::uint8_t CompactReader::read_byte() {
  if (p_ == end_) throw CorruptFile("metadata ends in the middle of a value");
  return *p_++;
}

std::uint64_t CompactReader::read_varint() {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    const std::uint8_t b = read_byte();
    value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return value;
  }
  throw CorruptFile("metadata holds a varint longer than 10 bytes");
}

void CompactReader::enter() {
  if (++depth_ > kMaxDepth) throw CorruptFile("metadata nests structs too deeply");
}

void CompactReader::expect(ThriftType got, ThriftType want) const {
  if (got != want) {
    throw CorruptFile(fmt::format("metadata field of type {} where type {} was expected",
                                  static_cast<int>(got), static_cast<int>(want)));
  }
}

bool CompactReader::next_field(std::int16_t& last_id, std::int16_t& id, ThriftType& type) {
  const std::uint8_t header = read_byte();
  type = static_cast<ThriftType>(header & 0x0f);
  if (type == ThriftType::Stop) return false;
  if (static_cast<std::uint8_t>(type) > static_cast<std::uint8_t>(ThriftType::Struct)) {
    throw CorruptFile(fmt::format("metadata field of unknown type {}", header & 0x0f));
  }
  const int delta = header >> 4;
  if (delta != 0) {
    id = static_cast<std::int16_t>(last_id + delta);
  } else {
    id = static_cast<std::int16_t>(read_zigzag());
  }
  last_id = id;
  return true;
}

bool CompactReader::read_bool(ThriftType type) {
  if (type == ThriftType::True) return true;
  if (type == ThriftType::False) return false;
  throw CorruptFile(fmt::format("metadata field of type {} where a boolean was expected",
                                static_cast<int>(type)));
}

std::int32_t CompactReader::read_i32(ThriftType type) {
  if (type == ThriftType::Byte) return static_cast<std::int8_t>(read_byte());
  if (type != ThriftType::I32 && type != ThriftType::I16) expect(type, ThriftType::I32);
  const std::int64_t v = read_zigzag();
  if (v < INT32_MIN || v > INT32_MAX) throw CorruptFile("metadata holds an i32 out of range");
  return static_cast<std::int32_t>(v);
}

std::int64_t CompactReader::read_i64(ThriftType type) {
  if (type != ThriftType::I64 && type != ThriftType::I32 && type != ThriftType::I16) {
    expect(type, ThriftType::I64);
  }
  return read_zigzag();
}

double CompactReader::read_double(ThriftType type) {
  expect(type, ThriftType::Double);
  if (remaining() < 8) throw CorruptFile("metadata ends in the middle of a value");
  double d;
  std::memcpy(&d, p_, 8);
  p_ += 8;
  return d;
}

std::string_view CompactReader::read_binary(ThriftType type) {
  expect(type, ThriftType::Binary);
  const std::uint64_t size = read_varint();
  if (size > remaining()) throw CorruptFile("metadata string runs past the end of the metadata");
  const std::string_view s(reinterpret_cast<const char*>(p_), size);
  p_ += size;
  return s;
}

ThriftList CompactReader::read_list_header(ThriftType type) {
  if (type != ThriftType::Set) expect(type, ThriftType::List);
  const std::uint8_t header = read_byte();
  ThriftList list;
  list.element = static_cast<ThriftType>(header & 0x0f);
  list.size = header >> 4;
  if (list.size == 15) list.size = read_varint();
  // Every element takes at least one byte: a larger count is a lie, caught before any
  // allocation sized by it.
  if (list.size > remaining()) {
    throw CorruptFile(
        fmt::format("metadata list claims {} elements in {} bytes", list.size, remaining()));
  }
  if (list.element == ThriftType::False) list.element = ThriftType::True;  // both mean boolean
  return list;
}

void CompactReader::skip(ThriftType type, int depth) {
  if (depth > kMaxDepth) throw CorruptFile("metadata nests values too deeply");
  switch (type) {
    case ThriftType::True:
    case ThriftType::False:
      return;  // a field's value is in its header
    case ThriftType::Byte:
      read_byte();
      return;
    case ThriftType::I16:
    case ThriftType::I32:
    case ThriftType::I64:
      read_varint();
      return;
    case ThriftType::Double:
      read_double(type);
      return;
    case ThriftType::Binary:
      read_binary(type);
      return;
    case ThriftType::List:
    case ThriftType::Set: {
      const ThriftList list = read_list_header(type);
      for (std::size_t i = 0; i < list.size; ++i) {
        // In a list a boolean is one byte, not part of a header.
        if (list.element == ThriftType::True) {
          read_byte();
        } else {
          skip(list.element, depth + 1);
        }
      }
      return;
    }
    case ThriftType::Map: {
      const std::uint64_t size = read_varint();
      if (size == 0) return;
      if (size > remaining()) throw CorruptFile("metadata map claims more entries than bytes");
      const std::uint8_t kinds = read_byte();
      const auto key = static_cast<ThriftType>(kinds >> 4);
      const auto value = static_cast<ThriftType>(kinds & 0x0f);
      for (std::uint64_t i = 0; i < size; ++i) {
        key == ThriftType::True || key == ThriftType::False ? void(read_byte())
                                                            : skip(key, depth + 1);
        value == ThriftType::True || value == ThriftType::False ? void(read_byte())
                                                                : skip(value, depth + 1);
      }
      return;
    }
    case ThriftType::Struct: {
      std::int16_t last = 0, id = 0;
      ThriftType field{};
      while (next_field(last, id, field)) skip(field, depth + 1);
      return;
    }
    case ThriftType::Stop:
      break;
  }
  throw CorruptFile(fmt::format("metadata value of unknown type {}", static_cast<int>(type)));
}

}  // namespace groupfit::parquet
