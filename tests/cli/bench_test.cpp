// `groupfit bench` runs every configuration of the grid and writes bench.csv and bench.md.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

TEST(Bench, RunsTheGridAndWritesTables) {
  const auto dir = fresh_dir("bench");
  ASSERT_TRUE(generate_csv(dir, 3000, 4, 2));
  const ProgramResult r = run_groupfit(
      {"bench", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD", "--rounds",
       "10", "--runs", "1", "--out", (dir / "b").string(), "--simulate-cores", "8,64"},
      dir);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream csv(read_file(dir / "b" / "bench.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "configuration,run,wall_seconds,cpu_seconds,peak_mb,exit_status");
  std::size_t rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    EXPECT_EQ(line.substr(line.rfind(',') + 1), "0") << line;
  }
  EXPECT_GE(rows, 6u);  // sequential, threads and processes in 2+ shapes, auto
  const std::string md = read_file(dir / "b" / "bench.md");
  EXPECT_NE(md.find("| auto |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 64 |"), std::string::npos) << md;
  EXPECT_EQ(md, r.out);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
