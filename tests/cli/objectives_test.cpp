// Every supported objective end to end (issue 10): training succeeds, metrics.csv has the
// objective's metric columns, and each metric agrees with the xgboost Python package's
// computation on the same split and model files (bench/reference/check_models.py), with and
// without sample weights; `predict` reproduces predictions.csv, class columns included.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "base/split_mix.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

enum class Target { Positive, Binary, Classes };

struct ObjectiveCase {
  std::string name;
  std::string param;  // name=value
  Target target;
  bool weighted;
  std::string metric_columns;  // as in metrics.csv's header
};

// 6 groups of 150 rows; every 10th row unlabeled; x numeric, kind categorical, w a weight.
std::string objective_csv(Target target) {
  SplitMix64 rng(7);
  std::string csv = "Region,IBD,x,kind,w,id\n";
  for (int g = 0; g < 6; ++g) {
    for (int r = 0; r < 150; ++r) {
      const double x = static_cast<double>(rng.next() % 1000) / 100.0;
      const int kind = static_cast<int>(rng.next() % 3);
      const double noise = static_cast<double>(rng.next() % 1000) / 1000.0;
      const double w = 0.5 + static_cast<double>(rng.next() % 100) / 66.0;
      std::string y;
      if (r % 10 != 0) {
        const double signal = x + kind + g * 0.3 + 2 * noise;
        switch (target) {
          case Target::Positive:
            y = std::to_string(0.5 + signal * signal / 10);
            break;
          case Target::Binary:
            y = signal > 7 ? "yes" : "no";
            break;
          case Target::Classes:
            y = signal < 5 ? "blue" : signal < 9 ? "green" : "red";
            break;
        }
      }
      csv += "g" + std::to_string(g) + "," + y + "," + std::to_string(x) + "," + "abc"[kind] + "," +
             std::to_string(w) + ",r" + std::to_string(g * 150 + r) + "\n";
    }
  }
  return csv;
}

// id -> the rest of the line, for lines after the header.
std::map<std::string, std::string> by_id(const std::string& text) {
  std::map<std::string, std::string> lines;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) lines[line.substr(0, line.find(','))] = line;
  return lines;
}

class Objectives : public ::testing::TestWithParam<ObjectiveCase> {};

TEST_P(Objectives, MetricsAgreeWithXGBoostPythonAndPredictReproduces) {
  const ObjectiveCase& c = GetParam();
  const auto dir = fresh_dir("objective-" + c.name);
  write_text(dir / "data.csv", objective_csv(c.target));
  std::vector<std::string> args = {"train",    (dir / "data.csv").string(),
                                   "--group",  "Region",
                                   "--target", "IBD",
                                   "--id",     "id",
                                   "--out",    (dir / "out").string(),
                                   "--param",  c.param,
                                   "--param",  "iterations=60",
                                   "--param",  "learning_rate=0.2",
                                   "--quiet"};
  if (c.weighted) args.insert(args.end(), {"--weight", "w"});
  const ProgramResult r = run_groupfit(args, dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string metrics = read_file(dir / "out" / "metrics.csv");
  EXPECT_EQ(metrics.substr(0, metrics.find('\n')),
            "group,rows,train_rows,valid_rows,unlabeled_rows,best_iteration," + c.metric_columns +
                ",train_seconds,status,message,warning");
  EXPECT_EQ(std::count(metrics.begin(), metrics.end(), '\n'), 7) << metrics;
  EXPECT_EQ(metrics.find("failed"), std::string::npos) << metrics;

  const std::string command =
      "/usr/bin/python3 " +
      shell_quote(std::string(GROUPFIT_SOURCE_DIR) + "/bench/reference/check_models.py") + " " +
      shell_quote((dir / "data.csv").string()) + " --group Region --target IBD --out " +
      shell_quote((dir / "out").string()) + (c.weighted ? " --weight w" : "") + " > " +
      shell_quote((dir / "check.txt").string()) + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << read_file(dir / "check.txt");

  // predict on the training file gives the same cells for the rows predictions.csv holds.
  const ProgramResult p =
      run_groupfit({"predict", (dir / "data.csv").string(), "--models",
                    (dir / "out" / "models").string(), "--out", (dir / "pred.csv").string()},
                   dir);
  ASSERT_EQ(p.status, 0) << p.err;
  const std::string trained = read_file(dir / "out" / "predictions.csv");
  const std::string predicted = read_file(dir / "pred.csv");
  EXPECT_EQ(trained.substr(0, trained.find('\n')), predicted.substr(0, predicted.find('\n')));
  const auto predicted_rows = by_id(predicted);
  const auto trained_rows = by_id(trained);
  EXPECT_EQ(trained_rows.size(), 6u * 15u);
  for (const auto& [id, line] : trained_rows) EXPECT_EQ(predicted_rows.at(id), line);
  std::filesystem::remove_all(dir);
}

const char* kRegression = "rmse,mae,r2";

INSTANTIATE_TEST_SUITE_P(
    All, Objectives,
    ::testing::Values(
        ObjectiveCase{"squarederror", "objective=reg:squarederror", Target::Positive, false,
                      kRegression},
        ObjectiveCase{"squarederror_weighted", "loss_function=RMSE", Target::Positive, true,
                      kRegression},
        ObjectiveCase{"squaredlogerror", "objective=reg:squaredlogerror", Target::Positive, false,
                      kRegression},
        ObjectiveCase{"pseudohuber", "loss_function=Huber:delta=2", Target::Positive, false,
                      kRegression},
        ObjectiveCase{"absoluteerror", "loss_function=MAE", Target::Positive, true, kRegression},
        ObjectiveCase{"gamma", "objective=reg:gamma", Target::Positive, false, kRegression},
        ObjectiveCase{"tweedie", "loss_function=Tweedie:variance_power=1.3", Target::Positive,
                      false, kRegression},
        ObjectiveCase{"poisson", "loss_function=Poisson", Target::Positive, true, kRegression},
        ObjectiveCase{"logistic", "objective=binary:logistic", Target::Binary, false,
                      "logloss,auc,accuracy"},
        ObjectiveCase{"logloss_weighted", "loss_function=Logloss", Target::Binary, true,
                      "logloss,auc,accuracy"},
        ObjectiveCase{"multiclass", "loss_function=MultiClass", Target::Classes, false,
                      "mlogloss,accuracy"},
        ObjectiveCase{"softmax_weighted", "objective=multi:softmax", Target::Classes, true,
                      "mlogloss,accuracy"}),
    [](const auto& info) { return info.param.name; });

// Multi-class predictions carry the most probable class and one probability per class, the
// classes being the whole table's target values, sorted.
TEST(ObjectiveOutputs, MultiClassPredictionColumns) {
  const auto dir = fresh_dir("multiclass-columns");
  write_text(dir / "data.csv", objective_csv(Target::Classes));
  const ProgramResult r =
      run_groupfit({"train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
                    "--id", "id", "--out", (dir / "out").string(), "--param",
                    "objective=multi:softprob", "--param", "iterations=30", "--quiet"},
                   dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string predictions = read_file(dir / "out" / "predictions.csv");
  EXPECT_EQ(predictions.substr(0, predictions.find('\n')),
            "id,group,prediction,probability_blue,probability_green,probability_red");
  const std::string run_json = read_file(dir / "out" / "run.json");
  EXPECT_NE(run_json.find(R"("classes": [)"), std::string::npos);
  EXPECT_NE(run_json.find(R"("num_class": "3")"), std::string::npos) << run_json;
  std::filesystem::remove_all(dir);
}

// The executors change only the speed, for classification and weights too: metrics.csv (but for
// its timing column), predictions.csv and every model are byte-identical to the sequential run's.
TEST(ObjectiveOutputs, ExecutorsGiveTheSameBytesForWeightedMultiClass) {
  const auto dir = fresh_dir("multiclass-executors");
  write_text(dir / "data.csv", objective_csv(Target::Classes));
  auto train = [&](const std::string& executor, const std::string& workers,
                   const std::string& threads) {
    const std::string out = (dir / (executor + workers + threads)).string();
    const ProgramResult r = run_groupfit({"train",
                                          (dir / "data.csv").string(),
                                          "--group",
                                          "Region",
                                          "--target",
                                          "IBD",
                                          "--id",
                                          "id",
                                          "--weight",
                                          "w",
                                          "--out",
                                          out,
                                          "--param",
                                          "objective=multi:softprob",
                                          "--param",
                                          "iterations=40",
                                          "--executor",
                                          executor,
                                          "--workers",
                                          workers,
                                          "--threads-per-model",
                                          threads,
                                          "--quiet"},
                                         dir);
    EXPECT_EQ(r.status, 0) << executor << ": " << r.err;
    return std::filesystem::path(out);
  };
  const auto seq = train("sequential", "1", "1");
  for (const auto& out : {train("sequential", "1", "2"), train("threads", "2", "1"),
                          train("processes", "2", "1"), train("auto", "0", "0")}) {
    EXPECT_EQ(metrics_without_timing(out / "metrics.csv"),
              metrics_without_timing(seq / "metrics.csv"))
        << out;
    EXPECT_EQ(read_file(out / "predictions.csv"), read_file(seq / "predictions.csv")) << out;
    EXPECT_EQ(folder_files(out / "models"), folder_files(seq / "models")) << out;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
