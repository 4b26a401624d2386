// The second stage of a training run: read the table and plan the groups — features, target and
// weights checked against the objective, groups, splits, one GroupTask per group, and how they
// will execute. Writes nothing: a bad input stops the run here, before --out is touched.
#pragma once

#include <string>
#include <vector>

#include "base/run_clock.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "plan/objective.hpp"
#include "plan/search_space.hpp"
#include "plan/split.hpp"
#include "report/prediction_ids.hpp"
#include "report/run_json.hpp"
#include "run/execution_plan.hpp"
#include "table/table.hpp"

namespace groupfit {

struct PreparedRun {
  TrainConfig config;  // resolved, with num_class set for multi-class
  PredictionIds ids;   // the id column's text for the rows predictions.csv will hold
  FeatureSelection selection;
  ObjectiveInfo objective;
  std::vector<std::string> classes;  // classification: index -> class
  FeatureMatrix matrix;
  std::vector<GroupTask> tasks;
  ExecutionPlan plan;
  // With --search: its dimensions and candidates (plan/search_space.hpp); empty otherwise.
  std::vector<SearchDimension> search_space;
  std::vector<Candidate> candidates;
  // With --fallback global: each skipped group's labeled rows split as a trained group's would
  // be (by task index; empty for the others): the pooled model trains on the first part and is
  // scored for the group on the second.
  std::vector<Split> skipped_splits;
  RunTimings timings;  // read and plan seconds, cores, workers

  MatrixView data() const { return view_of(matrix, selection.features); }
};

// `config` comes from resolve_config; `clock` started with the run.
PreparedRun prepare_run(TrainConfig config, const WarningSink& warn, const RunClock& clock);

}  // namespace groupfit
