// Every error the CSV reader reports, with its exact one-line message, line number and exit
// code (2, bad input).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "groupfit/error.hpp"
#include "table/csv_reader.hpp"

namespace groupfit {
namespace {

// The message of the InputError reading `text` throws, checking its exit code.
std::string error_of(std::string_view text, CsvReadOptions options = {}) {
  try {
    read_csv_text(text, options, "data.csv");
  } catch (const InputError& e) {
    EXPECT_EQ(e.exit_code(), 2);
    return e.what();
  }
  return "no error";
}

TEST(CsvReaderError, EmptyFile) {
  EXPECT_EQ(error_of(""), "data.csv: empty file");
  EXPECT_EQ(error_of("\n\r\n"), "data.csv: empty file");
  EXPECT_EQ(error_of("\xEF\xBB\xBF"), "data.csv: empty file");
}

TEST(CsvReaderError, HeaderOnly) {
  EXPECT_EQ(error_of("a,b\n"), "data.csv: no data rows (header only)");
  EXPECT_EQ(error_of("a,b"), "data.csv: no data rows (header only)");
  EXPECT_EQ(error_of("a,b\r\n\r\n\n"), "data.csv: no data rows (header only)");
}

TEST(CsvReaderError, EmptyColumnName) {
  EXPECT_EQ(error_of("a,b,,d\n1,2,3,4\n"), "data.csv: column 3 has an empty name");
}

TEST(CsvReaderError, DuplicateColumnName) {
  EXPECT_EQ(error_of("a,x,b,c,x\n1,2,3,4,5\n"),
            "data.csv: duplicate column name 'x' (columns 2 and 5)");
}

// Line 1 header, a quoted field over lines 2-3, rows on lines 4-16, then `last` on line 17.
std::string seventeen_lines(const std::string& last) {
  std::string text = "a,b,c,d,e\n\"x\ny\",1,2,3,4\n";
  for (int line = 4; line <= 16; ++line) text += "1,2,3,4,5\n";
  return text + last;
}

TEST(CsvReaderError, TooManyFields) {
  EXPECT_EQ(error_of(seventeen_lines("1,2,3,4,5,6\n1,2,3,4,5\n")),
            "data.csv:17: expected 5 fields, found 6");
}

TEST(CsvReaderError, TooFewFields) {
  EXPECT_EQ(error_of(seventeen_lines("1,2\n")), "data.csv:17: expected 5 fields, found 2");
}

TEST(CsvReaderError, RaggedRowAfterBlankLines) {
  EXPECT_EQ(error_of("a,b\n1,2\n\n\r\n3\n"), "data.csv:5: expected 2 fields, found 1");
}

TEST(CsvReaderError, UnterminatedQuoteAtEndOfFile) {
  std::string text = "a,b\n";
  for (int line = 2; line <= 8; ++line) text += "1,2\n";
  text += "3,\"open\n4,5\n6,7\n";  // opens on line 9 and never closes
  EXPECT_EQ(error_of(text), "data.csv:9: unterminated quoted field");
}

TEST(CsvReaderError, UnterminatedQuoteInHeader) {
  EXPECT_EQ(error_of("a,\"b\n1,2\n"), "data.csv:1: unterminated quoted field");
}

TEST(CsvReaderError, NulByte) {
  const std::string text("a,b\n1,2\n\"x\ny\",3\n4,a\0b\n", 22);
  EXPECT_EQ(error_of(text), "data.csv:5: NUL byte in input");
  EXPECT_EQ(error_of(std::string("a,b\n1,2\n3,4\n\0", 13)), "data.csv:4: NUL byte in input");
}

TEST(CsvReaderError, InvalidUtf8InHeader) {
  EXPECT_EQ(error_of("a,\xff\xfe\n1,2\n"), "data.csv: the name of column 2 is not valid UTF-8");
}

TEST(CsvReaderError, QuoteAsDelimiterIsRefused) {
  EXPECT_EQ(error_of("a\n1\n", {'"', 1}),
            "data.csv: a quote or line break cannot be the delimiter");
}

TEST(CsvReaderError, FileCannotBeOpened) {
  const std::string path = testing::TempDir() + "no_such_dir/x.csv";
  try {
    read_csv_file(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_EQ(std::string(e.what()), "cannot open '" + path + "': No such file or directory");
  }
}

TEST(CsvReaderError, DirectoryCannotBeRead) {
  const std::string path = testing::TempDir();
  try {
    read_csv_file(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read '" + path + "': Is a directory");
  }
}

TEST(CsvReaderError, ErrorInAFileNamesThePath) {
  const std::string path = testing::TempDir() + "csv_reader_test_ragged.csv";
  std::ofstream(path, std::ios::binary) << "a,b\n1,2\n3\n";
  EXPECT_THROW(
      {
        try {
          read_csv_file(path);
        } catch (const InputError& e) {
          EXPECT_EQ(std::string(e.what()), path + ":3: expected 2 fields, found 1");
          throw;
        }
      },
      InputError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace groupfit
