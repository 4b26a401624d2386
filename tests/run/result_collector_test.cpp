// The execute stage's bookkeeping, driven by a fake executor (no XGBoost): every result lands in
// its slot, in the checkpoint and, when ok, as a model file; progress counts up to the total; a
// checkpoint reads back what was written, ignores a torn last frame and is refused for another
// configuration; restoring keeps ok and skipped groups and retrains failed ones.
#include "run/result_collector.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "exec/sequential_executor.hpp"
#include "groupfit/error.hpp"

namespace groupfit {
namespace {

namespace fs = std::filesystem;

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("groupfit-collector-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<GroupTask> tasks_of(std::size_t n) {
  std::vector<GroupTask> tasks(n);
  for (std::size_t i = 0; i < n; ++i) {
    tasks[i].index = static_cast<std::uint32_t>(i);
    tasks[i].key = {false, "g" + std::to_string(i)};
    tasks[i].cost = 1;
  }
  return tasks;
}

// Group 2 fails; the others are ok with a model and a warning on group 1.
GroupResult fake_training(const GroupTask& t, const std::atomic<bool>&) {
  GroupResult r;
  r.index = t.index;
  if (t.index == 2) {
    r.message = "boom";
    return r;
  }
  r.status = GroupStatus::Ok;
  r.scores = {t.index + 0.5, 1.0, 0.25};
  r.warning = t.index == 1 ? std::string(kConstantModelWarning) : "";
  r.model_json = "{\"g\":" + std::to_string(t.index) + "}";
  return r;
}

TEST(ResultCollector, ResultsReachSlotsCheckpointModelsAndProgress) {
  const fs::path dir = fresh("collect");
  const auto tasks = tasks_of(4);
  RunResults state(tasks.size());
  const std::vector<std::size_t> order = {3, 2, 1, 0};
  std::vector<Progress> seen;
  const ProgressSink progress = [&](const Progress& p) { seen.push_back(p); };
  const RunClock clock;
  {
    CheckpointWriter checkpoint(dir / "checkpoint.gfc", "hash1", false);
    ModelWriter models(dir / "models");
    ResultCollector collect(tasks, order, state, checkpoint, models, progress, clock);
    const std::atomic<bool> never{false};
    SequentialExecutor(fake_training).run(tasks, order, std::ref(collect), never);
    models.finish({"g", "y", "", {{"x", false, {}}}, "reg:squarederror", {}, 0, {}, {}, {}});
    EXPECT_EQ(checkpoint.added(), 4u);
  }
  EXPECT_TRUE(state.complete());
  EXPECT_TRUE(state.any_failed());
  EXPECT_EQ(state.results[1].warning, kConstantModelWarning);
  EXPECT_TRUE(state.results[3].model_json.empty()) << "the model went to disk, not memory";
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen.back().done, 4u);
  EXPECT_EQ(seen.back().total, 4u);
  EXPECT_EQ(seen.back().failed, 1u);
  const ModelSet set = read_model_set(dir / "models");
  EXPECT_EQ(set.models.size(), 3u) << "one model per ok group";

  // The checkpoint reads back every result; restoring keeps ok ones, not the failed one.
  RunResults restored(tasks.size());
  restore_checkpoint(dir / "checkpoint.gfc", "hash1", restored);
  EXPECT_EQ(restored.restored, 3u);
  EXPECT_FALSE(restored.done[2]) << "a failed group trains again";
  EXPECT_EQ(restored.results[0].scores, (std::vector<double>{0.5, 1.0, 0.25}));
  EXPECT_EQ(restored.results[1].warning, kConstantModelWarning);
  EXPECT_EQ(restored.results[3].model_json, "{\"g\":3}");
  EXPECT_THROW(restore_checkpoint(dir / "checkpoint.gfc", "other", restored), InputError);

  // A torn last frame (a crash mid-write) loses only that frame.
  const auto size = fs::file_size(dir / "checkpoint.gfc");
  fs::resize_file(dir / "checkpoint.gfc", size - 3);
  RunResults torn(tasks.size());
  restore_checkpoint(dir / "checkpoint.gfc", "hash1", torn);
  EXPECT_EQ(torn.restored, 2u) << "the last frame (group 0) was cut";
  EXPECT_LT(torn.checkpoint_bytes, size - 3);
  fs::remove_all(dir);
}

TEST(ResultCollector, UnfinishedGroupsSayTheRunWasInterrupted) {
  const auto tasks = tasks_of(3);
  RunResults state(tasks.size());
  state.done[0] = true;
  state.results[0].status = GroupStatus::Ok;
  EXPECT_FALSE(state.complete());
  state.mark_unfinished(tasks);
  EXPECT_EQ(state.results[0].status, GroupStatus::Ok);
  EXPECT_EQ(state.results[2].status, GroupStatus::Failed);
  EXPECT_NE(state.results[2].message.find("interrupted"), std::string::npos);
}

}  // namespace
}  // namespace groupfit
