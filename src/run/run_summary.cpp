// summarize_run: see run_summary.hpp.
#include "run/run_summary.hpp"

#include <fmt/format.h>

namespace groupfit {

TrainReport summarize_run(const std::vector<GroupTask>& tasks,
                          const std::vector<GroupResult>& results) {
  TrainReport report;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupResult& r = results[i];
    GroupSummary s;
    s.group = tasks[i].key.display();
    s.status = r.status;
    s.message = r.message;
    s.rows = tasks[i].rows;
    s.best_iteration = r.best_iteration;
    s.metrics = r.scores;
    s.warning = r.warning;
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

std::vector<std::string> warning_counts(const std::vector<GroupResult>& results) {
  std::vector<std::string> lines;
  for (std::string_view phrase :
       {kConstantModelWarning, kFirstRoundWarning, kWorseThanConstantWarning}) {
    std::size_t n = 0;
    for (const GroupResult& r : results) {
      n += r.warning.find(phrase) != std::string::npos ? 1 : 0;
    }
    if (n > 0) lines.push_back(fmt::format("{} group{}: {}", n, n == 1 ? "" : "s", phrase));
  }
  return lines;
}

}  // namespace groupfit
