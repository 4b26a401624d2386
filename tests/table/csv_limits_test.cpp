// The CSV reader's limits (groupfit/limits.hpp) at their boundaries: exactly at a limit reads,
// one past it is an InputError naming the line. The limits are lowered through CsvReadOptions so
// the boundaries are reachable; the real values are checked end to end in tests/cli.
#include <gtest/gtest.h>

#include <string>

#include "groupfit/error.hpp"
#include "groupfit/limits.hpp"
#include "table/csv_reader.hpp"

namespace groupfit {
namespace {

std::string error_of(std::string_view text, const CsvReadOptions& options) {
  try {
    read_csv_text(text, options, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

CsvReadOptions with_field_limit(std::size_t bytes) {
  CsvReadOptions o;
  o.max_field_bytes = bytes;
  return o;
}

TEST(CsvLimits, FieldLengthAtAndPastTheLimit) {
  const auto o = with_field_limit(8);
  EXPECT_EQ(read_csv_text("a,b\n1,12345678\n", o).column("b").text_at(0), "12345678");
  EXPECT_EQ(error_of("a,b\n1,2\n1,123456789\n", o),
            "t.csv:3: field longer than 8 bytes (the limit); a stray quote?");
  // Quoted, with doubled quotes, with text after the closing quote, and in the header.
  EXPECT_EQ(read_csv_text("a,b\n1,\"1234\"\"67\"\n", o).column("b").text_at(0), "1234\"67");
  EXPECT_EQ(error_of("a,b\n1,\"12345\n6789\"\n", o),
            "t.csv:2: field longer than 8 bytes (the limit); a stray quote?");
  EXPECT_EQ(error_of("a,b\n1,\"1234\"\"6789\"\n", o),
            "t.csv:2: field longer than 8 bytes (the limit); a stray quote?");
  EXPECT_EQ(error_of("a,b\n1,\"1234\"56789\n", o),
            "t.csv:2: field longer than 8 bytes (the limit); a stray quote?");
  EXPECT_EQ(error_of("a,bcdefghij\n1,2\n", o),
            "t.csv:1: field longer than 8 bytes (the limit); a stray quote?");
}

TEST(CsvLimits, FieldLimitInMebibytes) {
  const std::string long_field(std::size_t{1} << 20 | 1, 'x');
  EXPECT_EQ(error_of("a,b\n1," + long_field + "\n", with_field_limit(std::size_t{1} << 20)),
            "t.csv:2: field longer than 1 MiB (the limit); a stray quote?");
}

TEST(CsvLimits, ColumnsAtAndPastTheLimit) {
  CsvReadOptions o;
  o.max_columns = 3;
  EXPECT_EQ(read_csv_text("a,b,c\n1,2,3\n", o).num_columns(), 3u);
  EXPECT_EQ(error_of("a,b,c,d\n1,2,3,4\n", o), "t.csv:1: more than 3 fields (the limit)");
  EXPECT_EQ(error_of("a,b,c,\n1,2,3,4\n", o), "t.csv:1: more than 3 fields (the limit)");
  // A data row past the limit stops there instead of collecting every field; a row past the
  // header but within the limit is only ragged.
  o.max_columns = 4;
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n1,2,3,4,5,6,7\n", o),
            "t.csv:3: more than 4 fields (the limit)");
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n1,2,3,4\n", o), "t.csv:3: expected 3 fields, found 4");
}

TEST(CsvLimits, RowsAtAndPastTheLimit) {
  CsvReadOptions o;
  o.max_rows = 3;
  EXPECT_EQ(read_csv_text("a\n1\n2\n\n3\n", o).num_rows(), 3u);
  EXPECT_EQ(error_of("a\n1\n2\n\n3\n4\n", o), "t.csv:6: more than 3 data rows (the limit)");
  // Several slices, each under the limit, that add up past it.
  o.threads = 4;
  o.min_chunk_bytes = 1;
  o.max_rows = 5;
  const std::string error = error_of("a\n1\n2\n3\n4\n5\n6\n7\n8\n", o);
  EXPECT_NE(error.find("more than 5 data rows (the limit)"), std::string::npos) << error;
}

TEST(CsvLimits, DefaultsAreTheDocumentedLimits) {
  const CsvReadOptions o;
  EXPECT_EQ(o.max_rows, 4'294'967'295u);
  EXPECT_EQ(o.max_columns, 65'536u);
  EXPECT_EQ(o.max_field_bytes, 16u << 20);
  EXPECT_EQ(kMaxCategories, 16'777'216u);
}

TEST(CsvLimits, ShortLastRowWithoutLineBreakIsReportedAsCut) {
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5", {}),
            "t.csv:3: expected 3 fields, found 2 (the file ends in the middle of this row: was it "
            "cut short?)");
  // With a line break after it, a short row is only ragged.
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5\n", {}), "t.csv:3: expected 3 fields, found 2");
}

}  // namespace
}  // namespace groupfit
