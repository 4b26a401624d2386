// Parquet files that lie, built byte by byte (parquet_hand_built.hpp): each must be an InputError
// of one line naming the file (and the column and row group when the lie is in one), found
// before anything the file claims is allocated. Also what no npm writer makes: legacy INT96
// timestamps, and nested columns (skipped with a note, refused when asked for).
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

#include "groupfit/error.hpp"
#include "table/iso_datetime.hpp"
#include "table/parquet/parquet_reader.hpp"
#include "table/parquet_hand_built.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

Table read_bytes(const std::string& bytes, ParquetReadOptions options = {}) {
  return read_parquet_bytes({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                            "x.parquet", options);
}

// The InputError's message, or "no error".
std::string error_of(const std::string& bytes, ParquetReadOptions options = {}) {
  try {
    read_bytes(bytes, options);
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    // As Table::column says it, without the file: the CSV reader's message for the same mistake.
    if (!m.starts_with("no column ")) {
      EXPECT_EQ(m.rfind("x.parquet: ", 0), 0u) << m;
    }
    return m;
  }
  return "no error";
}

const std::string kWhere = "x.parquet: column 'v', row group 1 of 1: ";

TEST(ParquetHandBuilt, WellFormedFilesRead) {
  const Table ints = read_bytes(build_parquet({}));
  ASSERT_EQ(ints.num_columns(), 1u);
  EXPECT_EQ(ints.columns[0].type, ColumnType::Int64);
  EXPECT_EQ(ints.columns[0].ints, (std::vector<std::int64_t>{7, -1, 42}));
  HandFile text;
  text.physical = 6;
  text.optional = true;
  text.codec = 6;
  const Table t = read_bytes(build_parquet(text));
  EXPECT_EQ(t.columns[0].text_at(0), "a");
  EXPECT_EQ(t.columns[0].text_at(2), "b");
  EXPECT_EQ(t.columns[0].missing_count(), 0u);
}

// Legacy INT96 timestamps (nanoseconds of the day, then the Julian day), as Spark and old
// pandas wrote them: the same seconds as the CSV reader makes of the same instant.
TEST(ParquetHandBuilt, Int96TimestampsAreDates) {
  HandFile f;
  f.physical = 3;
  const auto int96 = [](std::int64_t nanos, std::int32_t julian) {
    std::string s(12, '\0');
    for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((nanos >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) s[8 + i] = static_cast<char>((julian >> (8 * i)) & 0xff);
    return s;
  };
  f.int96 = {int96(45296123456789, 2460000), int96(0, 2440588), int96(1, 2440587)};
  const Table t = read_bytes(build_parquet(f));
  ASSERT_EQ(t.columns[0].type, ColumnType::Date);
  EXPECT_EQ(t.columns[0].doubles[0], *parse_iso_datetime("2023-02-24T12:34:56.123456789"));
  EXPECT_EQ(t.columns[0].doubles[1], 0.0);
  EXPECT_EQ(t.columns[0].doubles[2], *parse_iso_datetime("1969-12-31T00:00:00.000000001"));
}

TEST(ParquetHandBuilt, NestedColumnsAreSkippedUnlessAskedFor) {
  HandFile f;
  f.nested = true;
  const Table t = read_bytes(build_parquet(f));
  ASSERT_EQ(t.num_columns(), 1u);
  EXPECT_EQ(t.columns[0].name, "v");
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0],
            "x.parquet: skipped nested columns (lists, maps or structs), which groupfit does not "
            "read: s");
  ParquetReadOptions wanted;
  wanted.columns = {"s", "v"};
  EXPECT_EQ(
      error_of(build_parquet(f), wanted),
      "x.parquet: column 's' is nested (a list, map or struct), which groupfit does not read");
  wanted.columns = {"v"};  // not asked for: not read, no note
  EXPECT_TRUE(read_bytes(build_parquet(f), wanted).notes.empty());
}

TEST(ParquetHandBuilt, TruncatedAndWrongMagic) {
  const std::string good = build_parquet({});
  EXPECT_EQ(error_of(good.substr(0, good.size() - 5)),
            "x.parquet: the file does not end with Parquet's magic bytes (was it cut short?)");
  EXPECT_EQ(error_of("PAR1"), "x.parquet: not a Parquet file (4 bytes, without its magic bytes)");
  EXPECT_EQ(error_of("PAR2" + good.substr(4)), "x.parquet: not a Parquet file (" +
                                                   std::to_string(good.size()) +
                                                   " bytes, without its magic bytes)");
  std::string encrypted = good;
  encrypted.replace(encrypted.size() - 4, 4, "PARE");
  EXPECT_EQ(error_of(encrypted), "x.parquet: encrypted Parquet files are not supported");
}

TEST(ParquetHandBuilt, FooterLengthPastTheFile) {
  HandFile f;
  f.footer_length = 4000000000;
  EXPECT_EQ(error_of(build_parquet(f)),
            "x.parquet: the footer claims 4000000000 bytes, more than the file holds (was it cut "
            "short?)");
  f.footer_length = 20;  // inside the file, but not where the footer starts
  EXPECT_EQ(error_of(build_parquet(f)).rfind("x.parquet: corrupt ", 0), 0u)
      << error_of(build_parquet(f));
}

TEST(ParquetHandBuilt, PageSizesThatLie) {
  HandFile f;
  f.page_compressed = 1 << 30;
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "a page of 1073741824 bytes runs past the end of its column chunk");
  f = {};
  f.page_uncompressed = 2000000000;  // a bomb: 2 GB claimed
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "a page claims 2000000000 bytes uncompressed (at most 512 MiB allowed)");
  f.page_uncompressed = 100 << 20;  // under the bound, but not for 3 int32 values
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "a page of 3 values claims 104857600 bytes uncompressed");
  f = {};
  f.page_uncompressed = 16;  // 12 bytes of values claimed as 16
  EXPECT_EQ(error_of(build_parquet(f)), kWhere + "an uncompressed page's sizes disagree");
  f.codec = 6;
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "ZSTD data does not decompress to the 16 bytes its page header says");
}

TEST(ParquetHandBuilt, CountsThatLie) {
  HandFile f;
  f.page_values = 5;
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "pages hold more values than the row group's 3 rows");
  f = {};
  f.rows = 4000000000;  // a row group claiming 4 billion rows holds 3
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "the column chunk ends after 3 of its 4000000000 rows");
  f.rows = 5000000000;
  EXPECT_EQ(error_of(build_parquet(f)), "x.parquet: more than 4294967295 data rows (the limit)");
}

TEST(ParquetHandBuilt, DictionaryIndexOutOfRange) {
  HandFile f;
  f.physical = 6;
  f.indices = {0, 5, 1};
  EXPECT_EQ(error_of(build_parquet(f)),
            kWhere + "dictionary index 5 is out of range (the dictionary has 2 values)");
}

// Found by fuzz/parquet_reader_fuzzer.cpp: an empty dictionary page made the reader hand a null
// pointer to memcpy (undefined behaviour, which UBSan reports; `make test-asan` runs this).
TEST(ParquetHandBuilt, EmptyPagesAreRead) {
  std::ifstream in(
      std::string(GROUPFIT_SOURCE_DIR) +
          "/fuzz/corpus/parquet_reader_fuzzer/regression_empty_dictionary_page.parquet",
      std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_FALSE(bytes.empty());
  try {
    read_bytes(bytes);
  } catch (const InputError&) {
  }
  HandFile empty;
  empty.physical = 6;
  empty.dictionary = {};
  empty.indices = {};
  EXPECT_EQ(read_bytes(build_parquet(empty)).num_rows(), 0u);
}

// A schema's names reach every output (CSV headers, JSON) as a CSV header's do, so they get the
// same checks and words (table/column_names.hpp): JSON cannot carry invalid UTF-8, and a run must
// refuse such a name before it trains, not fail while writing.
TEST(ParquetHandBuilt, ColumnNamesAreCheckedAsACsvHeaders) {
  HandFile empty;
  empty.column = "";
  EXPECT_EQ(error_of(build_parquet(empty)), "x.parquet: column 1 has an empty name");
  HandFile latin1;
  latin1.column = "caf\xe9";
  EXPECT_EQ(error_of(build_parquet(latin1)), "x.parquet: the name of column 1 is not valid UTF-8");
}

TEST(ParquetHandBuilt, MissingColumnNamesTheClosest) {
  ParquetReadOptions options;
  options.columns = {"w"};
  EXPECT_EQ(error_of(build_parquet({}), options), "no column 'w'; closest: 'v'");
}

}  // namespace
}  // namespace groupfit
