// The configuration hash covers every setting that changes results, so --resume refuses a
// checkpoint made with another one; settings that change only speed leave it alone.
#include <gtest/gtest.h>

#include "report/run_json.hpp"

namespace groupfit {
namespace {

TrainConfig base() {
  TrainConfig c;
  c.read.input = "/nonexistent/data.csv";
  c.columns.group_column = "Region";
  c.columns.target_column = "IBD";
  c.output.out_dir = "out";
  return c;
}

TEST(ConfigHash, EveryReadingAndFeatureSettingChangesIt) {
  const std::string h = config_hash(base());
  TrainConfig decimal = base();
  decimal.read.decimal = ',';
  TrainConfig na = base();
  na.read.na_values = {"-"};
  TrainConfig categorical = base();
  categorical.columns.categorical = {"school"};
  TrainConfig weight = base();
  weight.columns.weight_column = "w";
  for (const TrainConfig& c : {decimal, na, categorical, weight}) EXPECT_NE(config_hash(c), h);
  TrainConfig faster = base();
  faster.exec.workers = 7;
  faster.exec.executor = ExecutorKind::Threads;
  EXPECT_EQ(config_hash(faster), h);
}

}  // namespace
}  // namespace groupfit
