// The CSV reader split into many chunks on several threads must give exactly the table, and
// the first error with its line, that one chunk on one thread gives: generated inputs with
// quoted line breaks, types that change late, stray quotes that mislead the chunk cutting.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "groupfit/error.hpp"
#include "table/csv_reader.hpp"

namespace groupfit {
namespace {

// Column by column: type, validity, values, and for text the dictionary and codes themselves.
void expect_same_table(const Table& a, const Table& b) {
  ASSERT_EQ(a.column_names(), b.column_names());
  ASSERT_EQ(a.num_rows(), b.num_rows());
  for (std::size_t c = 0; c < a.num_columns(); ++c) {
    const Column& x = a.columns[c];
    const Column& y = b.columns[c];
    SCOPED_TRACE(x.name);
    ASSERT_EQ(x.type, y.type);
    ASSERT_EQ(x.missing_count(), y.missing_count());
    EXPECT_EQ(x.bools, y.bools);
    EXPECT_EQ(x.ints, y.ints);
    EXPECT_EQ(x.codes, y.codes);
    EXPECT_TRUE(x.dictionary == y.dictionary);
    ASSERT_EQ(x.doubles.size(), y.doubles.size());
    for (std::size_t r = 0; r < x.size(); ++r) {
      ASSERT_EQ(x.is_valid(r), y.is_valid(r)) << "row " << r;
      if (x.type == ColumnType::Float64) {
        ASSERT_EQ(x.doubles[r], y.doubles[r]) << "row " << r;
      }
    }
  }
}

// One chunk, one thread: the reference.
Table read_whole(const std::string& text) {
  return read_csv_text(text, {0, 1, text.size() + 1}, "t.csv");
}

Table read_chunked(const std::string& text, unsigned threads, std::size_t chunk_bytes) {
  return read_csv_text(text, {0, threads, chunk_bytes}, "t.csv");
}

// ~200k rows: quoted fields with line breaks and doubled quotes, a column that is int until
// near the end then text, one int until the middle then float, a bool column, a column that is
// missing for its first half, and text with few distinct values.
std::string generated(std::size_t rows) {
  std::string s = "id,name,x,late_text,late_float,flag,sparse,region\n";
  for (std::size_t r = 0; r < rows; ++r) {
    s += std::to_string(r) + ",";
    if (r % 7 == 0) {
      s += "\"multi\nline, \"\"" + std::to_string(r % 13) + "\"\"\"";
    } else {
      s += "n" + std::to_string(r % 29);
    }
    s += "," + (r % 11 == 0 ? std::string() : std::to_string(r % 100) + (r % 3 ? ".5" : ""));
    s += "," + (r == rows - 5 ? std::string("oops") : std::to_string(r % 50));
    s += "," + std::to_string(r % 9) + (r > rows / 2 && r % 5 == 0 ? ".25" : "");
    s += std::string(",") + (r % 2 ? "true" : "False");
    s += "," + (r < rows / 2 || r % 4 == 0 ? std::string("NA") : std::to_string(r));
    s += std::string(",") + "R" + std::to_string(r * 7919 % 12) + "\n";
  }
  return s;
}

TEST(CsvReaderThreads, ManyChunksGiveTheSameTable) {
  const std::string text = generated(200000);
  const Table whole = read_whole(text);
  EXPECT_EQ(whole.num_rows(), 200000u);
  EXPECT_EQ(whole.column("id").type, ColumnType::Int64);
  EXPECT_EQ(whole.column("name").type, ColumnType::String);
  EXPECT_EQ(whole.column("name").text_at(7), "multi\nline, \"7\"");
  EXPECT_EQ(whole.column("x").type, ColumnType::Float64);
  EXPECT_EQ(whole.column("late_text").type, ColumnType::String);
  EXPECT_EQ(whole.column("late_text").text_at(3), "3");
  EXPECT_EQ(whole.column("late_text").text_at(199995), "oops");
  EXPECT_EQ(whole.column("late_float").type, ColumnType::Float64);
  EXPECT_EQ(whole.column("late_float").doubles[100005], 6.25);
  EXPECT_EQ(whole.column("flag").type, ColumnType::Bool);
  EXPECT_EQ(whole.column("sparse").type, ColumnType::Int64);
  EXPECT_EQ(whole.column("sparse").missing_count(), 100000u + 25000u);
  EXPECT_EQ(whole.column("region").dictionary.size(), 12u);
  expect_same_table(whole, read_chunked(text, 1, 0));
  expect_same_table(whole, read_chunked(text, 4, 64 << 10));
  expect_same_table(whole, read_chunked(text, 2, 3000));
}

TEST(CsvReaderThreads, TextFirstSeenInALaterChunkRereadsEarlierOnes) {
  std::string text = "a,b\n";
  for (int r = 0; r < 5000; ++r) text += std::to_string(r) + ",0" + std::to_string(r % 10) + "\n";
  text += "x,1\n";
  const Table whole = read_whole(text);
  EXPECT_EQ(whole.column("a").type, ColumnType::String);
  EXPECT_EQ(whole.column("a").text_at(4999), "4999");
  EXPECT_EQ(whole.column("b").type, ColumnType::Int64);
  expect_same_table(whole, read_chunked(text, 3, 1000));
}

TEST(CsvReaderThreads, BoolInOneChunkAndIntsInAnotherMakeText) {
  std::string text = "v\n";
  for (int r = 0; r < 3000; ++r) text += r % 2 ? "true\n" : "false\n";
  for (int r = 0; r < 3000; ++r) text += std::to_string(r) + "\n";
  const Table whole = read_whole(text);
  EXPECT_EQ(whole.column("v").type, ColumnType::String);
  EXPECT_EQ(whole.column("v").text_at(1), "true");
  EXPECT_EQ(whole.column("v").text_at(3001), "1");
  expect_same_table(whole, read_chunked(text, 2, 512));
}

// A stray quote in an unquoted field (an inch mark) makes the quote count lie about which line
// breaks end rows; the reader must notice and cut again from there.
std::string with_stray_quotes(std::size_t rows) {
  std::string s = "height,note,n\n";
  for (std::size_t r = 0; r < rows; ++r) {
    s += r % 97 == 5 ? "5'10\"," : "170,";
    s += r % 3 == 0 ? "\"a\nb, c\"," : "plain,";
    s += std::to_string(r) + "\n";
  }
  return s;
}

TEST(CsvReaderThreads, StrayQuotesGiveTheSameTable) {
  const std::string text = with_stray_quotes(20000);
  const Table whole = read_whole(text);
  ASSERT_EQ(whole.num_rows(), 20000u);
  EXPECT_EQ(whole.column("height").text_at(5), "5'10\"");
  EXPECT_EQ(whole.column("note").text_at(3), "a\nb, c");
  EXPECT_EQ(whole.column("n").ints[19999], 19999);
  expect_same_table(whole, read_chunked(text, 4, 700));
  expect_same_table(whole, read_chunked(text, 2, 16 << 10));
}

TEST(CsvReaderThreads, StrayQuoteWithNoQuoteAfterItGivesTheSameTable) {
  // Every line break after the stray quote looks quoted to the count: no cut is found and the
  // reader must cut the rest exactly instead of parsing it as one chunk.
  std::string text = "h,n\n5'10\",0\n";
  for (int r = 1; r < 5000; ++r) text += "170," + std::to_string(r) + "\n";
  const Table whole = read_whole(text);
  ASSERT_EQ(whole.num_rows(), 5000u);
  EXPECT_EQ(whole.column("n").ints[4999], 4999);
  expect_same_table(whole, read_chunked(text, 2, 1000));
}

std::string error_of(const std::string& text, unsigned threads, std::size_t chunk_bytes) {
  try {
    read_csv_text(text, {0, threads, chunk_bytes}, "t.csv");
  } catch (const InputError& e) {
    EXPECT_EQ(e.exit_code(), 2);
    return e.what();
  }
  return "no error";
}

TEST(CsvReaderThreads, FirstErrorAndItsLineAreTheSame) {
  std::string text = generated(50000);
  text += "1,2\n";  // ragged, on the last line
  // 1 header line + 50000 rows, of which every 7th spans two lines.
  const std::size_t line = 1 + 50000 + (50000 + 6) / 7 + 1;
  const std::string expected = "t.csv:" + std::to_string(line) + ": expected 8 fields, found 2";
  EXPECT_EQ(error_of(text, 1, 0), expected);
  EXPECT_EQ(error_of(text, 4, 4096), expected);
}

TEST(CsvReaderThreads, EarlierErrorWinsOverLaterOne) {
  std::string text = "a,b\n";
  for (int r = 0; r < 2000; ++r) text += (r == 700 ? "1\n" : r == 1500 ? "1,2,3\n" : "1,2\n");
  EXPECT_EQ(error_of(text, 4, 256), "t.csv:702: expected 2 fields, found 1");
}

TEST(CsvReaderThreads, UnterminatedQuoteLine) {
  std::string text = with_stray_quotes(3000);
  text += "1,\"never closed\n2,x,3\n";
  for (int r = 0; r < 3000; ++r) text += "4,y,5\n";
  // 1 header line + 3000 rows, of which every 3rd spans two lines.
  const std::string expected =
      "t.csv:" + std::to_string(1 + 3000 + 1000 + 1) + ": unterminated quoted field";
  EXPECT_EQ(error_of(text, 1, 0), expected);
  EXPECT_EQ(error_of(text, 3, 500), expected);
}

TEST(CsvReaderThreads, NulByteLine) {
  std::string text = generated(3000);
  const std::size_t lines = 1 + 3000 + (3000 + 6) / 7;
  text += std::string("1,a\0b,2,3,4,true,5,R\n", 21);
  const std::string expected = "t.csv:" + std::to_string(lines + 1) + ": NUL byte in input";
  EXPECT_EQ(error_of(text, 1, 0), expected);
  EXPECT_EQ(error_of(text, 2, 1024), expected);
}

TEST(CsvReaderThreads, FileReadInChunksMatchesText) {
  const std::string text = generated(20000);
  const std::string path = testing::TempDir() + "csv_reader_threads_test.csv";
  std::ofstream(path, std::ios::binary) << text;
  const Table from_file = read_csv_file(path, {0, 3, 8192});
  std::filesystem::remove(path);
  expect_same_table(read_whole(text), from_file);
}

}  // namespace
}  // namespace groupfit
