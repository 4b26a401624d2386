// Per-group tuning end to end, on a messy table: a large group, one with rows for 2 folds only,
// one too small to tune, a missing group value, missing targets, decimal values and a category.
// Whatever the executor, the same bytes; the final model is the one the chosen parameters train;
// bad search spaces are refused before anything is written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "cli/messy_table.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

class Tuning : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("tuning");
    write_text(dir_ / "data.csv", messy_table());
    const ProgramResult r = train("sequential", "seq", {});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static ProgramResult train(const std::string& executor, const std::string& out,
                             std::vector<std::string> extra,
                             std::vector<std::string> search = {"--search", "max_depth=2,4",
                                                                "--search",
                                                                "learning_rate=0.1,0.3"}) {
    std::vector<std::string> args = {"train",
                                     (dir_ / "data.csv").string(),
                                     "--group",
                                     "site",
                                     "--target",
                                     "y",
                                     "--id",
                                     "id",
                                     "--out",
                                     (dir_ / out).string(),
                                     "--param",
                                     "iterations=60",
                                     "--early-stopping-rounds",
                                     "10",
                                     "--executor",
                                     executor,
                                     "--quiet"};
    args.insert(args.end(), search.begin(), search.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return run_groupfit(args, dir_);
  }

  static inline std::filesystem::path dir_;
};

TEST_F(Tuning, SameBytesWhateverTheExecutor) {
  for (const std::string executor : {"threads", "processes", "auto"}) {
    SCOPED_TRACE(executor);
    const ProgramResult r = train(executor, executor, {"--workers", "2"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(metrics_without_timing(dir_ / executor / "metrics.csv"),
              metrics_without_timing(dir_ / "seq" / "metrics.csv"));
    EXPECT_EQ(read_file(dir_ / executor / "tuning.csv"), read_file(dir_ / "seq" / "tuning.csv"));
    EXPECT_EQ(read_file(dir_ / executor / "predictions.csv"),
              read_file(dir_ / "seq" / "predictions.csv"));
    EXPECT_EQ(folder_files(dir_ / executor / "models"), folder_files(dir_ / "seq" / "models"));
  }
  // Under auto the folds are planned from the calibration like groups, and the plan recorded.
  const auto plan = nlohmann::json::parse(read_file(dir_ / "auto" / "run.json"))
                        .at("plan")
                        .at("tuning")
                        .at("plan");
  EXPECT_GT(plan.at("expected_makespan_seconds").get<double>(), 0);
  // The bound and a makespan that reaches it are summed in different orders: allow rounding.
  EXPECT_LE(plan.at("lower_bound_seconds").get<double>(),
            plan.at("expected_makespan_seconds").get<double>() * (1 + 1e-9));
}

// metrics.csv's row of `group` as header -> value.
std::map<std::string, std::string> metrics_row(const std::filesystem::path& file,
                                               const std::string& group) {
  std::istringstream in(read_file(file));
  std::string header, line;
  std::getline(in, header);
  const auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::istringstream s(text);
    for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
    if (!text.empty() && text.back() == ',') cells.emplace_back();
    return cells;
  };
  const auto names = split(header);
  while (std::getline(in, line)) {
    const auto cells = split(line);
    if (cells.at(0) != group) continue;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < names.size() && i < cells.size(); ++i) row[names[i]] = cells[i];
    return row;
  }
  return {};
}

TEST_F(Tuning, EachGroupSaysWhatWasChosenOrWhyNot) {
  const auto big = metrics_row(dir_ / "seq" / "metrics.csv", "big");
  ASSERT_FALSE(big.empty());
  EXPECT_TRUE(big.at("max_depth") == "2" || big.at("max_depth") == "4");
  EXPECT_TRUE(big.at("learning_rate") == "0.1" || big.at("learning_rate") == "0.3");
  EXPECT_EQ(big.at("status"), "ok");
  const auto pair = metrics_row(dir_ / "seq" / "metrics.csv", "pair");
  EXPECT_NE(pair.at("warning").find("tuned on 2 folds instead of 3"), std::string::npos)
      << pair.at("warning");
  EXPECT_NE(pair.at("max_depth"), "");
  const auto small = metrics_row(dir_ / "seq" / "metrics.csv", "small");
  EXPECT_NE(small.at("warning").find("not tuned"), std::string::npos) << small.at("warning");
  EXPECT_EQ(small.at("max_depth"), "");  // the run's parameters
  EXPECT_EQ(small.at("status"), "ok");
  // tuning.csv: 4 candidates for each of the 3 tuned groups, one chosen each.
  const std::string tuning = read_file(dir_ / "seq" / "tuning.csv");
  EXPECT_EQ(std::count(tuning.begin(), tuning.end(), '\n'), 1 + 3 * 4);
  EXPECT_EQ(tuning.substr(0, tuning.find('\n')),
            "group,candidate,max_depth,learning_rate,folds,rmse_fold1,rmse_fold2,rmse_fold3,"
            "mean_rmse,best_iterations,chosen");
  std::size_t chosen = 0;
  for (std::size_t p = tuning.find(",true"); p != std::string::npos;
       p = tuning.find(",true", p + 1)) {
    ++chosen;
  }
  EXPECT_EQ(chosen, 3u);
  const auto run = nlohmann::json::parse(read_file(dir_ / "seq" / "run.json"));
  const auto& record = run.at("plan").at("tuning");
  EXPECT_EQ(record.at("cv"), 3);
  EXPECT_EQ(record.at("candidates").size(), 4u);
  EXPECT_EQ(record.at("space").at(0).at("name"), "max_depth");
}

TEST_F(Tuning, TheFinalModelIsTheChosenParametersModel) {
  const auto big = metrics_row(dir_ / "seq" / "metrics.csv", "big");
  const ProgramResult r = train("sequential", "fixed", {},
                                {"--param", "max_depth=" + big.at("max_depth"), "--param",
                                 "learning_rate=" + big.at("learning_rate")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(metrics_row(dir_ / "fixed" / "metrics.csv", "big").at("rmse"), big.at("rmse"));
  const auto tuned = folder_files(dir_ / "seq" / "models");
  const auto fixed = folder_files(dir_ / "fixed" / "models");
  std::size_t compared = 0;
  for (const auto& [name, bytes] : tuned) {
    if (name.find("big") == std::string::npos) continue;
    EXPECT_EQ(bytes, fixed.at(name)) << name;
    ++compared;
  }
  EXPECT_EQ(compared, 1u);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "fixed" / "tuning.csv"));  // nothing was tuned
}

TEST_F(Tuning, TrialsDrawFromTheGrid) {
  const ProgramResult r = train("threads", "trials", {"--search-trials", "2", "--seed", "3"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto run = nlohmann::json::parse(read_file(dir_ / "trials" / "run.json"));
  EXPECT_EQ(run.at("plan").at("tuning").at("candidates").size(), 2u);
  EXPECT_EQ(run.at("plan").at("tuning").at("trials"), 2);
}

TEST_F(Tuning, BadSearchesAreRefusedBeforeAnythingIsWritten) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--search", "max_depth=4,deep"}, "max_depth"},
      {{"--search", "iterations=10,20"}, "early stopping"},
      {{"--search", "max_depth=4", "--cv", "1"}, "--cv"},
      {{"--search-trials", "2"}, "search space"},
      {{"--search-file", "missing.json"}, "missing.json"},
  };
  for (const auto& [flags, expected] : cases) {
    const std::string out = "refused";
    const ProgramResult r = train("sequential", out, {}, flags);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // one line
    EXPECT_FALSE(std::filesystem::exists(dir_ / out / "metrics.csv"));
  }
}

}  // namespace
}  // namespace groupfit
