// Parquet's footer (FileMetaData) and page headers, as far as groupfit uses them, decoded from
// Thrift's compact protocol (thrift_compact.hpp). Field numbers are those of parquet.thrift
// (apache/parquet-format); fields groupfit does not need (statistics, indexes, bloom filters,
// encryption) are skipped. Decoding checks only that the bytes are well-formed Thrift; whether the
// numbers make sense for this file (offsets inside it, sizes that fit) is checked where they are
// used, against the file's real size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace groupfit::parquet {

enum class PhysicalType : std::int32_t {
  Boolean = 0,
  Int32 = 1,
  Int64 = 2,
  Int96 = 3,
  Float = 4,
  Double = 5,
  ByteArray = 6,
  FixedLenByteArray = 7,
};

enum class Repetition : std::int32_t { Required = 0, Optional = 1, Repeated = 2 };

// ConvertedType (the annotations of format 1.x), as far as groupfit reads them.
enum class ConvertedType : std::int32_t {
  None = -1,
  Utf8 = 0,
  Map = 1,
  MapKeyValue = 2,
  List = 3,
  Enum = 4,
  Decimal = 5,
  Date = 6,
  TimeMillis = 7,
  TimeMicros = 8,
  TimestampMillis = 9,
  TimestampMicros = 10,
  Uint8 = 11,
  Uint16 = 12,
  Uint32 = 13,
  Uint64 = 14,
  Int8 = 15,
  Int16 = 16,
  Int32 = 17,
  Int64 = 18,
  Json = 19,
  Bson = 20,
  Interval = 21,
};

enum class TimeUnit { Millis, Micros, Nanos };

// LogicalType (format 2.x), the union's member that is set.
struct LogicalType {
  enum class Kind {
    None,
    String,
    Map,
    List,
    Enum,
    Decimal,
    Date,
    Time,
    Timestamp,
    Integer,
    Unknown,  // always null
    Json,
    Bson,
    Uuid,
    Float16,
    Other,  // a kind of a later format version (VARIANT, GEOMETRY, ...)
  };
  Kind kind = Kind::None;
  std::int32_t scale = 0, precision = 0;  // Decimal
  bool utc = false;                       // Time, Timestamp: isAdjustedToUTC
  TimeUnit unit = TimeUnit::Millis;       // Time, Timestamp
  int bit_width = 0;                      // Integer
  bool is_signed = true;                  // Integer
};

struct SchemaElement {
  std::optional<PhysicalType> type;  // absent for a group (a struct, list or map node)
  std::int32_t type_length = 0;      // FIXED_LEN_BYTE_ARRAY
  Repetition repetition = Repetition::Required;
  std::string name;
  std::int32_t num_children = 0;
  ConvertedType converted = ConvertedType::None;
  std::int32_t scale = 0, precision = 0;
  LogicalType logical;
};

enum class Codec : std::int32_t {
  Uncompressed = 0,
  Snappy = 1,
  Gzip = 2,
  Lzo = 3,
  Brotli = 4,
  Lz4 = 5,  // the legacy framing (Hadoop's, or plain blocks from older writers)
  Zstd = 6,
  Lz4Raw = 7,
};

enum class Encoding : std::int32_t {
  Plain = 0,
  PlainDictionary = 2,
  Rle = 3,
  BitPacked = 4,
  DeltaBinaryPacked = 5,
  DeltaLengthByteArray = 6,
  DeltaByteArray = 7,
  RleDictionary = 8,
  ByteStreamSplit = 9,
};

struct ColumnChunk {
  bool has_metadata = false;
  bool external = false;  // file_path set: the data is in another file
  PhysicalType type = PhysicalType::Int32;
  std::vector<Encoding> encodings;  // every encoding its pages use (levels included)
  std::vector<std::string> path;
  Codec codec = Codec::Uncompressed;
  std::int64_t num_values = 0;
  std::int64_t total_compressed_size = 0;
  std::int64_t data_page_offset = 0;
  std::int64_t dictionary_page_offset = -1;  // -1: none
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  std::int64_t num_rows = 0;
};

struct KeyValue {
  std::string key;
  std::string value;
};

struct FileMetaData {
  std::vector<SchemaElement> schema;  // depth-first, the root first
  std::int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<KeyValue> key_value_metadata;
  std::string created_by;
};

enum class PageType : std::int32_t { Data = 0, Index = 1, Dictionary = 2, DataV2 = 3 };

struct PageHeader {
  PageType type = PageType::Data;
  std::int32_t uncompressed_size = 0;
  std::int32_t compressed_size = 0;
  // Data pages (v1 and v2) and dictionary pages.
  std::int32_t num_values = 0;
  Encoding encoding = Encoding::Plain;
  // v1: how levels are encoded (RLE or the deprecated BIT_PACKED).
  Encoding definition_level_encoding = Encoding::Rle;
  Encoding repetition_level_encoding = Encoding::Rle;
  // v2: levels are stored uncompressed before the values, with their byte lengths here.
  std::int32_t num_nulls = 0;
  std::int32_t num_rows = 0;
  std::int32_t definition_levels_byte_length = 0;
  std::int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
};

// Throw CorruptFile (parquet_error.hpp) when the bytes are not the struct in compact Thrift.
FileMetaData decode_file_metadata(const std::uint8_t* data, std::size_t size);
// `size` bounds the header; `consumed` is set to the header's length.
PageHeader decode_page_header(const std::uint8_t* data, std::size_t size, std::size_t& consumed);

}  // namespace groupfit::parquet
