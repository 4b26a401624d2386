// Which columns become features and how they are coded: text columns are categorical with codes
// fixed over the whole table (sorted distinct values), which `predict` must reproduce on a new
// file from the saved categories; a value never seen in training becomes missing.
#include "plan/feature_matrix.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "groupfit/error.hpp"
#include "table_builder.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

Table example() {
  Table t;
  t.columns.push_back(string_column("Region", {"a", "a", "b", "b"}));
  t.columns.push_back(double_column("IBD", {1, 2, NAN, 4}));
  t.columns.push_back(string_column("site", {"north", "east", std::nullopt, "north"}));
  t.columns.push_back(double_column("depth", {1.5, NAN, 3, 4}));
  t.columns.push_back(double_column("w", {1, 1, 1, 2}));
  t.columns.push_back(string_column("id", {"r1", "r2", "r3", "r4"}));
  return t;
}

FeatureOptions options() {
  return {.group_column = "Region",
          .target_column = "IBD",
          .id_column = "id",
          .weight_column = "w",
          .features = {},
          .drop = {},
          .categorical = {},
          .max_categories = 1024};
}

TEST(FeatureMatrix, EveryOtherColumnIsAFeatureTextIsCategoricalWithSortedCodes) {
  const FeatureSelection s = select_features(example(), options());
  ASSERT_EQ(s.features.size(), 2u) << "group, target, id and weight are not features";
  EXPECT_EQ(s.features[0].name, "site");
  EXPECT_TRUE(s.features[0].categorical);
  EXPECT_EQ(s.features[0].categories, (std::vector<std::string>{"east", "north"}));
  EXPECT_EQ(s.features[1].name, "depth");
  EXPECT_FALSE(s.features[1].categorical);

  const FeatureMatrix m = encode_features(example(), s.features);
  ASSERT_EQ(m.rows, 4u);
  ASSERT_EQ(m.cols, 2u);
  EXPECT_EQ(m.values[0 * 2 + 0], 1.0f);  // north
  EXPECT_EQ(m.values[1 * 2 + 0], 0.0f);  // east
  EXPECT_TRUE(std::isnan(m.values[2 * 2 + 0]));
  EXPECT_EQ(m.values[0 * 2 + 1], 1.5f);
  EXPECT_TRUE(std::isnan(m.values[1 * 2 + 1]));
}

TEST(FeatureMatrix, PredictReproducesCodesAndUnseenCategoryIsMissing) {
  const FeatureSelection s = select_features(example(), options());
  Table later;  // a new file: other row order, a category training never saw
  later.columns.push_back(string_column("Region", {"b", "a"}));
  later.columns.push_back(string_column("site", {"south", "north"}));
  later.columns.push_back(double_column("depth", {7, 8}));
  const FeatureMatrix m = encode_features(later, s.features);
  EXPECT_TRUE(std::isnan(m.values[0])) << "south was never seen";
  EXPECT_EQ(m.values[2], 1.0f) << "north keeps training's code";
}

TEST(FeatureMatrix, NumericFeatureHoldingTextAtPredictTimeIsAnError) {
  const FeatureSelection s = select_features(example(), options());
  Table later;
  later.columns.push_back(string_column("site", {"north"}));
  later.columns.push_back(string_column("depth", {"deep"}));
  EXPECT_THROW(encode_features(later, s.features), InputError);
}

TEST(FeatureMatrix, TooManyCategoriesDropsTheColumnWithAWarning) {
  FeatureOptions o = options();
  o.max_categories = 1;
  const FeatureSelection s = select_features(example(), o);
  ASSERT_EQ(s.features.size(), 1u);
  EXPECT_EQ(s.features[0].name, "depth");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("dropped text column 'site'"), std::string::npos);
}

TEST(FeatureMatrix, NamedColumnsMustExistAndCannotBeReserved) {
  FeatureOptions o = options();
  o.features = {"weight"};
  EXPECT_THROW(select_features(example(), o), InputError);
  o.features = {"w"};
  EXPECT_THROW(select_features(example(), o), InputError) << "the weight is not a feature";
  o.features = {"depth"};
  EXPECT_EQ(select_features(example(), o).features.size(), 1u);
}

// --categorical: numeric codes (schools, teachers) as categories, by their text form.
TEST(FeatureMatrix, ForcedCategoricalNumbersKeepTheirTextForm) {
  Table t = example();
  t.columns.push_back(int_column("school", {12, 9, std::nullopt, 12}));
  FeatureOptions o = options();
  o.categorical = {"school"};
  const FeatureSelection s = select_features(t, o);
  ASSERT_EQ(s.features.size(), 3u);
  EXPECT_EQ(s.features[2].name, "school");
  EXPECT_TRUE(s.features[2].categorical);
  EXPECT_EQ(s.features[2].categories, (std::vector<std::string>{"12", "9"}));
  const FeatureMatrix m = encode_features(t, s.features);
  EXPECT_EQ(m.values[0 * 3 + 2], 0.0f);
  EXPECT_EQ(m.values[1 * 3 + 2], 1.0f);
  EXPECT_TRUE(std::isnan(m.values[2 * 3 + 2]));
  o.categorical = {"nope"};
  EXPECT_THROW(select_features(t, o), InputError);
}

}  // namespace
}  // namespace groupfit

namespace groupfit {
namespace {

// A date column and its calendar parts (--date-parts): the parts are features after the date
// itself, named "<column>.<part>", and encode UTC calendar values.
TEST(FeatureMatrix, DatePartsAreYearMonthDayOfWeekAndHourOfEachDate) {
  Table t = example();
  Column when = double_column("when", {0, 0, 0, NAN});
  when.type = ColumnType::Date;
  when.doubles = {1709296200.0, 0.0, 1709337599.0, 0.0};  // 2024-03-01 12:30, 1970-01-01, 23:59:59
  t.columns.push_back(when);
  FeatureOptions o = options();
  o.date_parts = true;
  const FeatureSelection s = select_features(t, o);
  std::vector<std::string> names;
  for (const FeatureSpec& f : s.features) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"site", "depth", "when", "when.year", "when.month",
                                             "when.day_of_week", "when.hour"}));
  const FeatureMatrix m = encode_features(t, s.features);
  const auto at = [&](std::size_t row, std::size_t col) { return m.values[row * m.cols + col]; };
  EXPECT_EQ(at(0, 3), 2024.0f);
  EXPECT_EQ(at(0, 4), 3.0f);
  EXPECT_EQ(at(0, 5), 4.0f) << "a Friday; Monday is 0";
  EXPECT_EQ(at(0, 6), 12.0f);
  EXPECT_EQ(at(1, 3), 1970.0f);
  EXPECT_EQ(at(1, 5), 3.0f) << "1970-01-01 was a Thursday";
  EXPECT_EQ(at(2, 6), 23.0f);
  EXPECT_TRUE(std::isnan(at(3, 3))) << "a missing date has missing parts";

  o.date_parts = false;
  EXPECT_EQ(select_features(t, o).features.size(), 3u) << "parts only when asked for";
}

TEST(FeatureMatrix, DatePartsThatWouldShadowAColumnAreRefused) {
  Table t = example();
  Column when = double_column("when", {1, 2, 3, 4});
  when.type = ColumnType::Date;
  t.columns.push_back(when);
  t.columns.push_back(double_column("when.month", {1, 2, 3, 4}));
  FeatureOptions o = options();
  o.date_parts = true;
  EXPECT_THROW(select_features(t, o), InputError);
}

}  // namespace
}  // namespace groupfit
