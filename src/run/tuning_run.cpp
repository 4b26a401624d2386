// tune_groups: see tuning_run.hpp.
#include "run/tuning_run.hpp"

#include <algorithm>
#include <optional>

#include "base/run_clock.hpp"
#include "report/checkpoint.hpp"
#include "run/executor_factory.hpp"

namespace groupfit {
namespace {

// Under auto, the folds are scheduled as groups are (schedule_tasks); otherwise the largest
// first.
std::vector<std::size_t> plan_folds(CvPlan& cv, const std::vector<bool>& done,
                                    const ExecutionPlan& plan, const ModelParams& model,
                                    nlohmann::json& record) {
  std::vector<std::size_t> order;
  if (!plan.calibration) {
    for (std::size_t i : largest_first(cv.tasks)) {
      if (!done[i]) order.push_back(i);
    }
    return order;
  }
  std::vector<std::size_t> ahead;
  std::vector<double> costs;
  for (std::size_t i = 0; i < cv.tasks.size(); ++i) {
    if (done[i]) continue;
    ahead.push_back(i);
    costs.push_back(plan.calibration->seconds(static_cast<double>(cv.tasks[i].rows), model.rounds));
  }
  const unsigned cores = static_cast<unsigned>(std::max(plan.cores, 1));
  const Schedule schedule = schedule_tasks(cv.tasks, ahead, costs, cores, plan.scaling);
  for (const ScheduledTask& item : schedule.order) order.push_back(ahead[item.task]);
  record = {{"expected_makespan_seconds", schedule.makespan},
            {"lower_bound_seconds", schedule.lower_bound},
            {"reason", schedule.reason}};
  return order;
}

// The folds a previous run of the same configuration finished; failed ones train again.
std::optional<Checkpoint> restore_folds(const FoldCheckpointFile& file, std::vector<bool>& done,
                                        std::vector<GroupResult>& results) {
  if (!file.resume || !std::filesystem::exists(file.path)) return std::nullopt;
  Checkpoint cp = read_checkpoint(file.path);
  // The run's own checkpoint was matched already; a fold file of another run starts over.
  if (cp.config_hash != file.config_hash) return std::nullopt;
  for (GroupResult& r : cp.results) {
    if (r.index >= results.size() || r.status == GroupStatus::Failed) continue;
    done[r.index] = true;
    results[r.index] = std::move(r);
  }
  return cp;
}

}  // namespace

TuningStage tune_groups(PreparedRun& run, const FoldCheckpointFile& checkpoint,
                        const ProgressSink& progress, const std::atomic<bool>& stop) {
  const RunClock clock;
  TuningStage stage;
  CvPlan cv = plan_cv(run.tasks, run.candidates, run.config.tuning.cv);
  stage.fold_tasks = cv.tasks.size();
  std::vector<GroupResult> results(cv.tasks.size());
  std::vector<bool> done(cv.tasks.size(), false);
  const std::optional<Checkpoint> restored = restore_folds(checkpoint, done, results);
  stage.folds_restored = static_cast<std::size_t>(std::count(done.begin(), done.end(), true));
  const std::vector<std::size_t> order =
      plan_folds(cv, done, run.plan, run.config.model, stage.plan);
  if (!order.empty()) {
    CheckpointWriter writer(checkpoint.path, checkpoint.config_hash, restored.has_value(),
                            restored ? restored->readable_bytes : 0);
    double cost_total = 0, cost_done = 0;
    for (std::size_t i : order) cost_total += cv.tasks[i].cost;
    Progress p;
    p.total = order.size();
    p.tuning = true;
    const auto on_result = [&](GroupResult&& r) {
      writer.add(r);
      ++p.done;
      p.failed += r.status == GroupStatus::Failed ? 1 : 0;
      cost_done += cv.tasks[r.index].cost;
      p.elapsed_seconds = clock.seconds();
      p.eta_seconds = p.elapsed_seconds / cost_done * (cost_total - cost_done);
      results[r.index] = std::move(r);
      if (progress) progress(p);
    };
    const MatrixView data = run.data();
    make_executor(run.config, run.plan, run.matrix, data, run.timings.cores)
        ->run(cv.tasks, order, on_result, stop);
  }
  for (const GroupResult& r : results) {
    stage.fold_train_seconds += r.train_seconds;
    stage.longest_fold_seconds = std::max(stage.longest_fold_seconds, r.train_seconds);
  }
  stage.outcome =
      choose_candidates(cv, run.candidates.size(), results, primary_metric(run.objective));
  for (std::size_t g = 0; g < run.tasks.size(); ++g) {
    const int chosen = stage.outcome.chosen[g];
    if (chosen >= 0) run.tasks[g].booster_params = run.candidates[chosen].booster;
  }
  stage.seconds = clock.seconds();
  return stage;
}

}  // namespace groupfit
