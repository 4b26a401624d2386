// Parquet files from three independent writers — DuckDB, hyparquet-writer and arrow-rs (through
// parquet-wasm) — over every codec each can write, data pages v1 and v2, dictionary and plain
// encoding (with arrow-rs's fallback from dictionary to PLAIN part-way through a chunk), the
// DELTA and BYTE_STREAM_SPLIT encodings, with and without nulls, in several row groups of
// several pages: groupfit must read back exactly what each writer was given.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/run_program.hpp"
#include "table/parquet/parquet_reader.hpp"
#include "table/parquet_written_files.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

constexpr int kRows = 5000;

// x double, n int64, g text of 13 values, id unique text, b bool; with nulls at a different
// period in each column.
std::vector<SpecColumn> matrix_columns(bool nulls) {
  std::vector<SpecColumn> c = {
      {"x", "double"}, {"n", "int64"}, {"g", "string"}, {"id", "string"}, {"b", "bool"}};
  for (int i = 0; i < kRows; ++i) {
    const auto missing = [&](int period) { return nulls && i % period == period - 1; };
    c[0].values.push_back(missing(7) ? json() : json(i * 0.25 - 100.125));
    c[1].values.push_back(missing(11) ? json()
                                      : json(std::to_string((i * 1000003LL) % 99991 - 5000)));
    c[2].values.push_back(missing(5) ? json() : json("g" + std::to_string(i * 7 % 13)));
    c[3].values.push_back(missing(3) ? json() : json("id-" + std::to_string(i * 7919 % 100003)));
    c[4].values.push_back(missing(9) ? json() : json(i % 3 == 0));
  }
  return c;
}

std::string name_of(const ParquetSpec& s) {
  std::string name = s.writer;
  for (const auto& [k, v] : s.options.items()) name += "-" + k + "=" + v.dump();
  std::replace(name.begin(), name.end(), '"', '_');
  return name;
}

// Writes the specs, then reads each file with 2 threads and compares it with its spec.
void check_all(std::vector<ParquetSpec>& specs, const std::filesystem::path& dir) {
  for (std::size_t i = 0; i < specs.size(); ++i) {
    specs[i].out = dir / (std::to_string(i) + ".parquet");
  }
  ASSERT_TRUE(write_parquet_files(specs, dir));
  for (const ParquetSpec& spec : specs) {
    SCOPED_TRACE(name_of(spec));
    const parquet::FileMetaData meta = read_parquet_metadata(spec.out.string());
    EXPECT_GT(meta.row_groups.size(), 1u);  // several row groups, joined
    ParquetReadOptions options;
    options.threads = 2;
    EXPECT_TRUE(same_table(read_parquet_file(spec.out.string(), options), spec));
  }
}

std::vector<ParquetSpec> each_nulls_and_dictionary(const std::string& writer,
                                                   const std::vector<std::string>& codecs,
                                                   const std::vector<int>& versions,
                                                   const json& extra) {
  std::vector<ParquetSpec> specs;
  for (const std::string& codec : codecs) {
    for (int version : versions) {
      for (bool dictionary : {true, false}) {
        for (bool nulls : {true, false}) {
          ParquetSpec s{writer, {}, extra, matrix_columns(nulls)};
          s.options["codec"] = codec;
          s.options["page_version"] = version;
          s.options["dictionary"] = dictionary;
          s.options["nulls"] = nulls;  // for the trace only
          specs.push_back(std::move(s));
        }
      }
    }
  }
  return specs;
}

TEST(ParquetWritten, DuckdbEveryCodecPageVersionAndEncoding) {
  const auto dir = fresh_dir("parquet-duckdb");
  std::vector<ParquetSpec> specs = each_nulls_and_dictionary(
      "duckdb", {"uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4_raw"}, {1, 2},
      {{"row_group_size", 2048}});
  check_all(specs, dir);
  std::filesystem::remove_all(dir);
}

TEST(ParquetWritten, ArrowRsEveryCodecPageVersionAndDictionaryFallback) {
  const auto dir = fresh_dir("parquet-arrow-rs");
  // Small pages, and a dictionary page limit that the unique `id` column outgrows part-way
  // through each chunk: its later pages are PLAIN after RLE_DICTIONARY ones.
  std::vector<ParquetSpec> specs = each_nulls_and_dictionary(
      "arrow-rs", {"UNCOMPRESSED", "SNAPPY", "GZIP", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"}, {1, 2},
      {{"row_group_size", 1700}, {"page_size", 2048}, {"dictionary_page_size", 4096}});
  check_all(specs, dir);
  // The fallback happened: a dictionary-encoded chunk of `id` also holds PLAIN pages.
  const parquet::FileMetaData meta = read_parquet_metadata(specs[0].out.string());
  const auto& encodings = meta.row_groups[0].columns[3].encodings;
  EXPECT_NE(std::find(encodings.begin(), encodings.end(), parquet::Encoding::RleDictionary),
            encodings.end());
  EXPECT_NE(std::find(encodings.begin(), encodings.end(), parquet::Encoding::Plain),
            encodings.end());
  std::filesystem::remove_all(dir);
}

TEST(ParquetWritten, HyparquetPagesV2AndDeltaEncodings) {
  const auto dir = fresh_dir("parquet-hyparquet");
  std::vector<ParquetSpec> specs =
      each_nulls_and_dictionary("hyparquet", {"UNCOMPRESSED", "SNAPPY"}, {2},
                                {{"row_group_size", 1700}, {"page_size", 2048}});
  // Every encoding hyparquet-writer offers, one per column.
  for (bool nulls : {true, false}) {
    ParquetSpec s{"hyparquet",
                  {},
                  {{"row_group_size", 1700}, {"page_size", 2048}, {"nulls", nulls}},
                  matrix_columns(nulls)};
    s.columns[0].encoding = "BYTE_STREAM_SPLIT";
    s.columns[1].encoding = "DELTA_BINARY_PACKED";
    s.columns[2].encoding = "DELTA_LENGTH_BYTE_ARRAY";
    s.columns[3].encoding = "DELTA_BYTE_ARRAY";
    s.columns[4].encoding = "RLE";
    specs.push_back(std::move(s));
  }
  check_all(specs, dir);
  const parquet::FileMetaData meta = read_parquet_metadata(specs.back().out.string());
  EXPECT_EQ(meta.row_groups[0].columns[1].encodings.back(), parquet::Encoding::DeltaBinaryPacked);
  std::filesystem::remove_all(dir);
}

TEST(ParquetWritten, ArrowRsDeltaAndByteStreamSplitInBothPageVersions) {
  const auto dir = fresh_dir("parquet-arrow-rs-delta");
  std::vector<ParquetSpec> specs;
  for (int version : {1, 2}) {
    ParquetSpec s{"arrow-rs",
                  {},
                  {{"row_group_size", 1700},
                   {"page_size", 2048},
                   {"dictionary", false},
                   {"page_version", version},
                   {"codec", "ZSTD"}},
                  matrix_columns(true)};
    s.columns[0].encoding = "BYTE_STREAM_SPLIT";
    s.columns[1].encoding = "DELTA_BINARY_PACKED";
    s.columns[2].encoding = "DELTA_LENGTH_BYTE_ARRAY";
    s.columns[3].encoding = "DELTA_BYTE_ARRAY";
    specs.push_back(std::move(s));
  }
  check_all(specs, dir);
  std::filesystem::remove_all(dir);
}

// Text with nearly a distinct value a row (an id) is kept as plain rows past 65,536 values, as the
// CSV reader keeps it (ColumnBuilder), whether the writer fell back from a dictionary or not.
TEST(ParquetWritten, NearlyUniqueTextBecomesPlainRows) {
  const auto dir = fresh_dir("parquet-plain-text");
  SpecColumn id("id", "string");
  SpecColumn g("g", "string");
  for (int i = 0; i < 90000; ++i) {
    id.values.push_back(i % 7 == 3 ? json() : json("id-" + std::to_string(i * 7919 % 1000003)));
    g.values.push_back("g" + std::to_string(i % 5));
  }
  std::vector<ParquetSpec> specs = {
      {"arrow-rs", {}, {{"row_group_size", 30000}, {"codec", "ZSTD"}}, {id, g}},
      {"duckdb", {}, {{"row_group_size", 30000}, {"page_version", 2}}, {id, g}},
      {"hyparquet", {}, {{"row_group_size", 30000}}, {id, g}}};
  check_all(specs, dir);
  for (const ParquetSpec& spec : specs) {
    const Table t = read_parquet_file(spec.out.string());
    EXPECT_TRUE(t.columns[0].plain_text) << spec.writer;
    EXPECT_FALSE(t.columns[1].plain_text) << spec.writer;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
