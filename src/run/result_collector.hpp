// The bookkeeping of a training run's results, apart from who computes them: RunResults holds
// every group's result and whether it is done (taken from a checkpoint, skipped or trained);
// ResultCollector is what an executor hands each finished group to — its checkpoint frame is
// appended, its model streamed to models/ (10,000 models held until the end would not fit in
// memory), its slot filled and progress reported. Unit-testable with a fake executor.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/run_clock.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/group_task.hpp"
#include "report/checkpoint.hpp"
#include "report/model_store.hpp"
#include "train/group_result.hpp"

namespace groupfit {

struct RunResults {
  explicit RunResults(std::size_t groups) : results(groups), done(groups), ran(groups) {}

  std::vector<GroupResult> results;    // results[i] belongs to tasks[i]
  std::vector<bool> done;              // has its result
  std::vector<bool> ran;               // trained by this run (for the trace)
  std::size_t restored = 0;            // groups taken from the checkpoint
  std::uint64_t checkpoint_bytes = 0;  // the checkpoint's readable part, where this run appends

  bool complete() const;
  bool any_failed() const;
  // Gives every group not done a result saying the run was interrupted.
  void mark_unfinished(const std::vector<GroupTask>& tasks);
};

// Takes the ok and skipped groups of the checkpoint at `path` (failed ones train again);
// InputError when it belongs to another configuration or input.
void restore_checkpoint(const std::filesystem::path& path, const std::string& config_hash,
                        RunResults& state);

class ResultCollector {
 public:
  // `order` lists the tasks this run will train (for progress and its estimate).
  ResultCollector(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
                  RunResults& state, CheckpointWriter& checkpoint, ModelWriter& models,
                  const ProgressSink& progress, const RunClock& clock);

  void operator()(GroupResult&& result);

 private:
  const std::vector<GroupTask>& tasks_;
  RunResults& state_;
  CheckpointWriter& checkpoint_;
  ModelWriter& models_;
  const ProgressSink& progress_;
  const RunClock& clock_;
  Progress progress_state_;
  double start_seconds_ = 0;
  double cost_ahead_ = 0;
  double cost_done_ = 0;
};

}  // namespace groupfit
