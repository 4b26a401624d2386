// RunResults, restore_checkpoint and ResultCollector: see result_collector.hpp.
#include "run/result_collector.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "groupfit/error.hpp"

namespace groupfit {

bool RunResults::complete() const {
  return std::find(done.begin(), done.end(), false) == done.end();
}

bool RunResults::any_failed() const {
  return std::any_of(results.begin(), results.end(),
                     [](const GroupResult& r) { return r.status == GroupStatus::Failed; });
}

void RunResults::mark_unfinished(const std::vector<GroupTask>& tasks) {
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (done[i]) continue;
    results[i] = GroupResult{};
    results[i].index = tasks[i].index;
    results[i].message = "not trained: the run was interrupted (train again with --resume)";
  }
}

void restore_checkpoint(const std::filesystem::path& path, const std::string& config_hash,
                        RunResults& state) {
  const Checkpoint cp = read_checkpoint(path);
  if (cp.config_hash != config_hash) {
    throw InputError(
        fmt::format("cannot resume: the configuration or input differs from the interrupted run's "
                    "(config hash {} vs {}); use the same input and flags, or another --out",
                    config_hash, cp.config_hash));
  }
  state.checkpoint_bytes = cp.readable_bytes;
  for (const GroupResult& r : cp.results) {
    if (r.index >= state.results.size() || r.status == GroupStatus::Failed) continue;
    if (!state.done[r.index]) ++state.restored;
    state.results[r.index] = r;
    state.done[r.index] = true;
  }
}

ResultCollector::ResultCollector(const std::vector<GroupTask>& tasks,
                                 const std::vector<std::size_t>& order, RunResults& state,
                                 CheckpointWriter& checkpoint, ModelWriter& models,
                                 const ProgressSink& progress, const RunClock& clock)
    : tasks_(tasks),
      state_(state),
      checkpoint_(checkpoint),
      models_(models),
      progress_(progress),
      clock_(clock),
      start_seconds_(clock.seconds()) {
  progress_state_.total = order.size();
  for (std::size_t i : order) cost_ahead_ += tasks[i].cost;
}

void ResultCollector::operator()(GroupResult&& r) {
  const std::size_t i = r.index;
  checkpoint_.add(r);
  if (r.status == GroupStatus::Ok) {
    models_.add(i, tasks_[i].key, r.model_json);
    std::string().swap(r.model_json);
  }
  state_.results[i] = std::move(r);
  state_.done[i] = state_.ran[i] = true;
  Progress& p = progress_state_;
  ++p.done;
  p.failed += state_.results[i].status == GroupStatus::Failed ? 1 : 0;
  cost_done_ += tasks_[i].cost;
  p.elapsed_seconds = clock_.seconds() - start_seconds_;
  p.eta_seconds = cost_done_ > 0 ? p.elapsed_seconds / cost_done_ * (cost_ahead_ - cost_done_) : 0;
  if (progress_) progress_(p);
}

}  // namespace groupfit
