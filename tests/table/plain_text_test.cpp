// Text columns whose values are nearly all distinct (ids) are kept as plain rows instead of a
// dictionary. The representation must never show: every consumer — reading notes, the UTF-8
// check, grouping, feature selection, the id check, inspect's distinct count — must give what it
// gives for the same values held in a dictionary, and the reader must give the same values on
// one thread as on several, whichever representation each slice chose.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "groupfit/error.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"
#include "plan/id_check.hpp"
#include "table/column_builder.hpp"
#include "table/csv_reader.hpp"
#include "table/text_repeats.hpp"
#include "table/utf8_values.hpp"

namespace groupfit {
namespace {

// The same values as `column` (a dictionary String column), as plain rows.
Column as_plain(const Column& column) {
  Column plain;
  plain.name = column.name;
  plain.type = ColumnType::String;
  plain.plain_text = true;
  plain.validity = column.validity;
  for (std::size_t r = 0; r < column.size(); ++r) {
    plain.text.push_back(column.is_valid(r) ? column.text_view(r) : std::string_view());
  }
  return plain;
}

// `rows` rows: a unique id, a column of 200 repeated values, and a number column with a stray
// "-" (unique numbers, so nearly all distinct too).
std::string table_text(std::size_t rows) {
  std::string s = "id,region,value\n";
  for (std::size_t r = 0; r < rows; ++r) {
    s += "ID-" + std::to_string(r * 7919 % 1000003) + ",r" + std::to_string(r % 200) + ",";
    s += r == rows / 2 ? "-" : std::to_string(r) + ".5";
    s += "\n";
  }
  return s;
}

void expect_same_values(const Column& a, const Column& b) {
  ASSERT_EQ(a.type, b.type);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t r = 0; r < a.size(); ++r) {
    ASSERT_EQ(a.is_valid(r), b.is_valid(r)) << "row " << r;
    ASSERT_EQ(a.text_at(r), b.text_at(r)) << "row " << r;
  }
}

TEST(PlainText, NearlyUniqueTextIsPlainRepeatedTextKeepsItsDictionary) {
  const std::string text = table_text(kPlainTextAfter * 2);
  const Table t = read_csv_text(text, {}, "t.csv");
  EXPECT_TRUE(t.column("id").plain_text);
  EXPECT_FALSE(t.column("region").plain_text);
  EXPECT_EQ(t.column("region").dictionary.size(), 200u);
  EXPECT_EQ(t.column("id").text_at(1), "ID-7919");
}

TEST(PlainText, SlicesOnSeveralThreadsGiveTheValuesOfOneThread) {
  // The first half repeats (a dictionary in its slice), the second half is unique (plain).
  std::string text = "key\n";
  const std::size_t half = kPlainTextAfter * 3;
  for (std::size_t r = 0; r < half; ++r) text += "k" + std::to_string(r % 50) + "\n";
  for (std::size_t r = 0; r < half; ++r) text += "u" + std::to_string(r) + "\n";
  CsvReadOptions one;
  one.min_chunk_bytes = text.size() + 1;
  CsvReadOptions several;
  several.threads = 4;
  several.min_chunk_bytes = 1 << 10;
  const Table a = read_csv_text(text, one, "t.csv");
  const Table b = read_csv_text(text, several, "t.csv");
  EXPECT_TRUE(b.column("key").plain_text);
  expect_same_values(a.column("key"), b.column("key"));
}

TEST(PlainText, ConsumersGiveWhatTheyGiveForADictionary) {
  CsvReadOptions options;
  options.min_chunk_bytes = std::size_t{1} << 40;  // one slice: dictionaries stay dictionaries
  std::string text = "id,g,x,y\n";
  for (int r = 0; r < 300; ++r) {
    text += (r == 250 ? "a7" : "a" + std::to_string(r)) + ",g" + std::to_string(r % 250) + "," +
            std::to_string(r % 3) + "," + std::to_string(r) + "\n";
  }
  const Table dict = read_csv_text(text, options, "t.csv");
  Table plain = dict;
  for (const char* name : {"id", "g"}) {
    Column& c = plain.columns[static_cast<std::size_t>(plain.find(name))];
    c = as_plain(c);
  }
  // The id check: same message, naming the first repeated value and its rows.
  const auto dict_warning = repeated_id_warning(dict.column("id"));
  ASSERT_TRUE(dict_warning.has_value());
  EXPECT_EQ(repeated_id_warning(plain.column("id")), dict_warning);
  EXPECT_EQ(count_text_repeats(plain.column("id")).distinct, 299u);
  // Grouping: the same groups, in the same order, with the same rows.
  const auto a = group_rows(dict.column("g"));
  const auto b = group_rows(plain.column("g"));
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key.text, b[i].key.text);
    EXPECT_EQ(a[i].rows, b[i].rows);
  }
  // Feature selection: the same categories when kept, the same warning when dropped.
  for (std::size_t max : {100, 1000}) {
    FeatureOptions f;
    f.group_column = "x";
    f.target_column = "id";
    f.max_categories = max;
    const FeatureSelection s = select_features(dict, f);
    const FeatureSelection t = select_features(plain, f);
    EXPECT_EQ(s.warnings, t.warnings);
    ASSERT_EQ(s.features.size(), t.features.size());
    for (std::size_t i = 0; i < s.features.size(); ++i) {
      EXPECT_EQ(s.features[i].categories, t.features[i].categories);
    }
    const FeatureMatrix m = encode_features(dict, s.features);
    const FeatureMatrix n = encode_features(plain, t.features);
    ASSERT_EQ(m.values.size(), n.values.size());
    for (std::size_t i = 0; i < m.values.size(); ++i) {
      ASSERT_EQ(std::isnan(m.values[i]), std::isnan(n.values[i]));
      if (!std::isnan(m.values[i])) {
        ASSERT_EQ(m.values[i], n.values[i]);
      }
    }
  }
}

TEST(PlainText, NumbersButForAStrayValueAreNotedAsWithADictionary) {
  const std::string text = table_text(kPlainTextAfter * 2);
  const Table t = read_csv_text(text, {}, "t.csv");
  ASSERT_TRUE(t.column("value").plain_text);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_NE(t.notes[0].find("column 'value' holds numbers but for 1 value ('-' first"),
            std::string::npos)
      << t.notes[0];
  EXPECT_NE(t.notes[0].find("--na-values - would read it as missing"), std::string::npos);
}

TEST(PlainText, NotUtf8IsFoundInPlainRows) {
  Column id;
  id.name = "id";
  id.type = ColumnType::String;
  id.plain_text = true;
  for (const char* v : {"a", "b", "c\xff", "d"}) {
    id.validity.push_back(true);
    id.text.push_back(v);
  }
  Table t;
  t.columns.push_back(id);
  try {
    require_utf8_values(t, {"id"}, "", ',');
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("byte 2 of the value"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace groupfit
