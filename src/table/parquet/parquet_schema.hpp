// From a Parquet schema to groupfit's columns: which leaves are flat columns groupfit reads, and
// what each becomes (table.hpp's Bool, Int64, Float64, Date or String) through which conversion.
//
// The mapping, chosen so that the same data read from CSV gives the same table where the types
// allow (the CSV reader's Date is seconds since the epoch, UTC):
//   BOOLEAN -> Bool; INT32, INT64 and INT(8-64, signed or not) -> Int64 (an unsigned 64-bit
//   column holding a value above 2^63-1 becomes Float64); FLOAT, DOUBLE, FLOAT16 and DECIMAL (any
//   physical type) -> Float64; DATE, TIMESTAMP (millis, micros, nanos; UTC-adjusted or not, both
//   taken as UTC like a CSV time without offset) and legacy INT96 timestamps -> Date; TIME ->
//   Float64 seconds since midnight (a CSV time of day alone is text, but a number splits better);
//   BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY (STRING, ENUM, JSON or none) -> String, bytes as they are;
//   UUID -> String in its 8-4-4-4-12 hex form; the null type (UNKNOWN) -> Float64, all missing,
//   as the CSV reader types an empty column.
// A column inside a group (struct, list, map) or repeated is "nested": not read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "table/parquet/parquet_metadata.hpp"
#include "table/table.hpp"

namespace groupfit::parquet {

enum class Conversion {
  Bool,
  Int32,   // signed 32-bit
  UInt32,  // INT32 holding UINT_8/16/32
  Int64,
  UInt64,  // INT64 holding UINT_64
  Float,   // FLOAT
  Double,
  Float16,    // FIXED_LEN_BYTE_ARRAY(2)
  Decimal,    // unscaled integer (INT32, INT64, or big-endian bytes) / 10^scale
  Date,       // INT32 days since the epoch
  Timestamp,  // INT64 in `unit` since the epoch
  Int96,      // nanoseconds of the day and Julian day
  Time,       // INT32 millis or INT64 micros/nanos since midnight
  String,     // bytes as they are
  Uuid,       // 16 bytes as 8-4-4-4-12 hex
  Null,       // every value missing
};

// One top-level field of the schema.
struct LeafColumn {
  std::string name;
  bool nested = false;    // a group or a repeated field: not read
  std::size_t chunk = 0;  // index of its (first) column chunk in each row group
  PhysicalType physical = PhysicalType::Int32;
  int type_length = 0;    // FIXED_LEN_BYTE_ARRAY
  bool optional = false;  // has definition levels (max level 1)
  ColumnType type = ColumnType::Float64;
  Conversion conversion = Conversion::Double;
  int scale = 0;                     // Decimal
  TimeUnit unit = TimeUnit::Millis;  // Timestamp, Time
};

// The top-level fields in schema order; throws CorruptFile when the schema is not a tree (a
// child count past the end) or a leaf's physical type does not fit its annotation.
std::vector<LeafColumn> leaf_columns(const std::vector<SchemaElement>& schema);

}  // namespace groupfit::parquet
