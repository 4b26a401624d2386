// load_table (groupfit/loaded_table.hpp) on a messy CSV file: every type the reader gives, with
// gaps, handed out as plain columns; only the columns asked for, in their order; a column the
// file lacks or one asked for twice refused. (Parquet: python/tests/test_read_parquet.py.)
#include "groupfit/loaded_table.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

class TableLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("groupfit-table-load-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path_) << "site,n,open,day,y\n"
                            "north,3,true,2024-02-14,1.5\n"
                            ",,false,2024-02-15,\n"
                            "south,7,,,2.25\n"
                            "north,1,true,2024-03-01T12:00:00Z,-1\n";
    read_.input = path_.string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::filesystem::path path_;
  ReadOptions read_;
};

TEST_F(TableLoad, EveryTypeWithItsGaps) {
  const LoadedTable t = load_table(read_, {}, [](const std::string&) {});
  ASSERT_EQ(t.rows, 4u);
  ASSERT_EQ(t.columns.size(), 5u);
  const LoadedColumn& site = t.columns[0];
  EXPECT_EQ(site.type, InputType::Text);
  EXPECT_EQ(site.categories, (std::vector<std::string>{"north", "south"}));
  EXPECT_EQ(site.codes, (std::vector<std::int32_t>{0, -1, 1, 0}));
  const LoadedColumn& n = t.columns[1];
  EXPECT_EQ(n.type, InputType::Int64);
  EXPECT_EQ(n.missing, (std::vector<std::uint8_t>{0, 1, 0, 0}));
  EXPECT_EQ(n.ints[3], 1);
  const LoadedColumn& open = t.columns[2];
  EXPECT_EQ(open.type, InputType::Bool);
  EXPECT_EQ(open.missing, (std::vector<std::uint8_t>{0, 0, 1, 0}));
  EXPECT_EQ(open.bools[1], 0);
  const LoadedColumn& day = t.columns[3];
  EXPECT_EQ(day.type, InputType::Timestamp);
  EXPECT_EQ(day.ints[0], 1707868800LL * 1000000000LL);  // 2024-02-14T00:00:00Z
  EXPECT_EQ(day.ints[3], (1709251200LL + 12 * 3600) * 1000000000LL);
  EXPECT_EQ(day.missing[2], 1);
  const LoadedColumn& y = t.columns[4];
  EXPECT_EQ(y.type, InputType::Float64);
  EXPECT_TRUE(std::isnan(y.doubles[1]));
  EXPECT_EQ(y.doubles[2], 2.25);
}

TEST_F(TableLoad, OnlyTheColumnsAskedForInTheirOrder) {
  const LoadedTable t = load_table(read_, {"y", "site"}, [](const std::string&) {});
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[0].name, "y");
  EXPECT_EQ(t.columns[1].name, "site");
  EXPECT_THROW(load_table(read_, {"sites"}, [](const std::string&) {}), InputError);
  EXPECT_THROW(load_table(read_, {"y", "y"}, [](const std::string&) {}), InputError);
}

}  // namespace
}  // namespace groupfit
