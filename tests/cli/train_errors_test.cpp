// Every user error of `groupfit train` is one line on stderr, exit status 2, and no output.
#include <gtest/gtest.h>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

struct ErrorCase {
  std::string name;
  std::string csv;
  std::vector<std::string> extra_args;
  std::string expected;  // a part of the message
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
  const ProgramResult r = run_groupfit(args, dir);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out")) << "output left behind";
  std::filesystem::remove_all(dir);
}

const std::string kGood = "Region,IBD,x\na,1,2\na,2,3\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, TrainErrors,
    ::testing::Values(
        ErrorCase{"empty", "", {}, "empty file"},
        ErrorCase{"header_only", "Region,IBD,x\n", {}, "header only"},
        ErrorCase{"ragged", "Region,IBD,x\na,1,2\na,1,2,3\n", {}, ":3:"},
        ErrorCase{"duplicate", "Region,IBD,Region\na,1,2\n", {}, "duplicate column name 'Region'"},
        ErrorCase{
            "missing_group", "Regio,IBD,x\na,1,2\n", {}, "no column 'Region'; closest: 'Regio'"},
        ErrorCase{"missing_target", "Region,IBX,x\na,1,2\n", {}, "closest: 'IBX'"},
        ErrorCase{
            "text_target", "Region,IBD,x\na,1,2\na,,3\na,high,4\n", {}, "data row 3 holds 'high'"},
        ErrorCase{"unknown_param", kGood, {"--param", "depht=3"}, "unknown parameter 'depht'"},
        ErrorCase{"bad_param_syntax", kGood, {"--param", "depth"}, "name=value"}),
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
