// End to end: gen -> train -> outputs -> predict, through the real program.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
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

class TrainPredict : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("train-predict");
    const ProgramResult gen = run_groupfit({"gen", "--rows", "6000", "--groups", "5", "--seed", "3",
                                            "--out", (dir_ / "data.csv").string()},
                                           dir_);
    ASSERT_EQ(gen.status, 0) << gen.err;
    train_ = run_groupfit(
        {"train", (dir_ / "data.csv").string(), "--group", "Region", "--target", "IBD", "--id",
         "SamplingOperations_code", "--out", (dir_ / "out").string(), "--param", "iterations=60",
         "--param", "learning_rate=0.3", "--min-rows", "30"},
        dir_);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static inline std::filesystem::path dir_;
  static inline ProgramResult train_;
};

TEST_F(TrainPredict, TrainSucceedsAndWritesEveryOutput) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  for (const char* f :
       {"metrics.csv", "predictions.csv", "run.json", "models/index.csv", "models/schema.json"}) {
    EXPECT_TRUE(std::filesystem::exists(dir_ / "out" / f)) << f;
  }
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "out")) {
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }
}

TEST_F(TrainPredict, MetricsListGroupsSortedWithMissingGroupFirst) {
  const auto lines = lines_of(read_file(dir_ / "out" / "metrics.csv"));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "group,rows,train_rows,valid_rows,unlabeled_rows,best_iteration,rmse,mae,r2,"
            "train_seconds,status,message,warning");
  EXPECT_EQ(lines[1].substr(0, 1), ",") << "the missing group comes first, with an empty name";
  std::vector<std::string> names;
  for (std::size_t i = 2; i < lines.size(); ++i)
    names.push_back(lines[i].substr(0, lines[i].find(',')));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(names.size(), 5u);
}

TEST_F(TrainPredict, RunJsonHasConfigVersionsAndGroups) {
  const auto doc = nlohmann::json::parse(read_file(dir_ / "out" / "run.json"));
  EXPECT_EQ(doc.at("config").at("group_column"), "Region");
  EXPECT_EQ(doc.at("config").at("rounds"), 60);
  EXPECT_EQ(doc.at("xgboost_version").get<std::string>().substr(0, 3), "1.7");
  EXPECT_GE(doc.at("cores").get<int>(), 1);
  EXPECT_EQ(doc.at("groups").size(), 6u);
  EXPECT_GT(doc.at("timings").at("wall_seconds").get<double>(), 0.0);
}

TEST_F(TrainPredict, PredictReproducesPredictionsCsv) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const ProgramResult r =
      run_groupfit({"predict", (dir_ / "data.csv").string(), "--models",
                    (dir_ / "out" / "models").string(), "--out", (dir_ / "scored.csv").string()},
                   dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> scored;  // id -> "group,prediction"
  for (const auto& line : lines_of(read_file(dir_ / "scored.csv"))) {
    scored[line.substr(0, line.find(','))] = line.substr(line.find(',') + 1);
  }
  const auto expected = lines_of(read_file(dir_ / "out" / "predictions.csv"));
  ASSERT_GT(expected.size(), 100u);
  std::size_t compared = 0;
  for (std::size_t i = 1; i < expected.size(); ++i) {
    const std::string id = expected[i].substr(0, expected[i].find(','));
    const std::string rest = expected[i].substr(expected[i].find(',') + 1);
    if (rest.back() == ',') continue;  // a skipped group: no model, no prediction
    ASSERT_EQ(scored.at(id), rest) << id;
    ++compared;
  }
  EXPECT_GT(compared, 100u);
}

// Like train, predict writes group and id values out, so it refuses text that is not UTF-8.
TEST_F(TrainPredict, PredictRefusesAGroupValueThatIsNotUtf8) {
  ASSERT_EQ(train_.status, 0) << train_.err;
  const auto lines = lines_of(read_file(dir_ / "data.csv"));
  std::string row = lines.at(1);
  const std::size_t from = row.find(',') + 1, to = row.find(',', from);
  row.replace(from, to - from, "Z\xfcrich");  // Latin-1 "Zürich"
  write_text(dir_ / "latin1.csv", lines.at(0) + "\n" + row + "\n");
  const ProgramResult r = run_groupfit(
      {"predict", (dir_ / "latin1.csv").string(), "--models", (dir_ / "out" / "models").string(),
       "--out", (dir_ / "latin1-scored.csv").string()},
      dir_);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(":2: column 'Region' holds text that is not UTF-8"), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "latin1-scored.csv"));
}

TEST_F(TrainPredict, InspectShowsRolesAndGroups) {
  const ProgramResult r =
      run_groupfit({"inspect", (dir_ / "data.csv").string(), "--group", "Region", "--target", "IBD",
                    "--id", "SamplingOperations_code"},
                   dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("6000 rows"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("categorical feature"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(missing)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace groupfit
