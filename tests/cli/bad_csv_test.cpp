// Hostile CSV files too big for the table of train_errors_test.cpp, through the real program:
// a 100 MB field, a line of a million commas, and an id column that repeats (a warning, not an
// error). Each error is one line, exit status 2, and no --out folder.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

ProgramResult train(const std::filesystem::path& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {
      "train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
      "--out", (dir / "out").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_groupfit(args, dir);
}

void expect_one_line_error(const ProgramResult& r, const std::string& expected,
                           const std::filesystem::path& dir) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(expected), std::string::npos) << r.err.substr(0, 500);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err.substr(0, 500);
  EXPECT_LT(r.err.size(), 1000u) << "the message should not echo the field";
  EXPECT_TRUE(list_tree(dir / "out").empty()) << "output left behind";
}

// 100 MB in one field is past the 16 MiB limit: reported at its line, quickly.
TEST(BadCsv, HundredMegabyteField) {
  const auto dir = fresh_dir("bad-csv-100mb");
  {
    std::ofstream out(dir / "data.csv", std::ios::binary);
    out << "Region,IBD,x\na,1,2\na,2,";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\na,3,4\n";
  }
  expect_one_line_error(train(dir), "data.csv:3: field longer than 16 MiB (the limit)", dir);
  // Quoted, the same field is still too long; an unterminated quote is reported as such.
  {
    std::ofstream out(dir / "data.csv", std::ios::binary);
    out << "Region,IBD,x\na,1,2\na,2,\"";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\"\na,3,4\n";
  }
  expect_one_line_error(train(dir), "data.csv:3: field longer than 16 MiB (the limit)", dir);
  std::filesystem::remove_all(dir);
}

// A million fields on one line: stopped at the column limit, not collected into memory.
TEST(BadCsv, MillionCommaLine) {
  const auto dir = fresh_dir("bad-csv-commas");
  write_text(dir / "data.csv", "Region,IBD,x\na,1,2\n" + std::string(1'000'000, ',') + "\n");
  expect_one_line_error(train(dir), "data.csv:3: more than 65536 fields (the limit)", dir);
  std::filesystem::remove_all(dir);
}

// An id that repeats is a warning on stderr; the run still trains and exits 0.
TEST(BadCsv, RepeatedIdWarnsAndTrains) {
  const auto dir = fresh_dir("bad-csv-repeated-id");
  std::string csv = "Region,IBD,x,id\n";
  for (int i = 0; i < 40; ++i) {
    const std::string id = i == 7 ? "r3" : "r" + std::to_string(i);
    const std::string target = i % 10 == 9 ? "" : std::to_string(i % 5);
    csv += "a," + target + "," + std::to_string(i) + "," + id + "\n";
  }
  write_text(dir / "data.csv", csv);
  const ProgramResult r = train(dir, {"--id", "id", "--min-rows", "5", "--param", "iterations=2"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning: id column 'id' is not unique: 'r3' is on data rows 4 and 8 (1 "
                       "rows repeat an earlier id)"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "predictions.csv"));
  // Unique ids: no warning.
  const auto dir2 = fresh_dir("bad-csv-unique-id");
  std::string unique = "Region,IBD,x,id\n";
  for (int i = 0; i < 40; ++i)
    unique += "a," + std::to_string(i % 5) + ",1," + std::to_string(i) + "\n";
  write_text(dir2 / "data.csv", unique);
  const ProgramResult u = train(dir2, {"--id", "id", "--min-rows", "5", "--param", "iterations=2"});
  EXPECT_EQ(u.status, 0) << u.err;
  EXPECT_EQ(u.err.find("not unique"), std::string::npos) << u.err;
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(dir2);
}

}  // namespace
}  // namespace groupfit
