// Every type the Parquet reader maps (src/table/parquet/parquet_schema.hpp), each written by the
// writers that can write it: integers signed and unsigned of every width, FLOAT, DOUBLE,
// FLOAT16, DECIMAL on INT32, INT64 and FIXED_LEN_BYTE_ARRAY, DATE, TIME, TIMESTAMP in millis,
// micros and nanos (UTC-adjusted or not), text as STRING, large_string and a dictionary (what a
// pandas categorical becomes), UUID. Dates and times must equal what the CSV reader makes of the
// same instant in ISO 8601 (parquet_written_files.hpp computes it that way).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/run_program.hpp"
#include "table/parquet/parquet_reader.hpp"
#include "table/parquet_written_files.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

SpecColumn column(const std::string& name, const std::string& type, json values) {
  SpecColumn c(name, type);
  c.values = std::move(values);
  return c;
}

// Values of each type, with a missing one, extremes and (for times) instants before 1970 and
// with fractions of a second.
std::vector<SpecColumn> typed_columns(const std::vector<std::string>& types) {
  std::vector<SpecColumn> out;
  const json null;
  for (const std::string& t : types) {
    json v;
    if (t == "bool") v = {true, null, false};
    if (t == "int32") v = {2147483647, null, -2147483648};
    if (t == "int64") v = {"9223372036854775807", null, "-9223372036854775808"};
    if (t == "uint8") v = {255, null, 0};
    if (t == "uint16") v = {65535, null, 1};
    if (t == "uint32") v = {4294967295u, null, 7};
    if (t == "uint64") v = {"9223372036854775807", null, "3"};
    if (t == "float") v = {1.5, null, -0.25};
    if (t == "double") v = {0.1, null, -1e300};
    if (t == "float16") v = {1.5, null, -65504.0};
    if (t == "string" || t == "large_string" || t == "categorical") v = {"Región-1", null, ""};
    if (t == "uuid")
      v = {"123e4567-e89b-12d3-a456-426614174000", null, "00000000-0000-0000-0000-000000000000"};
    if (t == "date") v = {19000, null, -700};
    if (t.starts_with("timestamp") && t.ends_with("ms")) v = {"1700000000123", null, "-86399999"};
    if (t.starts_with("timestamp") && t.ends_with("us")) v = {"1700000000123456", null, "-1"};
    if (t.starts_with("timestamp") && t.ends_with("ns"))
      v = {"1700000000123456789", null, "-1000000001"};
    if (t == "time_ms") v = {45296789, null, 0};
    if (t == "time_us") v = {"45296789012", null, "0"};
    if (t == "time_ns") v = {"45296789012345", null, "1"};
    if (t == "decimal:9:2") v = {"12345", null, "-999999999"};
    if (t == "decimal:18:4") v = {"123456789012345678", null, "-1"};
    if (t == "decimal:30:3") v = {"9007199254740993123", null, "-5"};
    std::string name = t;
    for (char& ch : name) ch = ch == ':' ? '_' : ch;
    out.push_back(column(name, t, v));
  }
  return out;
}

void check(const std::string& writer, const std::vector<std::string>& types, const json& options) {
  const auto dir = fresh_dir("parquet-types-" + writer);
  ParquetSpec spec{writer, dir / "types.parquet", options, typed_columns(types)};
  ASSERT_TRUE(write_parquet_files({spec}, dir));
  EXPECT_TRUE(same_table(read_parquet_file(spec.out.string()), spec));
  std::filesystem::remove_all(dir);
}

TEST(ParquetWrittenTypes, Duckdb) {
  for (int version : {1, 2}) {
    SCOPED_TRACE(version);
    check("duckdb", {"bool",           "int32",   "int64",        "uint8",        "uint16",
                     "uint32",         "uint64",  "float",        "double",       "string",
                     "uuid",           "date",    "timestamp_ms", "timestamp_us", "timestamp_ns",
                     "timestamptz_us", "time_us", "decimal:9:2",  "decimal:18:4", "decimal:30:3"},
          {{"page_version", version}, {"codec", "zstd"}});
  }
}

TEST(ParquetWrittenTypes, ArrowRs) {
  for (int version : {1, 2}) {
    SCOPED_TRACE(version);
    check("arrow-rs", {"bool",         "int32",        "int64",          "uint8",   "uint16",
                       "uint32",       "uint64",       "float",          "double",  "float16",
                       "string",       "large_string", "categorical",    "date",    "timestamp_ms",
                       "timestamp_us", "timestamp_ns", "timestamptz_ns", "time_ms", "time_us",
                       "time_ns"},
          {{"page_version", version}});
  }
}

TEST(ParquetWrittenTypes, Hyparquet) {
  check("hyparquet",
        {"bool",         "int32",          "int64",       "uint8",        "uint16",
         "uint32",       "uint64",         "float",       "double",       "float16",
         "string",       "uuid",           "date",        "timestamp_ms", "timestamp_us",
         "timestamp_ns", "timestamptz_ms", "decimal:9:2", "decimal:18:4", "decimal:30:3"},
        {});
}

// A UINT_64 value above 2^63-1 does not fit groupfit's int64: the column is read as numbers.
TEST(ParquetWrittenTypes, Uint64AboveInt64MaxBecomesFloat64) {
  const auto dir = fresh_dir("parquet-uint64");
  ParquetSpec spec{"arrow-rs",
                   dir / "u.parquet",
                   json::object(),
                   {column("u", "uint64", {"18446744073709551615", nullptr, "3"})}};
  ASSERT_TRUE(write_parquet_files({spec}, dir));
  const Table t = read_parquet_file(spec.out.string());
  ASSERT_EQ(t.columns[0].type, ColumnType::Float64);
  EXPECT_EQ(t.columns[0].doubles[0], 18446744073709551615.0);
  EXPECT_FALSE(t.columns[0].is_valid(1));
  EXPECT_EQ(t.columns[0].doubles[2], 3.0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
