// CatBoost and XGBoost parameter names map onto ModelParams; unknown names are errors.
#include <gtest/gtest.h>

#include <fstream>

#include "groupfit/error.hpp"
#include "groupfit/model_params.hpp"

namespace groupfit {
namespace {

TEST(ParamNames, DefaultsAreTheReferenceWorkload) {
  ModelParams p;
  EXPECT_EQ(p.rounds, 8000);
  EXPECT_EQ(p.early_stopping_rounds, 100);
  EXPECT_EQ(p.booster.at("max_depth"), "7");
  EXPECT_EQ(p.booster.at("eta"), "0.03");
  EXPECT_EQ(p.booster.at("lambda"), "10");
  EXPECT_EQ(p.booster.at("min_child_weight"), "32");
  EXPECT_EQ(p.booster.at("objective"), "reg:squarederror");
  EXPECT_EQ(p.booster.at("tree_method"), "hist");
}

TEST(ParamNames, CatBoostNamesAreMapped) {
  ModelParams p;
  apply_param(p, "depth", "5");
  apply_param(p, "learning_rate", "0.1");
  apply_param(p, "iterations", "300");
  apply_param(p, "l2_leaf_reg", "3");
  apply_param(p, "min_data_in_leaf", "8");
  apply_param(p, "thread_count", "2");
  apply_param(p, "random_seed", "7");
  apply_param(p, "od_wait", "20");
  apply_param(p, "loss_function", "MAE");
  EXPECT_EQ(p.booster.at("max_depth"), "5");
  EXPECT_EQ(p.booster.at("eta"), "0.1");
  EXPECT_EQ(p.rounds, 300);
  EXPECT_EQ(p.booster.at("lambda"), "3");
  EXPECT_EQ(p.booster.at("min_child_weight"), "8");
  EXPECT_EQ(p.threads_per_model, 2);
  EXPECT_EQ(p.booster.at("seed"), "7");
  EXPECT_EQ(p.early_stopping_rounds, 20);
  EXPECT_EQ(p.booster.at("objective"), "reg:absoluteerror");
  EXPECT_EQ(p.booster.at("eval_metric"), "mae");
  EXPECT_EQ(p.booster.count("depth"), 0u);
}

TEST(ParamNames, XGBoostNamesPassThrough) {
  ModelParams p;
  apply_param(p, "subsample", "0.8");
  apply_param(p, "max_depth", "3");
  apply_param(p, "nthread", "4");
  EXPECT_EQ(p.booster.at("subsample"), "0.8");
  EXPECT_EQ(p.booster.at("max_depth"), "3");
  EXPECT_EQ(p.threads_per_model, 4);
}

TEST(ParamNames, UnknownNameListsAcceptedNames) {
  ModelParams p;
  try {
    apply_param(p, "learning_rat", "0.1");
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("unknown parameter 'learning_rat'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("did you mean 'learning_rate'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("l2_leaf_reg"), std::string::npos) << msg;
    EXPECT_EQ(e.exit_code(), 2);
  }
}

TEST(ParamNames, BadValuesAreErrors) {
  ModelParams p;
  EXPECT_THROW(apply_param(p, "iterations", "many"), InputError);
  EXPECT_THROW(apply_param(p, "iterations", "0"), InputError);
  EXPECT_THROW(apply_param(p, "depth", "deep"), InputError);
  EXPECT_THROW(apply_param(p, "loss_function", "Poisson"), InputError);
  EXPECT_THROW(apply_param(p, "tree_method", "exact"), InputError);
}

TEST(ParamNames, ParamsFileIsAppliedAndRejectsNonJson) {
  const std::string path = testing::TempDir() + "params.json";
  std::ofstream(path) << R"({"depth": 4, "learning_rate": 0.05, "loss_function": "RMSE"})";
  ModelParams p;
  apply_params_file(p, path);
  EXPECT_EQ(p.booster.at("max_depth"), "4");
  EXPECT_EQ(p.booster.at("eta"), "0.05");
  std::ofstream(path) << "depth=4";
  EXPECT_THROW(apply_params_file(p, path), InputError);
}

// Found by fuzz/params_json_fuzzer.cpp: a number beyond a double's range made nlohmann throw
// out_of_range, which escaped as an internal error (exit 1) instead of bad input (exit 2).
TEST(ParamNames, ParamsFileNumberOutOfRangeIsInputError) {
  const std::string path = testing::TempDir() + "params_overflow.json";
  std::ofstream(path) << R"({"learning_rate": 4E352})";
  ModelParams p;
  try {
    apply_params_file(p, path);
    FAIL() << "accepted a number out of range";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("4E352"), std::string::npos) << e.what();
  }
  EXPECT_EQ(p.booster.at("eta"), "0.03") << "nothing applied from a file that is not valid";
}

}  // namespace
}  // namespace groupfit
