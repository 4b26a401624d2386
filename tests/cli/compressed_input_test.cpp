// Input that is not a plain file, end to end: a gzip copy, a zstd copy, the plain file piped
// through standard input (`-`), the gzip copy piped, and a pipe named /dev/stdin all train the
// same models, metrics and predictions as the plain file. Files that are not CSV are named as
// what they look like; --resume refuses standard input; a row of a piped input is named by its
// data row number, of a compressed file by its line.
#include <gtest/gtest.h>

#include "cli/run_program.hpp"
#include "compressed_files.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
using namespace std::string_literals;

std::vector<std::string> train_args(const std::string& input, const std::filesystem::path& out,
                                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {
      "train",      input,     "--group",       "Region",  "--target",          "IBD",    "--out",
      out.string(), "--param", "iterations=30", "--param", "learning_rate=0.3", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

class TrainCompressedInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("compressed-input");
    ASSERT_TRUE(generate_csv(dir_, 4000, 4, 11));
    const std::string text = read_file(dir_ / "data.csv");
    write_text(dir_ / "data.csv.gz", gzip_bytes(text));
    write_text(dir_ / "data.zst", zstd_bytes(text));  // the name says nothing: the bytes do
    plain_ = run_groupfit(train_args((dir_ / "data.csv").string(), dir_ / "plain"), dir_);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  // Same metrics (but timings), predictions and model files as the plain file's run.
  static void expect_same_outputs(const std::string& out) {
    ASSERT_EQ(plain_.status, 0) << plain_.err;
    EXPECT_EQ(metrics_without_timing(dir_ / out / "metrics.csv"),
              metrics_without_timing(dir_ / "plain" / "metrics.csv"));
    EXPECT_EQ(read_file(dir_ / out / "predictions.csv"),
              read_file(dir_ / "plain" / "predictions.csv"));
    const std::vector<std::string> models = list_tree(dir_ / "plain" / "models");
    ASSERT_GT(models.size(), 4u);
    EXPECT_EQ(list_tree(dir_ / out / "models"), models);
    for (const std::string& f : models) {
      EXPECT_EQ(read_file(dir_ / out / "models" / f), read_file(dir_ / "plain" / "models" / f))
          << f;
    }
  }

  static inline std::filesystem::path dir_;
  static inline ProgramResult plain_;
};

TEST_F(TrainCompressedInput, GzipFileTrainsTheSameModels) {
  const ProgramResult r =
      run_groupfit(train_args((dir_ / "data.csv.gz").string(), dir_ / "gz"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs("gz");
}

TEST_F(TrainCompressedInput, ZstdFileTrainsTheSameModels) {
  const ProgramResult r =
      run_groupfit(train_args((dir_ / "data.zst").string(), dir_ / "zst"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs("zst");
}

TEST_F(TrainCompressedInput, StandardInputTrainsTheSameModels) {
  const ProgramResult r =
      run_groupfit_piped(dir_ / "data.csv", train_args("-", dir_ / "stdin"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs("stdin");
}

// `zcat big.csv.gz | groupfit train -` without zcat: the stream is decompressed as it arrives.
TEST_F(TrainCompressedInput, GzipThroughStandardInputTrainsTheSameModels) {
  const ProgramResult r =
      run_groupfit_piped(dir_ / "data.csv.gz", train_args("-", dir_ / "stdin-gz"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs("stdin-gz");
}

// /dev/stdin names a pipe here, which used to be refused as "not a regular file".
TEST_F(TrainCompressedInput, DevStdinPipeTrainsTheSameModels) {
  const ProgramResult r =
      run_groupfit_piped(dir_ / "data.zst", train_args("/dev/stdin", dir_ / "dev-stdin"), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs("dev-stdin");
}

// The checkpoint is matched to its input by the file's identity, which standard input lacks.
TEST_F(TrainCompressedInput, ResumeFromStandardInputIsRefused) {
  const ProgramResult r =
      run_groupfit_piped(dir_ / "data.csv", train_args("-", dir_ / "resumed", {"--resume"}), dir_);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.err,
            "groupfit: error: --resume needs the input as a file: standard input cannot be checked "
            "to hold the same table as the interrupted run's\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "resumed"));
}

struct NotCsvCase {
  std::string name;
  std::string bytes;
  std::string looks_like;
  friend void PrintTo(const NotCsvCase& c, std::ostream* os) { *os << c.name; }
};

class BadInputFormat : public ::testing::TestWithParam<NotCsvCase> {};

// Each refused by what it looks like, as a file and through standard input, before --out is
// touched; never the "NUL byte in input" that reading it as text gave.
TEST_P(BadInputFormat, IsNamedNotReadAsText) {
  const NotCsvCase& c = GetParam();
  const auto dir = fresh_dir("not-csv-" + c.name);
  const auto file = dir / "star.csv.gz";  // the name is not what decides
  write_text(file, c.bytes);
  const ProgramResult train = run_groupfit(train_args(file.string(), dir / "out"), dir);
  EXPECT_EQ(train.status, 2) << train.err;
  EXPECT_EQ(train.err, "groupfit: error: " + file.string() + ": not a CSV file: it looks like " +
                           c.looks_like + "\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  const ProgramResult inspect = run_groupfit_piped(file, {"inspect", "-"}, dir);
  EXPECT_EQ(inspect.status, 2) << inspect.err;
  EXPECT_EQ(inspect.err,
            "groupfit: error: <stdin>: not a CSV file: it looks like " + c.looks_like + "\n");
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputFormat,
    // Parquet is read now: its refusals (standard input, inside gzip) are in
    // tests/cli/parquet_cli_test.cpp.
    ::testing::Values(NotCsvCase{"zip",
                                 "PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!\x00\x00\x00\x00\x00"s,
                                 "a zip archive (an Excel .xlsx file is one)"},
                      NotCsvCase{"xz",
                                 "\xfd"
                                 "7zXZ\x00\x00\x04\xe6\xd6\xb4\x46\x02\x00\x21\x01"s,
                                 "xz-compressed data (pipe it in: xz -dc FILE | groupfit ... -)"}),
    [](const ::testing::TestParamInfo<NotCsvCase>& info) { return info.param.name; });

// A row named in a message: in a compressed file by its line (found by decompressing again), in
// piped input by its data row number, counted from 1 as predictions' `row` is.
TEST(BadInputRows, CompressedByLineStandardInputByDataRow) {
  const auto dir = fresh_dir("bad-input-rows");
  std::string text = "Region,IBD,x\n";
  for (int i = 1; i <= 30; ++i)
    text += "a," + std::to_string(i) + "," + (i == 3 ? "inf" : "0.5") + "\n";
  write_text(dir / "data.csv", text);
  write_text(dir / "data.csv.gz", gzip_bytes(text));
  const ProgramResult gz =
      run_groupfit(train_args((dir / "data.csv.gz").string(), dir / "out"), dir);
  EXPECT_EQ(gz.status, 2) << gz.err;
  EXPECT_NE(gz.err.find((dir / "data.csv.gz").string() + ":4: column 'x' holds inf"),
            std::string::npos)
      << gz.err;
  const ProgramResult piped =
      run_groupfit_piped(dir / "data.csv", train_args("-", dir / "out"), dir);
  EXPECT_EQ(piped.status, 2) << piped.err;
  EXPECT_NE(piped.err.find("<stdin>: data row 3: column 'x' holds inf"), std::string::npos)
      << piped.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
