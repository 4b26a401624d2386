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
  // CatBoost's min_data_in_leaf 32 does nothing on its default symmetric trees: no
  // min_child_weight, so a 25-row group can split.
  EXPECT_EQ(p.booster.count("min_child_weight"), 0u);
  EXPECT_EQ(p.booster.count("base_score"), 0u) << "each group starts from its own constant";
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
  EXPECT_EQ(p.booster.count("min_child_weight"), 0u);
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_NE(p.notes[0].find("min_data_in_leaf=8' has no effect"), std::string::npos) << p.notes[0];
  EXPECT_EQ(p.threads_per_model, 2);
  EXPECT_EQ(p.booster.at("seed"), "7");
  EXPECT_EQ(p.early_stopping_rounds, 20);
  EXPECT_EQ(p.booster.at("objective"), "reg:absoluteerror");
  validate_params(p);
  EXPECT_EQ(p.booster.at("eval_metric"), "mae") << "the objective's metric unless one is given";
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
  EXPECT_THROW(apply_param(p, "loss_function", "Quantile:alpha=0.5"), InputError);
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

// The message of apply_param(name, value), or "" when it is accepted.
std::string refusal(const std::string& name, const std::string& value) {
  ModelParams p;
  try {
    apply_param(p, name, value);
    validate_params(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ParamChecks, BadValuesNameTheParameterValueAndWhatIsAccepted) {
  EXPECT_EQ(refusal("max_depth", "abc"),
            "parameter 'max_depth': expected an integer in [0, 64], got 'abc'");
  EXPECT_EQ(refusal("eta", "-1"), "parameter 'eta': expected a finite number > 0, got '-1'");
  EXPECT_EQ(refusal("learning_rate", "nan"),
            "parameter 'learning_rate': expected a finite number > 0, got 'nan'");
  EXPECT_EQ(refusal("subsample", "5"),
            "parameter 'subsample': expected a finite number in (0, 1], got '5'");
  EXPECT_EQ(refusal("lambda", "inf"),
            "parameter 'lambda': expected a finite number >= 0, got 'inf'");
  EXPECT_EQ(refusal("grow_policy", "wide"),
            "parameter 'grow_policy': expected one of depthwise,lossguide, got 'wide'");
  EXPECT_NE(refusal("objective", "reg:bogus").find("'reg:bogus' is not supported"),
            std::string::npos);
  EXPECT_NE(refusal("objective", "reg:quantileerror").find("needs XGBoost 2.0"), std::string::npos);
  EXPECT_NE(refusal("quantile_alpha", "0.5").find("needs XGBoost 2.0"), std::string::npos);
  EXPECT_NE(refusal("num_class", "3").find("target's distinct values"), std::string::npos);
  EXPECT_NE(refusal("max_depth", "0").find("lossguide"), std::string::npos);
  EXPECT_NE(refusal("monotone_constraints", "(1,2)").find("-1, 0 and 1"), std::string::npos);
  EXPECT_EQ(refusal("monotone_constraints", "(1,0,-1)"), "");
  EXPECT_EQ(refusal("tweedie_variance_power", "2"),
            "parameter 'tweedie_variance_power': expected a finite number in [1, 2), got '2'");
}

TEST(ParamChecks, ObjectiveAndMetricMustAgree) {
  ModelParams p;
  apply_param(p, "objective", "binary:logistic");
  apply_param(p, "eval_metric", "rmse");
  EXPECT_THROW(validate_params(p), InputError);
  ModelParams q;
  apply_param(q, "objective", "binary:logistic");
  validate_params(q);
  EXPECT_EQ(q.booster.at("eval_metric"), "logloss");
  ModelParams t;
  apply_param(t, "loss_function", "Tweedie:variance_power=1.2");
  validate_params(t);
  EXPECT_EQ(t.booster.at("objective"), "reg:tweedie");
  EXPECT_EQ(t.booster.at("eval_metric"), "tweedie-nloglik@1.2");
}

TEST(ParamChecks, TwoSpellingsThatDisagreeAreRefusedInEitherOrder) {
  ModelParams p;
  apply_param(p, "loss_function", "RMSE");
  EXPECT_THROW(apply_param(p, "objective", "binary:logistic"), InputError);
  ModelParams q;
  apply_param(q, "objective", "binary:logistic");
  try {
    apply_param(q, "loss_function", "RMSE");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "parameters 'objective=binary:logistic' and 'loss_function=RMSE' disagree (both set "
              "objective): give one of them");
  }
  ModelParams r;  // agreeing spellings, and the same name given twice (a file, then a flag)
  apply_param(r, "loss_function", "Logloss");
  apply_param(r, "objective", "binary:logistic");
  apply_param(r, "eta", "0.1");
  apply_param(r, "eta", "0.2");
  EXPECT_EQ(r.booster.at("eta"), "0.2");
}

TEST(ParamChecks, CatBoostLossesAndSoftmaxAreMapped) {
  ModelParams p;
  apply_param(p, "objective", "multi:softmax");
  EXPECT_EQ(p.booster.at("objective"), "multi:softprob") << "so predictions carry probabilities";
  ModelParams q;
  apply_param(q, "loss_function", "Poisson");
  EXPECT_EQ(q.booster.at("objective"), "count:poisson");
  ModelParams r;
  apply_param(r, "loss_function", "MultiClass");
  EXPECT_EQ(r.booster.at("objective"), "multi:softprob");
  ModelParams b;
  apply_param(b, "objective", "binary:logistic");
  apply_param(b, "base_score", "2");
  EXPECT_THROW(validate_params(b), InputError) << "a probability is needed";
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
