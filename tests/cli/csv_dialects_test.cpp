// Real-world CSV dialects end to end (issue 13): the same table written as a ';'-separated file
// with decimal commas, with a stray "-" declared by --na-values, and with dates spelled three
// ways trains exactly the models the plain file trains.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

class CsvDialects : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("dialects");
    ASSERT_TRUE(generate_csv(dir_, 3000, 3, 17));
    ASSERT_EQ(train("data.csv", "plain", {}).status, 0);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static ProgramResult train(const std::string& file, const std::string& out,
                             const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"train",    (dir_ / file).string(),
                                     "--group",  "Region",
                                     "--target", "IBD",
                                     "--id",     "SamplingOperations_code",
                                     "--out",    (dir_ / out).string(),
                                     "--param",  "iterations=30"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_groupfit(args, dir_);
  }
  static void expect_same_as_plain(const std::string& out) {
    EXPECT_EQ(metrics_without_timing(dir_ / out / "metrics.csv"),
              metrics_without_timing(dir_ / "plain" / "metrics.csv"));
    EXPECT_EQ(read_file(dir_ / out / "predictions.csv"),
              read_file(dir_ / "plain" / "predictions.csv"));
    EXPECT_EQ(folder_files(dir_ / out / "models", "schema.json"),
              folder_files(dir_ / "plain" / "models", "schema.json"));
  }
  static inline std::filesystem::path dir_;
};

TEST_F(CsvDialects, SemicolonsAndDecimalCommasReadAsTheNumbersTheyAre) {
  std::string text = read_file(dir_ / "data.csv");
  for (char& c : text) c = c == ',' ? ';' : c == '.' ? ',' : c;
  write_text(dir_ / "spanish.csv", text);
  const ProgramResult r = train("spanish.csv", "spanish", {});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning: read 5 columns with decimal commas (IBD, depth_m, temperature, "
                       "ph, conductivity"),
            std::string::npos)
      << r.err;
  expect_same_as_plain("spanish");
  // Said explicitly, no warning.
  const ProgramResult asked = train("spanish.csv", "spanish-asked", {"--decimal", ","});
  ASSERT_EQ(asked.status, 0) << asked.err;
  EXPECT_EQ(asked.err.find("decimal commas"), std::string::npos) << asked.err;
  expect_same_as_plain("spanish-asked");
}

TEST_F(CsvDialects, AStrayDashIsNamedAndNaValuesMakesItMissing) {
  // The first empty ph (the 6th field) becomes "-": a number column with one odd value.
  std::istringstream in(read_file(dir_ / "data.csv"));
  std::string text, line;
  bool done = false;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string f; std::getline(split, f, ',');) fields.push_back(f);
    if (!done && fields.size() > 5 && fields[5].empty() && fields[0] != "SamplingOperations_code") {
      std::size_t at = 0;
      for (int i = 0; i < 5; ++i) at = line.find(',', at) + 1;
      line.insert(at, "-");
      done = true;
    }
    text += line + "\n";
  }
  ASSERT_TRUE(done);
  write_text(dir_ / "dash.csv", text);
  const std::string column = "ph";
  const ProgramResult r = train("dash.csv", "dash", {});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(
      r.err.find("warning: column '" + column + "' holds numbers but for 1 value ('-' first, at "),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--na-values - would read it as missing"), std::string::npos) << r.err;
  ASSERT_EQ(train("dash.csv", "dash-na", {"--na-values", "-"}).status, 0);
  expect_same_as_plain("dash-na");
}

TEST_F(CsvDialects, DatesInThreeSpellingsTrainTheSameModels) {
  std::string a = "Region,IBD,x,when\n", b = a, c = a;
  for (int i = 0; i < 300; ++i) {
    const int day = 1 + i % 28, hour = i % 24;
    const std::string date = fmt::format("2024-02-{:02}", day);
    const std::string y = std::to_string(day * 2 + (hour > 11 ? 5 : 0) + i % 3);
    const std::string row = std::string(i % 2 ? "g1," : "g2,") + y + "," + std::to_string(i % 7);
    a += row + fmt::format(",{} {:02}:00:00\n", date, hour);
    b += row + fmt::format(",{}T{:02}:00:00Z\n", date, hour);
    c += row + fmt::format(",{}T{:02}:30:00+01:30\n", date, (hour + 1) % 24 == 0 ? 0 : hour + 1);
  }
  write_text(dir_ / "dates_a.csv", a);
  write_text(dir_ / "dates_b.csv", b);
  write_text(dir_ / "dates_c.csv", c);
  for (const char* name : {"dates_a", "dates_b"}) {
    const ProgramResult r = run_groupfit(
        {"train", (dir_ / (std::string(name) + ".csv")).string(), "--group", "Region", "--target",
         "IBD", "--out", (dir_ / name).string(), "--param", "iterations=30"},
        dir_);
    ASSERT_EQ(r.status, 0) << r.err;
  }
  EXPECT_EQ(metrics_without_timing(dir_ / "dates_a" / "metrics.csv"),
            metrics_without_timing(dir_ / "dates_b" / "metrics.csv"));
  EXPECT_EQ(folder_files(dir_ / "dates_a" / "models"), folder_files(dir_ / "dates_b" / "models"));
  EXPECT_NE(read_file(dir_ / "dates_a" / "models" / "schema.json").find(R"("type": "date")"),
            std::string::npos);
  // --date-parts: the parts are recorded in the schema, and predict encodes them the same way
  // whatever the spelling of the dates (dates_b: the same instants, with a "Z").
  const ProgramResult parts = run_groupfit(
      {"train", (dir_ / "dates_a.csv").string(), "--group", "Region", "--target", "IBD", "--out",
       (dir_ / "dates_parts").string(), "--param", "iterations=30", "--date-parts"},
      dir_);
  ASSERT_EQ(parts.status, 0) << parts.err;
  const std::string schema = read_file(dir_ / "dates_parts" / "models" / "schema.json");
  EXPECT_NE(schema.find(R"("name": "when.day_of_week")"), std::string::npos) << schema;
  EXPECT_NE(schema.find(R"("type": "date_part")"), std::string::npos) << schema;
  std::string predicted[2];
  for (int k = 0; k < 2; ++k) {
    const std::string input = k == 0 ? "dates_a.csv" : "dates_b.csv";
    const std::string out = (dir_ / ("parts_pred_" + std::to_string(k) + ".csv")).string();
    const ProgramResult p = run_groupfit({"predict", (dir_ / input).string(), "--models",
                                          (dir_ / "dates_parts" / "models").string(), "--out", out},
                                         dir_);
    ASSERT_EQ(p.status, 0) << p.err;
    predicted[k] = read_file(out);
  }
  EXPECT_EQ(predicted[0], predicted[1]);
  EXPECT_GT(predicted[0].size(), 300u * 4);

  const ProgramResult inspected = run_groupfit({"inspect", (dir_ / "dates_c.csv").string()}, dir_);
  ASSERT_EQ(inspected.status, 0) << inspected.err;
  EXPECT_NE(inspected.out.find("when                         date"), std::string::npos)
      << inspected.out;
}

}  // namespace
}  // namespace groupfit
