// predict honours its stop flag (Ctrl-C in the CLI and in the Python module): it throws
// Interrupted (exit 130) and writes nothing, rather than running to the end as it did. Driven
// through the public API, the flag raised before the call as a SIGINT handler would.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/run_program.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/tools.hpp"

namespace groupfit {
namespace {

TEST(PredictStop, RaisedFlagInterruptsAndWritesNothing) {
  const auto dir = testing_support::fresh_dir("predict-stop");
  {
    std::ofstream data(dir / "data.csv");
    GeneratorOptions gen;
    gen.rows = 3000;
    gen.groups = 4;
    gen.seed = 3;
    generate_table(data, gen);
  }
  TrainConfig c;
  c.read.input = (dir / "data.csv").string();
  c.columns.group_column = "Region";
  c.columns.target_column = "IBD";
  c.output.out_dir = (dir / "out").string();
  c.model.rounds = 5;
  c.exec.executor = ExecutorKind::Sequential;
  const auto ignore = [](const std::string&) {};
  ASSERT_GT(train(c, ignore).ok, 0u);

  PredictConfig p;
  p.input = (dir / "data.csv").string();
  p.models_dir = (dir / "out" / "models").string();
  p.output = (dir / "scored.csv").string();
  const std::atomic<bool> stop{true};
  p.stop = &stop;
  try {
    predict(p, ignore);
    ADD_FAILURE() << "predict ran to the end with its stop flag raised";
  } catch (const Interrupted& e) {
    EXPECT_EQ(e.exit_code(), kExitInterrupted);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "scored.csv"));

  const std::atomic<bool> go{false};
  p.stop = &go;
  EXPECT_GT(predict(p, ignore).predicted, 0u);
  EXPECT_TRUE(std::filesystem::exists(dir / "scored.csv"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
