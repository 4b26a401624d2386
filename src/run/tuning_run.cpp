// tune_groups: see tuning_run.hpp.
#include "run/tuning_run.hpp"

#include <algorithm>

#include "base/run_clock.hpp"
#include "run/executor_factory.hpp"

namespace groupfit {

TuningStage tune_groups(PreparedRun& run, const ProgressSink& progress,
                        const std::atomic<bool>& stop) {
  const RunClock clock;
  TuningStage stage;
  const CvPlan cv = plan_cv(run.tasks, run.candidates, run.config.tuning.cv);
  stage.fold_tasks = cv.tasks.size();
  std::vector<GroupResult> results(cv.tasks.size());
  if (!cv.tasks.empty()) {
    double cost_total = 0, cost_done = 0;
    for (const GroupTask& t : cv.tasks) cost_total += t.cost;
    Progress p;
    p.total = cv.tasks.size();
    p.tuning = true;
    const auto on_result = [&](GroupResult&& r) {
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
        ->run(cv.tasks, largest_first(cv.tasks), on_result, stop);
    for (const GroupResult& r : results) {
      stage.fold_train_seconds += r.train_seconds;
      stage.longest_fold_seconds = std::max(stage.longest_fold_seconds, r.train_seconds);
    }
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
