// summarize_run: see run_summary.hpp.
#include "run/run_summary.hpp"

namespace groupfit {

TrainReport summarize_run(const std::vector<GroupTask>& tasks,
                          const std::vector<GroupResult>& results) {
  TrainReport report;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupResult& r = results[i];
    GroupSummary s;
    s.group = tasks[i].key.display();
    s.status = std::string(to_string(r.status));
    s.message = r.message;
    s.rows = tasks[i].rows;
    s.best_iteration = r.best_iteration;
    s.rmse = r.rmse;
    s.r2 = r.r2;
    s.seconds = r.train_seconds;
    report.groups.push_back(std::move(s));
    switch (r.status) {
      case GroupStatus::Ok:
        ++report.ok;
        break;
      case GroupStatus::Skipped:
        ++report.skipped;
        break;
      case GroupStatus::Failed:
        ++report.failed;
        break;
    }
  }
  return report;
}

}  // namespace groupfit
