// Every user error of `groupfit train` is one line on stderr, exit status 2, and no output: the
// catalogue of bad inputs of issue 6 that fit in a small file, plus bad flags and parameters.
// Larger hostile inputs are in bad_csv_test.cpp, group values in bad_groups_test.cpp, outputs
// that cannot be written in bad_output_test.cpp.
#include <gtest/gtest.h>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

struct ErrorCase {
  std::string name;
  std::string csv;
  std::vector<std::string> extra_args;
  std::string expected;          // a part of the message
  std::string params_json = {};  // when not empty: written to params.json, passed as --params
};

class TrainErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TrainErrors, OneLineExitTwoNoOutput) {
  const ErrorCase& c = GetParam();
  const auto dir = fresh_dir("err-" + c.name);
  write_text(dir / "data.csv", c.csv);
  std::vector<std::string> args = {
      "train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
      "--out", (dir / "out").string()};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  if (!c.params_json.empty()) {
    write_text(dir / "params.json", c.params_json);
    args.push_back("--params");
    args.push_back((dir / "params.json").string());
  }
  const ProgramResult r = run_groupfit(args, dir);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out")) << "output left behind";
  std::filesystem::remove_all(dir);
}

const std::string kGood = "Region,IBD,x\na,1,2\na,2,3\n";

// A header one column past the limit (groupfit/limits.hpp: 65,536).
std::string too_wide_header() {
  std::string header = "Region,IBD";
  for (int c = 2; c <= 65'536; ++c) header.append(",c").append(std::to_string(c));
  return header + "\n";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TrainErrors,
    ::testing::Values(
        ErrorCase{"empty", "", {}, "empty file"},
        ErrorCase{"header_only", "Region,IBD,x\n", {}, "header only"},
        ErrorCase{"ragged", "Region,IBD,x\na,1,2\na,1,2,3\n", {}, ":3: expected 3 fields, found 4"},
        ErrorCase{"empty_name", "Region,,x\na,1,2\n", {}, "column 2 has an empty name"},
        ErrorCase{"too_many_columns", too_wide_header(), {}, ":1: more than 65536 fields"},
        ErrorCase{"unterminated_quote_at_end",
                  "Region,IBD,x\na,1,2\na,1,\"open",
                  {},
                  ":3: unterminated quoted field"},
        // The last line has no line break and too few fields: the file was cut short.
        ErrorCase{"cut_mid_row",
                  "Region,IBD,x\na,1,2\na,1",
                  {},
                  ":3: expected 3 fields, found 2 (the file ends in the middle of this row"},
        ErrorCase{"nul_byte",
                  std::string("Region,IBD,x\na,1,2\na,1") + '\0' + ",2\n",
                  {},
                  ":3: NUL byte in input"},
        ErrorCase{"utf8_header",
                  "Region,I\xff\xfe"
                  "D,x\na,1,2\n",
                  {},
                  "the name of column 2 is not valid UTF-8"},
        // Latin-1 "Zürich" in a group value: named by line and column, not written as it is
        // (src/table/utf8_values.hpp says why).
        ErrorCase{"utf8_group",
                  "Region,IBD,x\na,1,2\nZ\xfcrich,2,3\n",
                  {},
                  ":3: column 'Region' holds text that is not UTF-8 ('Z\\xFCrich', byte 2"},
        ErrorCase{"utf8_id",
                  "Region,IBD,x,id\na,1,2,r1\na,2,3,r\xe9\n",
                  {"--id", "id"},
                  ":3: column 'id' holds text that is not UTF-8"},
        // A multi-line field after a multi-line field: the line is the file's, not the row's.
        ErrorCase{"utf8_feature_line",
                  "Region,IBD,x\na,1,\"two\nlines\"\na,2,\"\xff\"\n",
                  {},
                  ":4: column 'x' holds text that is not UTF-8"},
        ErrorCase{"target_all_missing",
                  "Region,IBD,x\na,,2\nb,NA,3\n",
                  {},
                  "target column 'IBD' has no values"},
        ErrorCase{"duplicate", "Region,IBD,Region\na,1,2\n", {}, "duplicate column name 'Region'"},
        ErrorCase{
            "missing_group", "Regio,IBD,x\na,1,2\n", {}, "no column 'Region'; closest: 'Regio'"},
        ErrorCase{"missing_target", "Region,IBX,x\na,1,2\n", {}, "closest: 'IBX'"},
        ErrorCase{"text_target",
                  "Region,IBD,x\na,1,2\na,,3\na,high,4\n",
                  {},
                  ":4: target column 'IBD' is not numeric ('high'); for classes, use objective"},
        // A text target with a line break: the message quotes it and must stay one line.
        ErrorCase{"text_target_multiline",
                  "Region,IBD,x\na,1,2\na,\"hi\nthere\",3\n",
                  {},
                  ":3: target column 'IBD' is not numeric ('hi\\nthere')"},
        ErrorCase{"max_categories_past_limit",
                  kGood,
                  {"--max-categories", "16777217"},
                  "--max-categories must be at most 16777216"},
        ErrorCase{"params_not_json", kGood, {}, "params.json: not valid JSON", "depth: 3\n"},
        ErrorCase{"params_not_an_object", kGood, {}, "expected a JSON object", "[1, 2]"},
        ErrorCase{"unknown_param", kGood, {"--param", "depht=3"}, "unknown parameter 'depht'"},
        ErrorCase{"bad_param_syntax", kGood, {"--param", "depth"}, "name=value"},
        // Parameter values are checked before the input is read (issue 10).
        ErrorCase{"param_not_integer",
                  kGood,
                  {"--param", "max_depth=abc"},
                  "parameter 'max_depth': expected an integer in [0, 64], got 'abc'"},
        ErrorCase{"param_negative_eta",
                  kGood,
                  {"--param", "eta=-1"},
                  "parameter 'eta': expected a finite number > 0, got '-1'"},
        ErrorCase{"param_nan_learning_rate",
                  kGood,
                  {"--param", "learning_rate=nan"},
                  "parameter 'learning_rate': expected a finite number > 0, got 'nan'"},
        ErrorCase{"param_subsample_past_one",
                  kGood,
                  {"--param", "subsample=5"},
                  "parameter 'subsample': expected a finite number in (0, 1], got '5'"},
        ErrorCase{"param_unknown_objective",
                  kGood,
                  {"--param", "objective=reg:bogus"},
                  "parameter 'objective': 'reg:bogus' is not supported; supported: "
                  "reg:squarederror"},
        ErrorCase{"param_quantile_needs_xgboost2",
                  kGood,
                  {"--param", "objective=reg:quantileerror"},
                  "quantile regression needs XGBoost 2.0"},
        ErrorCase{"params_file_bad_value",
                  kGood,
                  {},
                  "parameter 'depth': expected an integer in [0, 64], got '-3'",
                  R"({"depth": -3})"},
        ErrorCase{"objective_and_loss_disagree",
                  kGood,
                  {"--param", "loss_function=RMSE", "--param", "objective=binary:logistic"},
                  "parameters 'loss_function=RMSE' and 'objective=binary:logistic' disagree"},
        // Infinite numbers are bad input, named by line and column; "nan" stays missing.
        ErrorCase{"inf_target",
                  "Region,IBD,x\na,1,2\na,nan,3\na,inf,3\n",
                  {},
                  ":4: target 'IBD' is inf: objective reg:squarederror needs a finite number"},
        ErrorCase{
            "inf_feature", "Region,IBD,x\na,1,2\na,2,-inf\n", {}, ":3: column 'x' holds -inf"},
        ErrorCase{"overflow_feature",
                  "Region,IBD,x\na,1,2.5\na,2,1e400\n",
                  {},
                  ":3: column 'x' holds inf: numbers must be finite"},
        ErrorCase{"target_outside_domain",
                  "Region,IBD,x\na,1,2\na,-2,3\n",
                  {"--param", "loss_function=Poisson"},
                  ":3: target 'IBD' is -2: objective count:poisson needs a number >= 0"},
        ErrorCase{"binary_with_three_classes",
                  "Region,IBD,x\na,0,2\na,1,3\na,2,3\n",
                  {"--param", "objective=binary:logistic"},
                  "objective binary:logistic needs a target with two distinct values; 'IBD' has "
                  "3: 0, 1, 2"},
        ErrorCase{"negative_weight",
                  "Region,IBD,x,w\na,1,2,1\na,2,3,-0.5\n",
                  {"--weight", "w"},
                  ":3: weight 'w' is '-0.5' on a row with a target"},
        ErrorCase{"missing_weight",
                  "Region,IBD,x,w\na,1,2,1\na,2,3,\n",
                  {"--weight", "w"},
                  ":3: weight 'w' is missing on a row with a target"},
        ErrorCase{"weight_is_target",
                  kGood,
                  {"--weight", "IBD"},
                  "--weight 'IBD' is also the group, target or id column"},
        // Flags checked before any work (issue 11): none of these may mean "no limit" silently.
        ErrorCase{"group_timeout_zero",
                  kGood,
                  {"--group-timeout", "0"},
                  "--group-timeout must be a positive, finite number of seconds, got '0'"},
        ErrorCase{"group_timeout_negative",
                  kGood,
                  {"--group-timeout", "-1"},
                  "--group-timeout must be a positive, finite number of seconds, got '-1'"},
        ErrorCase{"group_timeout_nan",
                  kGood,
                  {"--group-timeout", "nan"},
                  "--group-timeout must be a positive, finite number of seconds, got 'nan'"},
        ErrorCase{"group_timeout_inf",
                  kGood,
                  {"--group-timeout", "inf"},
                  "--group-timeout must be a positive, finite number of seconds, got 'inf'"},
        ErrorCase{"group_timeout_text",
                  kGood,
                  {"--group-timeout", "5min"},
                  "--group-timeout must be a positive, finite number of seconds, got '5min'"},
        ErrorCase{"memory_limit_below_a_byte",
                  kGood,
                  {"--worker-memory-limit", "0.5"},
                  "--worker-memory-limit must be a positive size such as 512M or 2G, got '0.5'"},
        ErrorCase{"memory_limit_zero",
                  kGood,
                  {"--worker-memory-limit", "0"},
                  "--worker-memory-limit must be a positive size such as 512M or 2G, got '0'"},
        ErrorCase{"memory_limit_nan",
                  kGood,
                  {"--worker-memory-limit", "nan"},
                  "--worker-memory-limit must be a positive size such as 512M or 2G, got 'nan'"},
        ErrorCase{"memory_limit_inf",
                  kGood,
                  {"--worker-memory-limit", "inf"},
                  "--worker-memory-limit must be a positive size such as 512M or 2G, got 'inf'"},
        ErrorCase{"memory_limit_huge",
                  kGood,
                  {"--worker-memory-limit", "1e30G"},
                  "--worker-memory-limit must be less than 8 EiB, got '1e30G'"},
        ErrorCase{"group_timeout_with_threads",
                  kGood,
                  {"--executor", "threads", "--group-timeout", "5"},
                  "--group-timeout needs worker processes: use --executor processes"},
        ErrorCase{"memory_limit_with_sequential",
                  kGood,
                  {"--executor", "sequential", "--worker-memory-limit", "1G"},
                  "--worker-memory-limit needs worker processes: use --executor processes"},
        ErrorCase{"trace_folder_missing",
                  kGood,
                  {"--trace", "/nonexistent-groupfit-folder/trace.json"},
                  "cannot write --trace '/nonexistent-groupfit-folder/trace.json': no folder"},
        ErrorCase{"trace_is_a_folder", kGood, {"--trace", "/"}, "--trace '/' is a folder"}),
    [](const auto& info) { return info.param.name; });

TEST(TrainErrorsOut, OutIsAFile) {
  const auto dir = fresh_dir("out-is-file");
  write_text(dir / "data.csv", kGood);
  write_text(dir / "out", "x");
  const ProgramResult r = run_groupfit({"train", (dir / "data.csv").string(), "--group", "Region",
                                        "--target", "IBD", "--out", (dir / "out").string()},
                                       dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a folder"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(read_file(dir / "out"), "x") << "the file given as --out was changed";
  std::filesystem::remove_all(dir);
}

// A bad parameter is refused before --out is touched: an earlier run's outputs stay exactly as
// they were (they were replaced by an empty models/ when every group failed on it).
TEST(TrainErrorsOut, BadParameterLeavesEarlierRunUntouched) {
  const auto dir = fresh_dir("bad-param-keeps-run");
  ASSERT_TRUE(generate_csv(dir, 600, 3, 5));
  const std::string out = (dir / "out").string();
  const std::vector<std::string> base = {
      "train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
      "--id",  "SamplingOperations_code",   "--out",   out,      "--param",  "iterations=20"};
  ASSERT_EQ(run_groupfit(base, dir).status, 0);
  const auto tree = list_tree(out);
  const std::string metrics = read_file(dir / "out" / "metrics.csv");
  const std::string run_json = read_file(dir / "out" / "run.json");
  for (const std::string bad :
       {"max_depth=abc", "eta=-1", "subsample=5", "objective=reg:bogus", "learning_rate=nan"}) {
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--param", bad});
    const ProgramResult r = run_groupfit(args, dir);
    EXPECT_EQ(r.status, 2) << bad << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(list_tree(out), tree) << bad;
    EXPECT_EQ(read_file(dir / "out" / "metrics.csv"), metrics) << bad;
    EXPECT_EQ(read_file(dir / "out" / "run.json"), run_json) << bad;
  }
  std::filesystem::remove_all(dir);
}

TEST(TrainErrorsOut, HelpOnEverySubcommand) {
  const auto dir = fresh_dir("help");
  for (const char* sub : {"train", "predict", "inspect", "gen"}) {
    const ProgramResult r = run_groupfit({sub, "--help"}, dir);
    EXPECT_EQ(r.status, 0) << sub;
    EXPECT_NE(r.out.find("--"), std::string::npos) << sub;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
