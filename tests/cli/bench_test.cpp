// `groupfit bench` runs every configuration of the grid and writes bench.csv and bench.md;
// `groupfit measure` reports what one command cost, as JSON.
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

TEST(Measure, ReportsExitStatusTimeAndMemoryOfTheWholeTree) {
  const auto dir = fresh_dir("measure");
  // A shell whose child holds 64 MB for half a second: the tree's peak must include it.
  const ProgramResult r = run_groupfit(
      {"measure", "/bin/sh", "-c",
       "/usr/bin/python3 -c 'import time; b = b\"x\" * (64 << 20); time.sleep(0.5)'; exit 3"},
      dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto field = [&](const std::string& name) {
    const std::size_t at = r.out.find("\"" + name + "\": ");
    EXPECT_NE(at, std::string::npos) << r.out;
    return std::stod(r.out.substr(at + name.size() + 4));
  };
  EXPECT_EQ(field("exit_status"), 3);
  EXPECT_GE(field("wall_seconds"), 0.5);
  EXPECT_GE(field("peak_pss_mb"), 60);
  std::filesystem::remove_all(dir);
}

TEST(Measure, CommandThatCannotStartIsAnInputError) {
  const auto dir = fresh_dir("measure-missing");
  const ProgramResult r = run_groupfit({"measure", "/no/such/program"}, dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot run '/no/such/program'"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
