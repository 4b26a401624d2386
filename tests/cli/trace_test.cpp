// --trace writes Chrome trace-event JSON: one complete event per trained group, on the lane of
// the worker that trained it, with rows and status; lanes are named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

TEST(Trace, OneSpanPerGroupOneLanePerWorker) {
  const auto dir = fresh_dir("trace");
  ASSERT_TRUE(generate_csv(dir, 3000, 5, 2));
  const ProgramResult r = run_groupfit(
      {"train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD", "--out",
       (dir / "out").string(), "--param", "iterations=20", "--min-rows", "20", "--executor",
       "threads", "--workers", "2", "--trace", (dir / "trace.json").string(), "--quiet"},
      dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto doc = nlohmann::json::parse(read_file(dir / "trace.json"));
  ASSERT_TRUE(doc.at("traceEvents").is_array());
  std::set<std::string> groups;
  std::set<int> lanes, named_lanes;
  for (const auto& e : doc.at("traceEvents")) {
    const std::string ph = e.at("ph");
    if (ph == "X") {
      EXPECT_TRUE(e.at("ts").is_number());
      EXPECT_GE(e.at("dur").get<double>(), 0.0);
      EXPECT_EQ(e.at("pid"), 1);
      EXPECT_GT(e.at("args").at("rows").get<int>(), 0);
      EXPECT_EQ(e.at("args").at("status"), "ok");
      groups.insert(e.at("name").get<std::string>());
      lanes.insert(e.at("tid").get<int>());
    } else if (ph == "M" && e.at("name") == "thread_name") {
      named_lanes.insert(e.at("tid").get<int>());
    }
  }
  const std::string metrics = read_file(dir / "out" / "metrics.csv");
  std::size_t ok = 0;
  for (std::size_t pos = 0; (pos = metrics.find(",ok,", pos)) != std::string::npos; ++pos) ++ok;
  EXPECT_GE(ok, 3u);
  EXPECT_EQ(groups.size(), ok);
  EXPECT_LE(lanes.size(), 2u);
  EXPECT_EQ(lanes, named_lanes);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
