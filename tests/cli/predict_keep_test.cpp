// `predict --keep` / `--keep-all` (input columns copied into the output, in the input's order),
// the one warning for category values no model saw, and the row numbering both outputs share:
// without --id, `row` is the data row counted from 1, the first row after the header being 1.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// 120 rows in sites A, B, C; every 10th has no target; row 20's note holds a comma.
std::string table_text(const std::string& kind_of_row_7 = "k2") {
  std::string text = "site,kind,x,y,note\n";
  const char* kinds[] = {"k1", "k2", "k3"};
  for (int i = 1; i <= 120; ++i) {
    const std::string kind = i == 7 ? kind_of_row_7 : kinds[(i / 3) % 3];
    const double x = i % 17 * 0.5;
    text += std::string(1, "ABC"[i % 3]) + "," + kind + "," + std::to_string(x) + ",";
    if (i % 10 != 0) text += std::to_string(2 * x + (kind == "k2" ? 5 : 0));
    text += i == 20 ? ",\"hello, world\"\n" : ",n" + std::to_string(i) + "\n";
  }
  return text;
}

class PredictKeep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("predict-keep");
    write_text(dir_ / "data.csv", table_text());
    train_ = run_groupfit(
        {"train", (dir_ / "data.csv").string(), "--group", "site", "--target", "y", "--drop",
         "note", "--out", (dir_ / "out").string(), "--param", "iterations=20", "--quiet"},
        dir_);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static ProgramResult predict(const std::string& input, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"predict",  (dir_ / input).string(),
                                     "--models", (dir_ / "out" / "models").string(),
                                     "--out",    (dir_ / "scored.csv").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_groupfit(args, dir_);
  }

  static inline std::filesystem::path dir_;
  static inline ProgramResult train_;
};

// train's predictions.csv and predict's output number rows alike, as messages do ("data row
// N"): row 10 is the 10th row after the header, on line 11 of this file.
TEST_F(PredictKeep, RowNumbersCountDataRowsFromOne) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const auto trained = lines_of(read_file(dir_ / "out" / "predictions.csv"));
  ASSERT_EQ(trained.at(0), "row,group,prediction");
  std::set<int> rows;
  for (std::size_t i = 1; i < trained.size(); ++i) rows.insert(std::stoi(trained[i]));
  EXPECT_EQ(rows, (std::set<int>{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120}));

  const ProgramResult r = predict("data.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto scored = lines_of(read_file(dir_ / "scored.csv"));
  ASSERT_EQ(scored.size(), 121u);
  EXPECT_EQ(scored[0], "row,group,prediction");
  EXPECT_EQ(scored[1].substr(0, 4), "1,B,");
  for (std::size_t i = 1; i < trained.size(); ++i) {
    EXPECT_EQ(scored.at(std::stoul(trained[i])), trained[i]);  // the same row, the same values
  }
}

TEST_F(PredictKeep, KeepCopiesColumnsInInputOrder) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const ProgramResult r = predict("data.csv", {"--keep", "note,x"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto scored = lines_of(read_file(dir_ / "scored.csv"));
  ASSERT_EQ(scored.size(), 121u);
  EXPECT_EQ(scored[0], "row,group,x,note,prediction");
  EXPECT_TRUE(scored[5].starts_with("5,C,2.5,n5,")) << scored[5];
  EXPECT_TRUE(scored[20].starts_with("20,C,1.5,\"hello, world\",")) << scored[20];
}

TEST_F(PredictKeep, KeepAllCopiesEveryColumnButGroupAndId) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const ProgramResult r = predict("data.csv", {"--keep-all"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto scored = lines_of(read_file(dir_ / "scored.csv"));
  EXPECT_EQ(scored.at(0), "row,group,kind,x,y,note,prediction");
  EXPECT_TRUE(scored.at(10).starts_with("10,B,k1,5,,n10,")) << scored.at(10);
}

TEST_F(PredictKeep, BadKeepIsRefused) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const ProgramResult missing = predict("data.csv", {"--keep", "nte"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("'nte'"), std::string::npos) << missing.err;
  const ProgramResult both = predict("data.csv", {"--keep", "x", "--keep-all"});
  EXPECT_EQ(both.status, 2) << both.err;
  // An input holding an earlier output's column: two `prediction` columns would not read back.
  std::string text;
  for (const std::string& line : lines_of(table_text())) {
    text += line + (text.empty() ? ",prediction\n" : ",1\n");
  }
  write_text(dir_ / "rescored.csv", text);
  const ProgramResult clash = predict("rescored.csv", {"--keep-all"});
  EXPECT_EQ(clash.status, 2) << clash.err;
  EXPECT_EQ(clash.err,
            "groupfit: error: --keep-all: input column 'prediction' has the name of an output "
            "column (row, group, prediction); keep the other columns with --keep\n");
  EXPECT_EQ(predict("rescored.csv", {"--keep", "x"}).status, 0);
}

// A category no model saw is scored as missing: said once, counted per column.
TEST_F(PredictKeep, UnseenCategoriesAreCountedInOneWarning) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  std::string text = table_text("new2");
  for (const char* row : {"\nA,k1,", "\nB,k3,"}) {
    const std::size_t at = text.find(row);
    text.replace(at + 3, 2, "new1");
  }
  write_text(dir_ / "unseen.csv", text);
  const ProgramResult r = predict("unseen.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err,
            "groupfit: warning: categories not seen in training are scored as missing: column "
            "'kind' in 3 rows (2 values: 'new1', 'new2')\n");
  EXPECT_EQ(read_file(dir_ / "scored.csv").find(",\n"), std::string::npos) << "all scored";
  const ProgramResult seen = predict("data.csv");
  EXPECT_EQ(seen.err, "");
}

}  // namespace
}  // namespace groupfit
