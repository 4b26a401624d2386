// Parquet through the `groupfit` program: the same data as CSV and as Parquet trains
// byte-identical metrics, predictions and models (a float column holding only integers, which
// CSV reads as int64, and a numeric group column included), predict and inspect read Parquet,
// a file shaped like the reference workload (written like pandas: arrow-rs, SNAPPY, dictionary,
// v1 pages, a categorical column and a stored index) trains the same as its CSV, and Parquet that
// cannot be read (standard input, inside gzip, cut short) exits 2 with one line naming the file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_program.hpp"
#include "compressed_files.hpp"
#include "table/parquet/parquet_reader.hpp"
#include "table/parquet_written_files.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

std::string fmt_double(double x) {
  return fmt::format("{}", x);
}

void expect_same_outputs(const std::filesystem::path& a, const std::filesystem::path& b) {
  EXPECT_EQ(metrics_without_timing(a / "metrics.csv"), metrics_without_timing(b / "metrics.csv"));
  EXPECT_EQ(read_file(a / "predictions.csv"), read_file(b / "predictions.csv"));
  const std::vector<std::string> models = list_tree(a / "models");
  ASSERT_GT(models.size(), 3u);
  EXPECT_EQ(list_tree(b / "models"), models);
  for (const std::string& f : models) {
    EXPECT_EQ(read_file(a / "models" / f), read_file(b / "models" / f)) << f;
  }
}

std::vector<std::string> train(const std::filesystem::path& input, const std::filesystem::path& out,
                               std::vector<std::string> extra) {
  std::vector<std::string> args = {"train",      input.string(),      "--out",
                                   out.string(), "--param",           "iterations=30",
                                   "--param",    "learning_rate=0.3", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

class ParquetCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("parquet-cli");
    ASSERT_TRUE(generate_csv(dir_, 4000, 6, 3));
    // `year` holds only integers: int64 read from CSV, DOUBLE in this Parquet file.
    ParquetSpec spec{
        "duckdb", dir_ / "data.parquet", {{"codec", "zstd"}, {"row_group_size", 2048}}, {}};
    spec.from_csv = (dir_ / "data.csv").string();
    spec.select = "* REPLACE (CAST(year AS DOUBLE) AS year)";
    ASSERT_TRUE(write_parquet_files({spec}, dir_));
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static inline std::filesystem::path dir_;
};

TEST_F(ParquetCli, TrainsAndPredictsTheSameAsTheCsv) {
  const std::vector<std::string> columns = {"--group", "Region", "--target",
                                            "IBD",     "--id",   "SamplingOperations_code"};
  const ProgramResult csv = run_groupfit(train(dir_ / "data.csv", dir_ / "csv", columns), dir_);
  ASSERT_EQ(csv.status, 0) << csv.err;
  const ProgramResult pq = run_groupfit(train(dir_ / "data.parquet", dir_ / "pq", columns), dir_);
  ASSERT_EQ(pq.status, 0) << pq.err;
  EXPECT_EQ(pq.err, csv.err);
  expect_same_outputs(dir_ / "csv", dir_ / "pq");

  for (const char* input : {"data.csv", "data.parquet"}) {
    const ProgramResult p = run_groupfit(
        {"predict", (dir_ / input).string(), "--models", (dir_ / "csv" / "models").string(),
         "--out", (dir_ / (std::string(input) + ".scored")).string(), "--keep", "year"},
        dir_);
    ASSERT_EQ(p.status, 0) << p.err;
  }
  EXPECT_EQ(read_file(dir_ / "data.parquet.scored"), read_file(dir_ / "data.csv.scored"));
}

// Ids past 65,536 distinct values are plain text rows in both readers: still the same outputs.
TEST(ParquetCliManyIds, TrainsTheSameAsTheCsv) {
  const auto dir = fresh_dir("parquet-many-ids");
  ASSERT_TRUE(generate_csv(dir, 80000, 4, 5));
  ParquetSpec spec{"duckdb", dir / "data.parquet", {{"codec", "snappy"}}, {}};
  spec.from_csv = (dir / "data.csv").string();
  ASSERT_TRUE(write_parquet_files({spec}, dir));
  const std::vector<std::string> columns = {"--group", "Region",      "--target",
                                            "IBD",     "--id",        "SamplingOperations_code",
                                            "--param", "iterations=5"};
  const ProgramResult csv = run_groupfit(train(dir / "data.csv", dir / "csv", columns), dir);
  ASSERT_EQ(csv.status, 0) << csv.err;
  const ProgramResult pq = run_groupfit(train(dir / "data.parquet", dir / "pq", columns), dir);
  ASSERT_EQ(pq.status, 0) << pq.err;
  expect_same_outputs(dir / "csv", dir / "pq");
  std::filesystem::remove_all(dir);
}

// A numeric group column, DOUBLE in Parquet and int64 in CSV, names the same groups and models;
// --features reads only what it names, --drop skips a column.
TEST_F(ParquetCli, NumericGroupsFeaturesAndDropAreTheSame) {
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--group", "year", "--target", "IBD", "--drop", "SamplingOperations_code"},
           {"--group", "Region", "--target", "IBD", "--features", "depth_m,habitat,year"}}) {
    std::filesystem::remove_all(dir_ / "csv2");
    std::filesystem::remove_all(dir_ / "pq2");
    const ProgramResult csv = run_groupfit(train(dir_ / "data.csv", dir_ / "csv2", extra), dir_);
    ASSERT_EQ(csv.status, 0) << csv.err;
    const ProgramResult pq = run_groupfit(train(dir_ / "data.parquet", dir_ / "pq2", extra), dir_);
    ASSERT_EQ(pq.status, 0) << pq.err;
    expect_same_outputs(dir_ / "csv2", dir_ / "pq2");
  }
}

TEST_F(ParquetCli, InspectReadsParquet) {
  const ProgramResult r = run_groupfit({"inspect", (dir_ / "data.parquet").string()}, dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find(',')), "4000 rows");
  EXPECT_NE(r.out.find("year                         float64"), std::string::npos) << r.out;
}

TEST_F(ParquetCli, MissingColumnIsNamedWithSuggestions) {
  const ProgramResult r =
      run_groupfit(train(dir_ / "data.parquet", dir_ / "bad",
                         {"--group", "Regoin", "--target", "IBD", "--features", "depth_m"}),
                   dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "groupfit: error: no column 'Regoin'; closest: 'Region'\n");
}

TEST_F(ParquetCli, StandardInputAndGzipAreRefused) {
  const ProgramResult piped = run_groupfit_piped(dir_ / "data.parquet", {"inspect", "-"}, dir_);
  EXPECT_EQ(piped.status, 2);
  EXPECT_EQ(piped.err,
            "groupfit: error: <stdin>: Parquet cannot be read from standard input or a pipe (it "
            "needs its footer, at the end of the file): give the file's path\n");
  const auto gz = dir_ / "data.parquet.gz";
  std::ofstream(gz, std::ios::binary) << gzip_bytes(read_file(dir_ / "data.parquet"));
  const ProgramResult zipped = run_groupfit({"inspect", gz.string()}, dir_);
  EXPECT_EQ(zipped.status, 2);
  EXPECT_EQ(zipped.err, "groupfit: error: " + gz.string() +
                            ": Parquet inside gzip data cannot be read: decompress it to a file "
                            "first (Parquet needs its footer, at the end of the file)\n");
}

TEST_F(ParquetCli, CutShortFileIsOneLineNamingIt) {
  const std::string bytes = read_file(dir_ / "data.parquet");
  const auto cut = dir_ / "cut.parquet";
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const ProgramResult r = run_groupfit({"inspect", cut.string()}, dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "groupfit: error: " + cut.string() +
                       ": the file does not end with Parquet's magic bytes (was it cut short?)\n");
}

// A message about a row of a Parquet file names it by its data row number, counted from 1 as
// predictions' `row` is (a Parquet file has no lines).
TEST(ParquetRows, MessagesNameTheDataRow) {
  const auto dir = fresh_dir("parquet-rows");
  std::string text = "Region,IBD,x\n";
  for (int i = 1; i <= 30; ++i) {
    text += "a," + std::to_string(i) + "," + (i == 3 ? "inf" : "0.5") + "\n";
  }
  std::ofstream(dir / "data.csv") << text;
  ParquetSpec spec{"duckdb", dir / "data.parquet", json::object(), {}};
  spec.from_csv = (dir / "data.csv").string();
  spec.select = "Region, IBD, CAST(x AS DOUBLE) AS x";
  ASSERT_TRUE(write_parquet_files({spec}, dir));
  const ProgramResult r = run_groupfit(
      train(dir / "data.parquet", dir / "out", {"--group", "Region", "--target", "IBD"}), dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "groupfit: error: " + (dir / "data.parquet").string() +
                       ": data row 3: column 'x' holds inf: numbers must be finite (a missing "
                       "value is empty or NA)\n");
  std::filesystem::remove_all(dir);
}

// Shaped like the reference workload as pandas writes it (arrow-rs here: SNAPPY, dictionary, v1
// pages): a text group with missing values, a float target with missing values, a text id, a
// categorical feature, a date, and the pandas index stored as __index_level_0__, which is not a
// feature. Training equals training on the same values as CSV.
TEST(ParquetReferenceShape, TrainsTheSameAsItsCsv) {
  const auto dir = fresh_dir("parquet-reference");
  std::vector<SpecColumn> c = {{"SamplingOperations_code", "string"},
                               {"Region", "string"},
                               {"IBD", "double"},
                               {"depth", "double"},
                               {"habitat", "categorical"},
                               {"Date", "date"},
                               {"__index_level_0__", "int64"}};
  std::string csv = "SamplingOperations_code,Region,IBD,depth,habitat,Date\n";
  const char* habitats[] = {"river", "lake", "pond"};
  for (int i = 0; i < 3000; ++i) {
    const bool no_region = i % 97 == 0, no_target = i % 6 == 0;
    const std::string id = "SO-" + std::to_string(100000 + i);
    const std::string region = "Región-" + std::to_string(i * 7 % 5);
    const double ibd = (i * 37 % 200) / 10.0 + (i % 5);
    const double depth = (i * 13 % 1000) / 4.0;
    const int day = 15000 + i * 3 % 3000;
    c[0].values.push_back(id);
    c[1].values.push_back(no_region ? json() : json(region));
    c[2].values.push_back(no_target ? json() : json(ibd));
    c[3].values.push_back(depth);
    c[4].values.push_back(habitats[i % 3]);
    c[5].values.push_back(day);
    c[6].values.push_back(std::to_string(i * 2));
    csv += id + "," + (no_region ? "" : region) + "," + (no_target ? "" : fmt_double(ibd)) + "," +
           fmt_double(depth) + "," + habitats[i % 3] + "," +
           iso_text(day * 86400LL, 0, 0).substr(0, 10) + "\n";
  }
  std::ofstream(dir / "ref.csv") << csv;
  ParquetSpec spec{"arrow-rs",
                   dir / "ref.parquet",
                   {{"codec", "SNAPPY"}, {"page_version", 1}, {"row_group_size", 1000}},
                   c};
  ASSERT_TRUE(write_parquet_files({spec}, dir));
  // The table read is what the writer was given, but the index, which is not read.
  ParquetSpec read_back = spec;
  read_back.columns.pop_back();
  ParquetReadOptions options;
  options.threads = 2;
  EXPECT_TRUE(same_table(read_parquet_file(spec.out.string(), options), read_back));
  const std::vector<std::string> columns = {"--group", "Region", "--target",
                                            "IBD",     "--id",   "SamplingOperations_code"};
  const ProgramResult a = run_groupfit(train(dir / "ref.csv", dir / "csv", columns), dir);
  ASSERT_EQ(a.status, 0) << a.err;
  const ProgramResult b = run_groupfit(train(dir / "ref.parquet", dir / "pq", columns), dir);
  ASSERT_EQ(b.status, 0) << b.err;
  expect_same_outputs(dir / "csv", dir / "pq");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
