// plan_cv and choose_candidates: see cv_plan.hpp.
#include "plan/cv_plan.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace groupfit {

CvPlan plan_cv(const std::vector<GroupTask>& groups, const std::vector<Candidate>& candidates,
               int folds) {
  CvPlan cv;
  cv.folds.assign(groups.size(), 0);
  cv.notes.assign(groups.size(), "");
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupTask& group = groups[g];
    if (!group.trainable()) continue;
    const std::size_t n = group.train_rows.size();
    const int k = static_cast<int>(std::min<std::size_t>(folds, n / kMinFoldRows));
    if (k < 2) {
      cv.notes[g] = fmt::format(
          "not tuned: {} training rows are too few for 2 folds of {}; the run's parameters", n,
          kMinFoldRows);
      continue;
    }
    if (k < folds) {
      cv.notes[g] = fmt::format("tuned on {} folds instead of {} ({} training rows)", k, folds, n);
    }
    cv.folds[g] = k;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      for (int f = 0; f < k; ++f) {
        GroupTask task;
        task.index = static_cast<std::uint32_t>(cv.tasks.size());
        task.key = group.key;
        task.rows = n;
        for (std::size_t i = 0; i < n; ++i) {
          (static_cast<int>(i % static_cast<std::size_t>(k)) == f ? task.valid_rows
                                                                  : task.train_rows)
              .push_back(group.train_rows[i]);
        }
        task.booster_params = candidates[c].booster;
        task.score_only = true;
        task.cost = static_cast<double>(task.train_rows.size() + task.valid_rows.size());
        cv.tasks.push_back(std::move(task));
        cv.refs.push_back({g, c, f});
      }
    }
  }
  return cv;
}

TuningOutcome choose_candidates(const CvPlan& cv, std::size_t candidates,
                                const std::vector<GroupResult>& results, std::size_t metric) {
  const std::size_t groups = cv.folds.size();
  TuningOutcome out;
  out.chosen.assign(groups, -1);
  out.notes = cv.notes;
  out.fold_scores.resize(groups);
  out.fold_best_iterations.resize(groups);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t g = 0; g < groups; ++g) {
    if (cv.folds[g] == 0) continue;
    out.fold_scores[g].assign(candidates, std::vector<double>(cv.folds[g], kNaN));
    out.fold_best_iterations[g].assign(candidates, std::vector<int>(cv.folds[g], -1));
  }
  for (std::size_t i = 0; i < cv.refs.size(); ++i) {
    const CvTaskRef& ref = cv.refs[i];
    const GroupResult& r = results[i];
    if (r.status != GroupStatus::Ok || r.scores.size() <= metric) continue;
    out.fold_scores[ref.group][ref.candidate][ref.fold] = r.scores[metric];
    out.fold_best_iterations[ref.group][ref.candidate][ref.fold] = r.best_iteration;
  }
  for (std::size_t g = 0; g < groups; ++g) {
    if (cv.folds[g] == 0) continue;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < candidates; ++c) {
      double sum = 0;
      bool complete = true;
      for (double s : out.fold_scores[g][c]) {
        complete = complete && std::isfinite(s);
        sum += s;
      }
      if (complete && sum / cv.folds[g] < best) {
        best = sum / cv.folds[g];
        out.chosen[g] = static_cast<int>(c);
      }
    }
    if (out.chosen[g] < 0) {
      const std::string note = "not tuned: every candidate failed a fold; the run's parameters";
      out.notes[g] = out.notes[g].empty() ? note : out.notes[g] + "; " + note;
    }
  }
  return out;
}

}  // namespace groupfit
