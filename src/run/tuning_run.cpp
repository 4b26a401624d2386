// tune_groups: see tuning_run.hpp.
#include "run/tuning_run.hpp"

#include "base/run_clock.hpp"
#include "run/executor_factory.hpp"

namespace groupfit {

TuningStage tune_groups(PreparedRun& run, const std::atomic<bool>& stop) {
  const RunClock clock;
  TuningStage stage;
  const CvPlan cv = plan_cv(run.tasks, run.candidates, run.config.tuning.cv);
  stage.fold_tasks = cv.tasks.size();
  std::vector<GroupResult> results(cv.tasks.size());
  if (!cv.tasks.empty()) {
    const MatrixView data = run.data();
    make_executor(run.config, run.plan, run.matrix, data, run.timings.cores)
        ->run(
            cv.tasks, largest_first(cv.tasks),
            [&results](GroupResult&& r) { results[r.index] = std::move(r); }, stop);
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
