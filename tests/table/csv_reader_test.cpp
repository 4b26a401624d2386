// The CSV reader's cases: quoting, missing values, BOM, CRLF, delimiters, type inference, and
// every error with its message and line.
#include "table/csv_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

Table read(std::string_view text, char delimiter = 0) {
  return read_csv_text(text, {delimiter, 1}, "t.csv");
}

std::string error_of(std::string_view text) {
  try {
    read(text);
  } catch (const InputError& e) {
    EXPECT_EQ(e.exit_code(), 2);
    return e.what();
  }
  return "no error";
}

TEST(CsvReader, QuotedDelimiterDoubledQuotesAndNewline) {
  const Table t = read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
  ASSERT_EQ(t.num_rows(), 2u);
  EXPECT_EQ(t.column("a").text_at(0), "x,y");
  EXPECT_EQ(t.column("b").text_at(0), "say \"hi\"");
  EXPECT_EQ(t.column("a").text_at(1), "two\nlines");
  EXPECT_EQ(t.column("b").text_at(1), "z");
}

TEST(CsvReader, BomCrlfAndNoFinalNewline) {
  const Table t = read("\xEF\xBB\xBFid,v\r\n1,2.5\r\n2,3");
  EXPECT_EQ(t.column_names(), (std::vector<std::string>{"id", "v"}));
  ASSERT_EQ(t.num_rows(), 2u);
  EXPECT_EQ(t.column("v").doubles[1], 3.0);
  EXPECT_EQ(t.column("id").type, ColumnType::Int64);
}

TEST(CsvReader, MissingSpellings) {
  const Table t = read("v\n1\n\nNA\nNaN\nnull\nNone\n\"\"\n2\n");
  const Column& v = t.column("v");
  // The blank line is skipped (as pandas does); the others are missing values.
  ASSERT_EQ(t.num_rows(), 7u);
  EXPECT_EQ(v.type, ColumnType::Int64);
  EXPECT_EQ(v.missing_count(), 5u);
  EXPECT_TRUE(v.is_valid(0));
  EXPECT_TRUE(v.is_valid(6));
  EXPECT_TRUE(std::isnan(v.numeric_at(1)));
}

TEST(CsvReader, EmptyFieldIsMissing) {
  const Table t = read("a,b\n1,\n,x\n");
  EXPECT_FALSE(t.column("b").is_valid(0));
  EXPECT_FALSE(t.column("a").is_valid(1));
  EXPECT_EQ(t.column("b").text_at(1), "x");
}

TEST(CsvReader, DetectsSemicolonAndTab) {
  const Table semi = read("a;b;c\n1;2,5;x\n");
  EXPECT_EQ(semi.num_columns(), 3u);
  // A ';'-separated file's decimal commas are numbers (a Spanish-locale spreadsheet's export),
  // and the reader says so.
  EXPECT_EQ(semi.column("b").type, ColumnType::Float64);
  EXPECT_EQ(semi.column("b").doubles[0], 2.5);
  ASSERT_EQ(semi.notes.size(), 1u);
  EXPECT_NE(semi.notes[0].find("decimal commas (b)"), std::string::npos) << semi.notes[0];
  const Table tab = read("a\tb\n1\t2\n");
  EXPECT_EQ(tab.num_columns(), 2u);
  EXPECT_EQ(tab.column("b").ints[0], 2);
}

TEST(CsvReader, ExplicitDelimiter) {
  const Table t = read("a|b\n1|x,y\n", '|');
  EXPECT_EQ(t.column("b").text_at(0), "x,y");
}

TEST(CsvReader, TypeInference) {
  const Table t = read(
      "b,i,f,s,mixed,allna,code\n"
      "true,1,1.5,x,1,,007\n"
      "False,-2,2,y,2.5,NA,010\n"
      "TRUE,+3,1e3,x,abc,,x\n");
  EXPECT_EQ(t.column("b").type, ColumnType::Bool);
  EXPECT_EQ(t.column("b").bools, (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(t.column("i").type, ColumnType::Int64);
  EXPECT_EQ(t.column("i").ints, (std::vector<std::int64_t>{1, -2, 3}));
  EXPECT_EQ(t.column("f").type, ColumnType::Float64);
  EXPECT_EQ(t.column("f").doubles, (std::vector<double>{1.5, 2, 1000}));
  EXPECT_EQ(t.column("s").type, ColumnType::String);
  EXPECT_EQ(t.column("s").dictionary.to_vector(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(t.column("s").codes, (std::vector<std::uint32_t>{0, 1, 0}));
  EXPECT_EQ(t.column("mixed").type, ColumnType::String);
  EXPECT_EQ(t.column("mixed").text_at(1), "2.5");
  EXPECT_EQ(t.column("allna").type, ColumnType::Float64);
  EXPECT_EQ(t.column("allna").missing_count(), 3u);
  // A text column keeps every value's original text.
  EXPECT_EQ(t.column("code").type, ColumnType::String);
  EXPECT_EQ(t.column("code").text_at(0), "007");
}

TEST(CsvReader, BoolMixedWithNumbersIsText) {
  const Table t = read("v\ntrue\n1\n");
  EXPECT_EQ(t.column("v").type, ColumnType::String);
  EXPECT_EQ(t.column("v").text_at(0), "true");
}

TEST(CsvReader, Errors) {
  EXPECT_EQ(error_of(""), "t.csv: empty file");
  EXPECT_EQ(error_of("\n\n"), "t.csv: empty file");
  EXPECT_EQ(error_of("a,b\n"), "t.csv: no data rows (header only)");
  EXPECT_EQ(error_of("a,,c\n1,2,3\n"), "t.csv: column 2 has an empty name");
  EXPECT_EQ(error_of("x,y,x\n1,2,3\n"), "t.csv: duplicate column name 'x' (columns 1 and 3)");
  EXPECT_EQ(error_of("a,b\n1,2\n\"x\ny\",2\n3,4,5\n"), "t.csv:5: expected 2 fields, found 3");
  EXPECT_EQ(error_of("a,b\n1,2\n3,\"open\n4,5\n"), "t.csv:3: unterminated quoted field");
  EXPECT_EQ(error_of(std::string("a,b\n1,2\n3,x\0y\n", 14)), "t.csv:3: NUL byte in input");
  EXPECT_EQ(error_of("a,\xff\xfe\n1,2\n"), "t.csv: the name of column 2 is not valid UTF-8");
}

TEST(CsvReader, InvalidUtf8InValuesIsKept) {
  const Table t = read("g\nab\xff\n");
  EXPECT_EQ(t.column("g").text_at(0), "ab\xff");
}

TEST(CsvReader, MissingFileAndColumnSuggestions) {
  try {
    read_csv_file("/nonexistent/x.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot open '/nonexistent/x.csv': No such file or directory");
  }
  const Table t = read("Region,IBD,Regions\n1,2,3\n");
  try {
    t.column("Regoin");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "no column 'Regoin'; closest: 'Region', 'Regions'");
  }
}

// Generated text with quoted newlines, mixed types and a column that turns to text late.
std::string generated(std::size_t rows) {
  std::string s = "id,name,x,late_text,flag\n";
  for (std::size_t r = 0; r < rows; ++r) {
    s += std::to_string(r) + ",";
    s += r % 7 == 0 ? "\"multi\nline, " + std::to_string(r % 13) + "\""
                    : "n" + std::to_string(r % 29);
    s += "," + (r % 11 == 0 ? std::string() : std::to_string(r % 100) + (r % 3 ? ".5" : ""));
    s += "," + (r == rows - 5 ? std::string("oops") : std::to_string(r % 50));
    s += std::string(",") + (r % 2 ? "true" : "false") + "\n";
  }
  return s;
}

bool same_table(const Table& a, const Table& b) {
  if (a.num_columns() != b.num_columns() || a.num_rows() != b.num_rows()) return false;
  for (std::size_t c = 0; c < a.num_columns(); ++c) {
    const Column &x = a.columns[c], &y = b.columns[c];
    if (x.type != y.type || x.name != y.name) return false;
    for (std::size_t r = 0; r < a.num_rows(); ++r) {
      if (x.is_valid(r) != y.is_valid(r) || x.text_at(r) != y.text_at(r)) return false;
    }
    if (x.type == ColumnType::String && (x.dictionary != y.dictionary || x.codes != y.codes)) {
      return false;
    }
  }
  return true;
}

TEST(CsvReader, ThreadsGiveTheSameTable) {
  const std::string text = generated(200000);
  const Table one = read_csv_text(text, {0, 1}, "t.csv");
  CsvReadOptions many{0, 4};
  many.min_chunk_bytes = 1024;
  const Table four = read_csv_text(text, many, "t.csv");
  EXPECT_EQ(one.column("late_text").type, ColumnType::String);
  EXPECT_EQ(one.column("x").type, ColumnType::Float64);
  EXPECT_EQ(one.column("flag").type, ColumnType::Bool);
  EXPECT_EQ(one.column("name").text_at(7), "multi\nline, 7");
  EXPECT_TRUE(same_table(one, four));
}

TEST(CsvReader, ThreadsReportTheFirstErrorLine) {
  std::string text = generated(50000);
  text += "1,2\n";  // ragged, at the last line
  CsvReadOptions many{0, 4};
  many.min_chunk_bytes = 1024;
  // 1 header line + 50000 rows, of which every 7th spans two lines.
  const std::size_t line = 1 + 50000 + (50000 + 6) / 7 + 1;
  try {
    read_csv_text(text, many, "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.csv:" + std::to_string(line) + ": expected 5 fields, found 2");
  }
}

TEST(CsvReader, ReadsAFile) {
  const std::string path = testing::TempDir() + "reader_test.csv";
  std::ofstream(path) << generated(1000);
  const Table t = read_csv_file(path, {0, 2});
  EXPECT_EQ(t.num_rows(), 1000u);
  EXPECT_TRUE(same_table(t, read_csv_text(generated(1000), {0, 1}, "x")));
}

TEST(CsvDialects, DecimalCommaOnlyWhereAskedOrDetected) {
  // A ','-separated file cannot hold "2,5" unquoted; quoted, it stays text unless --decimal ,.
  const Table plain = read("a,b\n1,\"2,5\"\n");
  EXPECT_EQ(plain.column("b").type, ColumnType::String);
  CsvReadOptions comma;
  comma.threads = 1;
  comma.decimal = ',';
  const Table asked = read_csv_text("a,b\n1,\"2,5\"\n2,3.5\n", comma, "t.csv");
  EXPECT_EQ(asked.column("b").type, ColumnType::Float64);
  EXPECT_EQ(asked.column("b").doubles[0], 2.5);
  EXPECT_EQ(asked.column("b").doubles[1], 3.5);
  EXPECT_TRUE(asked.notes.empty()) << "asked for: nothing to say";
  CsvReadOptions dot;
  dot.decimal = '.';
  EXPECT_EQ(read_csv_text("a;b\n1;2,5\n", dot, "t.csv").column("b").type, ColumnType::String);
}

TEST(CsvDialects, NaValuesAndTheNoteAboutAFewOddValues) {
  std::string text = "x;y\n";
  for (int i = 0; i < 40; ++i) text += std::to_string(i) + ";" + (i == 7 ? "-" : "1,5") + "\n";
  const Table t = read(text);
  EXPECT_EQ(t.column("y").type, ColumnType::String);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_NE(t.notes[0].find("column 'y' holds numbers but for 1 value ('-' first, at t.csv: data "
                            "row 8): it is read as text; --na-values - would read it as missing"),
            std::string::npos)
      << t.notes[0];
  CsvReadOptions na;
  na.na_values = {"-"};
  const Table fixed = read_csv_text(text, na, "t.csv");
  EXPECT_EQ(fixed.column("y").type, ColumnType::Float64);
  EXPECT_FALSE(fixed.column("y").is_valid(7));
  EXPECT_EQ(fixed.column("y").missing_count(), 1u);
}

TEST(CsvDialects, IsoDatesAreDatesInEverySpelling) {
  const Table t = read(
      "d\n2024-03-01\n2024-03-01T00:00:00\n2024-03-01 01:00:00+01:00\n2024-03-01T00:00:00Z\n"
      "\n");
  const Column& d = t.column("d");
  ASSERT_EQ(d.type, ColumnType::Date);
  for (std::size_t r = 0; r < 4; ++r) EXPECT_EQ(d.doubles[r], 1709251200.0) << r;
  EXPECT_FALSE(d.is_valid(4));
  EXPECT_EQ(d.text_at(0), "2024-03-01");
  // A date column that meets something else is text, as a number column would be.
  EXPECT_EQ(read("d\n2024-03-01\nsoon\n").column("d").type, ColumnType::String);
  EXPECT_EQ(read("d\n2023-02-29\n").column("d").type, ColumnType::String) << "no such day";
}

}  // namespace
}  // namespace groupfit
