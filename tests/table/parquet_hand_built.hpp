// Parquet files built byte by byte, for what no well-behaved writer makes: headers that lie,
// hostile sizes, nested columns, legacy INT96 timestamps. A minimal Thrift compact encoder and
// one file layout (one row group; a flat INT32, INT96 or BYTE_ARRAY column `v`, optionally beside a
// nested group) whose every claimed number can be overridden. Also writes the fuzzer's seeds.
#pragma once

#include <zstd.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace groupfit::testing_support {

class ThriftOut {
 public:
  std::string bytes;
  void field(int id, int type) {
    const int delta = id - last_.back();
    if (delta > 0 && delta <= 15) {
      bytes += static_cast<char>((delta << 4) | type);
    } else {
      bytes += static_cast<char>(type);
      varint(zigzag(id));
    }
    last_.back() = id;
  }
  void i32(int id, std::int64_t v) { field(id, 5), varint(zigzag(v)); }
  void i64(int id, std::int64_t v) { field(id, 6), varint(zigzag(v)); }
  void binary(int id, const std::string& s) {
    field(id, 8);
    varint(s.size());
    bytes += s;
  }
  void begin(int id) { field(id, 12), last_.push_back(0); }  // a struct field
  void begin_element() { last_.push_back(0); }               // a struct in a list
  void end() { bytes += '\0', last_.pop_back(); }
  void list(int id, int element_type, std::size_t size) {
    field(id, 9);
    if (size < 15) {
      bytes += static_cast<char>((size << 4) | element_type);
    } else {
      bytes += static_cast<char>(0xf0 | element_type);
      varint(size);
    }
  }
  void varint(std::uint64_t v) {
    while (v >= 0x80) bytes += static_cast<char>((v & 0x7f) | 0x80), v >>= 7;
    bytes += static_cast<char>(v);
  }

 private:
  static std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
  }
  std::vector<int> last_ = {0};
};

struct HandFile {
  int physical = 1;  // 1 INT32, 3 INT96, 6 BYTE_ARRAY (then dictionary-encoded)
  bool optional = false;
  std::vector<std::int32_t> ints = {7, -1, 42};
  std::vector<std::string> int96;  // 12-byte values, for physical 3
  std::vector<std::string> dictionary = {"a", "b"};
  std::vector<std::uint8_t> indices = {0, 1, 1};  // BYTE_ARRAY rows, 1-bit indices
  bool nested = false;                            // a struct column `s` {x INT32} first
  int codec = 0;                                  // 0 UNCOMPRESSED, 6 ZSTD
  std::string column = "v";                       // the column's name
  // Overrides of what the file claims.
  std::optional<std::int64_t> rows, page_values, page_uncompressed, page_compressed, footer_length;
};

inline void le32(std::string& s, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}

// One page: header then body, compressed with zstd when the codec says so.
inline std::string page(const HandFile& f, int type, std::int64_t values, const std::string& body,
                        bool data) {
  std::string stored = body;
  if (f.codec == 6) {
    stored.resize(ZSTD_compressBound(body.size()));
    stored.resize(ZSTD_compress(stored.data(), stored.size(), body.data(), body.size(), 1));
  }
  ThriftOut h;
  h.i32(1, type);
  h.i32(2, data && f.page_uncompressed ? *f.page_uncompressed : body.size());
  h.i32(3, data && f.page_compressed ? *f.page_compressed : stored.size());
  h.begin(data ? 5 : 7);
  h.i32(1, data && f.page_values ? *f.page_values : values);
  h.i32(2, data ? (f.physical == 6 ? 8 : 0) : 0);  // RLE_DICTIONARY or PLAIN
  if (data) h.i32(3, 3), h.i32(4, 3);              // RLE levels
  h.end();
  h.bytes += '\0';
  return h.bytes + stored;
}

inline std::string build_parquet(const HandFile& f) {
  std::string file = "PAR1";
  const std::size_t n = f.physical == 1   ? f.ints.size()
                        : f.physical == 3 ? f.int96.size()
                                          : f.indices.size();
  const std::int64_t chunk_start = static_cast<std::int64_t>(file.size());
  std::string levels;
  if (f.optional) {
    // Every row present: one RLE run of n ones, 4-byte length first.
    std::string run;
    run += static_cast<char>(n << 1);
    run += '\1';
    le32(levels, static_cast<std::uint32_t>(run.size()));
    levels += run;
  }
  std::int64_t dictionary_offset = -1;
  if (f.physical == 6) {
    std::string dict;
    for (const auto& s : f.dictionary) le32(dict, static_cast<std::uint32_t>(s.size())), dict += s;
    dictionary_offset = static_cast<std::int64_t>(file.size());
    file += page(f, 2, static_cast<std::int64_t>(f.dictionary.size()), dict, false);
  }
  const std::int64_t data_offset = static_cast<std::int64_t>(file.size());
  std::string body = levels;
  if (f.physical == 1) {
    for (std::int32_t v : f.ints) le32(body, static_cast<std::uint32_t>(v));
  } else if (f.physical == 3) {
    for (const auto& v : f.int96) body += v;
  } else {
    // Bit width 8, then one bit-packed run of the indices (groups of 8, padded).
    body += '\x08';
    const std::size_t groups = (f.indices.size() + 7) / 8;
    body += static_cast<char>((groups << 1) | 1);
    for (std::size_t i = 0; i < groups * 8; ++i) {
      body += static_cast<char>(i < f.indices.size() ? f.indices[i] : 0);
    }
  }
  file += page(f, 0, static_cast<std::int64_t>(n), body, true);
  const std::int64_t chunk_size = static_cast<std::int64_t>(file.size()) - chunk_start;

  ThriftOut m;
  m.i32(1, 2);
  const int fields = f.nested ? 2 : 1;
  m.list(2, 12, f.nested ? 4 : 2);
  m.begin_element(), m.binary(4, "schema"), m.i32(5, fields), m.end();
  if (f.nested) {
    m.begin_element(), m.i32(3, 1), m.binary(4, "s"), m.i32(5, 1), m.end();
    m.begin_element(), m.i32(1, 1), m.i32(3, 1), m.binary(4, "x"), m.end();
  }
  m.begin_element();
  m.i32(1, f.physical);
  m.i32(3, f.optional ? 1 : 0);
  m.binary(4, f.column);
  if (f.physical == 6) m.i32(6, 0);  // UTF8
  m.end();
  m.i64(3, f.rows ? *f.rows : static_cast<std::int64_t>(n));
  m.list(4, 12, 1);
  m.begin_element();
  m.list(1, 12, f.nested ? 2 : 1);
  const auto chunk = [&](const std::string& name, std::int64_t offset, std::int64_t size,
                         std::int64_t dict) {
    m.begin_element();
    m.i64(2, dict >= 0 ? dict : offset);
    m.begin(3);
    m.i32(1, name == "x" ? 1 : f.physical);
    m.list(3, 8, 1);
    m.varint(name.size());
    m.bytes += name;
    m.i32(4, f.codec);
    m.i64(5, static_cast<std::int64_t>(n));
    m.i64(6, size);
    m.i64(7, size);
    m.i64(9, offset);
    if (dict >= 0) m.i64(11, dict);
    m.end();
    m.end();
  };
  if (f.nested) chunk("x", data_offset, chunk_size, -1);  // never read: it is nested
  chunk(f.column, data_offset, chunk_size, dictionary_offset);
  m.i64(2, chunk_size);
  m.i64(3, f.rows ? *f.rows : static_cast<std::int64_t>(n));
  m.end();
  m.bytes += '\0';
  file += m.bytes;
  le32(file, static_cast<std::uint32_t>(f.footer_length ? *f.footer_length : m.bytes.size()));
  file += "PAR1";
  return file;
}

}  // namespace groupfit::testing_support
