// --fallback global end to end: skipped and failed groups get the pooled model's predictions and
// metrics (status `fallback`, the reason kept), the same bytes whatever the executor, and predict
// uses the pooled model for groups without a model of their own, unseen groups included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/messy_table.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

class Fallback : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("fallback");
    write_text(dir_ / "data.csv", messy_table());
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static std::vector<std::string> args(const std::string& executor, const std::string& out,
                                       const std::string& fallback) {
    return {"train",      (dir_ / "data.csv").string(),
            "--group",    "site",
            "--target",   "y",
            "--id",       "id",
            "--out",      (dir_ / out).string(),
            "--param",    "iterations=60",
            "--param",    "learning_rate=0.3",
            "--min-rows", "30",  // `small` (about 23 labeled rows) is skipped
            "--executor", executor,
            "--fallback", fallback,
            "--quiet"};
  }

  // metrics.csv's line of `group` (the first cell), or "".
  static std::string line_of(const std::string& out, const std::string& group) {
    std::istringstream in(read_file(dir_ / out / "metrics.csv"));
    for (std::string line; std::getline(in, line);) {
      if (line.substr(0, line.find(',')) == group) return line;
    }
    return "";
  }

  static inline std::filesystem::path dir_;
};

// The predictions.csv lines of `group`.
std::vector<std::string> predictions_of(const std::filesystem::path& file,
                                        const std::string& group) {
  std::vector<std::string> lines;
  std::istringstream in(read_file(file));
  for (std::string line; std::getline(in, line);) {
    const std::size_t comma = line.find(',');
    if (line.substr(comma + 1, line.find(',', comma + 1) - comma - 1) == group) {
      lines.push_back(line);
    }
  }
  return lines;
}

TEST_F(Fallback, SkippedGroupsArePredictedAndScoredByThePooledModel) {
  ASSERT_EQ(run_groupfit(args("sequential", "none", "none"), dir_).status, 0);
  const ProgramResult r = run_groupfit(args("sequential", "global", "global"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  // Without the fallback, `small` is skipped and its unlabeled rows get nothing.
  EXPECT_NE(line_of("none", "small").find(",skipped,"), std::string::npos);
  for (const std::string& line : predictions_of(dir_ / "none" / "predictions.csv", "small")) {
    EXPECT_EQ(line.back(), ',') << line;
  }
  const std::string small = line_of("global", "small");
  EXPECT_NE(small.find(",fallback,\"skipped: "), std::string::npos) << small;
  EXPECT_EQ(small.find(",,,,"), std::string::npos) << small;  // rmse, mae, r2 are there
  const auto predicted = predictions_of(dir_ / "global" / "predictions.csv", "small");
  ASSERT_FALSE(predicted.empty());
  for (const std::string& line : predicted) EXPECT_NE(line.back(), ',') << line;
  // The groups with their own model are untouched by the pooled one.
  EXPECT_EQ(line_of("global", "big").substr(0, 60), line_of("none", "big").substr(0, 60));
  EXPECT_EQ(predictions_of(dir_ / "global" / "predictions.csv", "big"),
            predictions_of(dir_ / "none" / "predictions.csv", "big"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "global" / "models" / "fallback.json"));
  const auto schema = nlohmann::json::parse(read_file(dir_ / "global" / "models" / "schema.json"));
  EXPECT_EQ(schema.at("fallback").at("file"), "fallback.json");
  EXPECT_EQ(schema.at("fallback").at("groups").size(), 4u);  // "", big, pair, small
}

TEST_F(Fallback, AFailedGroupFallsBackAndTheRunStillSaysItFailed) {
  const std::vector<std::string> a = args("processes", "failed", "global");
  const ProgramResult r = run_shell("GROUPFIT_TEST_FAULT=crash:pair " + groupfit_command(a), dir_);
  EXPECT_EQ(r.status, 3) << r.err;  // a group failed: exit 3, as without the fallback
  const std::string pair = line_of("failed", "pair");
  EXPECT_NE(pair.find(",fallback,failed: worker killed"), std::string::npos) << pair;
  for (const std::string& line : predictions_of(dir_ / "failed" / "predictions.csv", "pair")) {
    EXPECT_NE(line.back(), ',') << line;
  }
}

TEST_F(Fallback, SameBytesWhateverTheExecutor) {
  ASSERT_EQ(run_groupfit(args("sequential", "seq", "global"), dir_).status, 0);
  for (const std::string executor : {"threads", "processes"}) {
    SCOPED_TRACE(executor);
    ASSERT_EQ(run_groupfit(args(executor, executor, "global"), dir_).status, 0);
    EXPECT_EQ(metrics_without_timing(dir_ / executor / "metrics.csv"),
              metrics_without_timing(dir_ / "seq" / "metrics.csv"));
    EXPECT_EQ(read_file(dir_ / executor / "predictions.csv"),
              read_file(dir_ / "seq" / "predictions.csv"));
    EXPECT_EQ(folder_files(dir_ / executor / "models"), folder_files(dir_ / "seq" / "models"));
  }
}

TEST_F(Fallback, PredictUsesThePooledModelForGroupsWithoutOne) {
  ASSERT_EQ(run_groupfit(args("threads", "for-predict", "global"), dir_).status, 0);
  ASSERT_EQ(run_groupfit(args("threads", "no-pooled", "none"), dir_).status, 0);
  write_text(dir_ / "new.csv",
             "id,site,x,kind\nn1,big,1.5,a\nn2,small,2.5,b\nn3,never-seen,3.5,a\nn4,,4.5,b\n");
  for (const std::string models : {"for-predict", "no-pooled"}) {
    const ProgramResult p = run_groupfit(
        {"predict", (dir_ / "new.csv").string(), "--models", (dir_ / models / "models").string(),
         "--out", (dir_ / (models + ".csv")).string()},
        dir_);
    ASSERT_EQ(p.status, 0) << p.err;
  }
  const std::string pooled = read_file(dir_ / "for-predict.csv");
  const std::string plain = read_file(dir_ / "no-pooled.csv");
  // n1 has its group's own model either way; n2 (skipped in training) and n3 (never seen) only
  // get a prediction from the pooled model.
  const auto value_of = [](const std::string& csv, const std::string& id) {
    const std::size_t at = csv.find("\n" + id + ",");
    const std::string line = csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
    return line.substr(line.rfind(',') + 1);
  };
  EXPECT_EQ(value_of(pooled, "n1"), value_of(plain, "n1"));
  EXPECT_NE(value_of(pooled, "n2"), "");
  EXPECT_EQ(value_of(plain, "n2"), "");
  EXPECT_NE(value_of(pooled, "n3"), "");
  EXPECT_EQ(value_of(plain, "n3"), "");
}

TEST_F(Fallback, AnUnknownFallbackIsRefused) {
  const ProgramResult r = run_groupfit(args("sequential", "bad", "pooled"), dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--fallback must be none or global"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace groupfit
