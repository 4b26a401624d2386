// A table handed over in memory (groupfit/input_table.hpp) becomes the Table the CSV reader
// makes of the same values written to a file: same types, same missing rows, same values, same
// dictionary order — what lets a DataFrame and its CSV give the same bytes in every output.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "groupfit/error.hpp"
#include "table/csv_reader.hpp"
#include "table/table_from_input.hpp"

namespace groupfit {
namespace {

void expect_same_column(const Column& a, const Column& b) {
  SCOPED_TRACE(a.name);
  ASSERT_EQ(a.name, b.name);
  ASSERT_EQ(a.type, b.type);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.plain_text, b.plain_text);
  for (std::size_t r = 0; r < a.size(); ++r) {
    ASSERT_EQ(a.is_valid(r), b.is_valid(r)) << "row " << r;
    if (!a.is_valid(r)) continue;
    if (a.is_numeric()) {
      EXPECT_EQ(a.numeric_at(r), b.numeric_at(r)) << "row " << r;
    } else {
      EXPECT_EQ(a.text_view(r), b.text_view(r)) << "row " << r;
    }
  }
  if (!a.plain_text && a.type == ColumnType::String) {
    EXPECT_EQ(a.dictionary.to_vector(), b.dictionary.to_vector());
  }
}

InputColumn column(const std::string& name, InputType type, const void* values,
                   const std::uint8_t* missing = nullptr) {
  InputColumn c;
  c.name = name;
  c.type = type;
  c.values = values;
  c.missing = missing;
  return c;
}

InputColumn text(const std::string& name, const void* codes, std::size_t code_bytes,
                 std::vector<std::string_view> categories) {
  InputColumn c = column(name, InputType::Text, codes);
  c.code_bytes = code_bytes;
  c.categories = std::move(categories);
  return c;
}

InputTable table_of(std::size_t rows, std::vector<InputColumn> columns) {
  InputTable t;
  t.rows = rows;
  t.columns = std::move(columns);
  return t;
}

TEST(TableFromInput, GivesWhatTheCsvReaderGivesForTheSameValues) {
  const std::string csv =
      "flag,count,small,ratio,ratio32,when,region,kind\n"
      "true,7,1,0.5,0.25,2024-03-01,north,b\n"
      ",,2,,,,,\n"
      "false,-3,3,1e-7,1.5,2024-03-01 12:30:00.123,south,a\n"
      "true,9000000000,4,2.25,-2,1969-12-31T23:59:59.5,north,b\n";
  const Table expected = read_csv_text(csv);

  const std::uint8_t flags[] = {1, 0, 0, 1};
  const std::uint8_t flag_missing[] = {0, 1, 0, 0};
  const std::int64_t counts[] = {7, 0, -3, 9000000000};
  const std::uint8_t count_missing[] = {0, 1, 0, 0};
  const std::int32_t small[] = {1, 2, 3, 4};
  const double nan = std::nan("");
  const double ratios[] = {0.5, nan, 1e-7, 2.25};
  const float ratios32[] = {0.25f, std::nanf(""), 1.5f, -2.0f};
  const std::int64_t nat = std::numeric_limits<std::int64_t>::min();
  const std::int64_t when[] = {1709251200000000000, nat, 1709296200123000000, -500000000};
  // Unused and repeated categories, codes in another order than first appearance.
  const std::int8_t region_codes[] = {2, -1, 0, 2};
  const std::int64_t kind_codes[] = {0, 2, 1, 0};

  const InputTable input = table_of(
      4,
      {column("flag", InputType::Bool, flags, flag_missing),
       column("count", InputType::Int64, counts, count_missing),
       column("small", InputType::Int32, small), column("ratio", InputType::Float64, ratios),
       column("ratio32", InputType::Float32, ratios32), column("when", InputType::Timestamp, when),
       text("region", region_codes, 1, {"south", "unused", "north"}),
       // Empty text is missing, as an empty field.
       text("kind", kind_codes, 8, {"b", "a", ""})});
  const Table table = table_from_input(input, "<memory>");
  ASSERT_EQ(table.num_columns(), expected.num_columns());
  for (std::size_t c = 0; c < table.num_columns(); ++c) {
    expect_same_column(table.columns[c], expected.columns[c]);
  }
}

TEST(TableFromInput, NearlyUniqueTextIsKeptAsPlainRowsAsTheReaderDoes) {
  const std::size_t rows = 70000;
  std::vector<std::string> ids;
  std::string csv = "id\n";
  for (std::size_t r = 0; r < rows; ++r) {
    ids.push_back("id" + std::to_string(r));
    csv += ids.back() + "\n";
  }
  std::vector<std::int32_t> codes(rows);
  std::vector<std::string_view> categories;
  for (std::size_t r = 0; r < rows; ++r) {
    codes[r] = static_cast<std::int32_t>(r);
    categories.push_back(ids[r]);
  }
  const InputTable input = table_of(rows, {text("id", codes.data(), 4, categories)});
  const Table table = table_from_input(input, "<memory>");
  EXPECT_TRUE(table.columns[0].plain_text);
  expect_same_column(table.columns[0], read_csv_text(csv).columns[0]);
}

TEST(TableFromInput, RefusesWhatAHeaderOrARowCouldNotHold) {
  const double values[] = {1, 2};
  const std::int32_t codes[] = {0, 3};
  const auto message = [](const InputTable& input) {
    try {
      table_from_input(input, "<DataFrame>");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(table_of(2, {column("x", InputType::Float64, values),
                                 column("x", InputType::Float64, values)})),
            "<DataFrame>: duplicate column name 'x' (columns 1 and 2)");
  EXPECT_EQ(message(table_of(2, {column("", InputType::Float64, values)})),
            "<DataFrame>: column 1 has an empty name");
  EXPECT_EQ(message(table_of(2, {text("k", codes, 4, {"a"})})),
            "<DataFrame>: data row 2: column 'k' holds code 3, past its 1 values");
  EXPECT_EQ(message(table_of(2, {column("v", InputType::Float64, nullptr)})),
            "<DataFrame>: column 'v' has no values");
}

}  // namespace
}  // namespace groupfit
