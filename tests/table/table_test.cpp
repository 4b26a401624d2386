// Table, Column and ValidityBitmap: values as numbers and text, lookups by name with
// suggestions, and the bitmap's bit arithmetic at unaligned offsets.
#include "table/table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

Column float_column(std::vector<double> values, std::vector<bool> valid) {
  Column c;
  c.name = "f";
  c.type = ColumnType::Float64;
  c.doubles = std::move(values);
  for (bool v : valid) c.validity.push_back(v);
  return c;
}

TEST(TableColumn, TextAtUsesShortestRoundTripForDoubles) {
  const Column c =
      float_column({0.1, 2.5, 3.0, 1e21, -0.0, 0.30000000000000004}, std::vector<bool>(6, true));
  EXPECT_EQ(c.text_at(0), "0.1");
  EXPECT_EQ(c.text_at(1), "2.5");
  EXPECT_EQ(c.text_at(2), "3");
  EXPECT_EQ(c.text_at(3), "1e+21");
  EXPECT_EQ(c.text_at(4), "-0");
  EXPECT_EQ(c.text_at(5), "0.30000000000000004");
}

TEST(TableColumn, MissingValueIsEmptyTextAndNan) {
  const Column c = float_column({0.0, 4.0}, {false, true});
  EXPECT_EQ(c.text_at(0), "");
  EXPECT_TRUE(std::isnan(c.numeric_at(0)));
  EXPECT_EQ(c.numeric_at(1), 4.0);
  EXPECT_EQ(c.missing_count(), 1u);
}

TEST(TableColumn, IntsAndBools) {
  Column i;
  i.type = ColumnType::Int64;
  i.ints = {-5, std::numeric_limits<std::int64_t>::max()};
  i.validity.resize(2, true);
  EXPECT_EQ(i.text_at(0), "-5");
  EXPECT_EQ(i.text_at(1), "9223372036854775807");
  EXPECT_EQ(i.numeric_at(0), -5.0);
  Column b;
  b.type = ColumnType::Bool;
  b.bools = {1, 0};
  b.validity.resize(2, true);
  EXPECT_EQ(b.text_at(0), "true");
  EXPECT_EQ(b.text_at(1), "false");
  EXPECT_EQ(b.numeric_at(0), 1.0);
}

TEST(TableColumn, StringsThroughTheDictionary) {
  Column s;
  s.type = ColumnType::String;
  s.codes = {s.dictionary.intern("x"), s.dictionary.intern("y"), 0};
  s.validity.push_back(true);
  s.validity.push_back(true);
  s.validity.push_back(false);
  EXPECT_EQ(s.text_at(1), "y");
  EXPECT_EQ(s.text_at(2), "");
  EXPECT_FALSE(s.is_numeric());
  EXPECT_TRUE(std::isnan(s.numeric_at(0)));
}

TEST(TableColumn, TypeNames) {
  EXPECT_EQ(to_string(ColumnType::Bool), "bool");
  EXPECT_EQ(to_string(ColumnType::Int64), "int64");
  EXPECT_EQ(to_string(ColumnType::Float64), "float64");
  EXPECT_EQ(to_string(ColumnType::String), "string");
}

Table three_columns() {
  Table t;
  for (const char* name : {"Region", "IBD", "Regions"}) {
    Column c;
    c.name = name;
    t.columns.push_back(std::move(c));
  }
  return t;
}

TEST(TableLookup, FindAndNames) {
  const Table t = three_columns();
  EXPECT_EQ(t.find("IBD"), 1);
  EXPECT_EQ(t.find("ibd"), -1);
  EXPECT_EQ(t.column_names(), (std::vector<std::string>{"Region", "IBD", "Regions"}));
  EXPECT_EQ(&t.column("Regions"), &t.columns[2]);
}

TEST(TableLookup, MissingColumnNamesTheClosest) {
  const Table t = three_columns();
  try {
    t.column("Regoin");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_EQ(std::string(e.what()), "no column 'Regoin'; closest: 'Region', 'Regions'");
  }
}

TEST(TableLookup, MissingColumnWithNothingClose) {
  try {
    three_columns().column("temperature");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "no column 'temperature'");
  }
}

TEST(TableValidity, PushGetAndCount) {
  ValidityBitmap b;
  for (int i = 0; i < 130; ++i) b.push_back(i % 3 == 0);
  EXPECT_EQ(b.size(), 130u);
  EXPECT_EQ(b.count_valid(), 44u);
  EXPECT_TRUE(b.get(129));
  EXPECT_FALSE(b.get(128));
  b.set(128, true);
  b.set(129, false);
  EXPECT_TRUE(b.get(128));
  EXPECT_EQ(b.count_valid(), 44u);
}

TEST(TableValidity, AppendAtUnalignedOffsets) {
  for (std::size_t first : {0u, 1u, 63u, 64u, 65u, 100u}) {
    for (std::size_t second : {0u, 1u, 63u, 64u, 130u}) {
      ValidityBitmap a, b;
      std::vector<bool> expected;
      for (std::size_t i = 0; i < first; ++i) {
        a.push_back(i % 5 != 1);
        expected.push_back(i % 5 != 1);
      }
      for (std::size_t i = 0; i < second; ++i) {
        b.push_back(i % 7 < 3);
        expected.push_back(i % 7 < 3);
      }
      a.append(b);
      ASSERT_EQ(a.size(), expected.size());
      std::size_t valid = 0;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(a.get(i), expected[i]) << first << "+" << second << " bit " << i;
        valid += expected[i];
      }
      EXPECT_EQ(a.count_valid(), valid);
    }
  }
}

TEST(TableValidity, ResizeFillsAndTruncates) {
  ValidityBitmap b;
  b.push_back(false);
  b.push_back(true);
  b.resize(70, true);
  EXPECT_EQ(b.count_valid(), 69u);
  EXPECT_FALSE(b.get(0));
  b.resize(66, false);
  EXPECT_EQ(b.count_valid(), 65u);
  b.resize(100, false);
  EXPECT_EQ(b.count_valid(), 65u);
  EXPECT_FALSE(b.get(99));
  b.resize(1, true);
  EXPECT_EQ(b.count_valid(), 0u);
}

}  // namespace
}  // namespace groupfit
