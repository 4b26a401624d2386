// Training one group: a pure function from its task, the shared read-only matrix and the
// hyperparameters to a GroupResult. No I/O, no globals, no knowledge of who calls it, so any
// number may run at once in threads or processes. Every XGBoost handle lives and dies inside
// one call, on the calling thread (XGBoost 1.7 keeps per-thread state; see docs/design.md).
#pragma once

#include <atomic>
#include <vector>

#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

// Where one training's time went: the calibration's measure of what a round costs apart from
// what a training costs once.
struct TrainTiming {
  std::vector<double> round_seconds;  // each boosting round: update and evaluation
  double after_rounds_seconds = 0;    // slicing, predicting, the model's JSON: grows with trees
};

// Never throws: an error inside becomes status Failed with the message. When `stop` turns true
// during training, returns at once with `interrupted` set. `timing`, when given, is filled in.
GroupResult train_group(const GroupTask& task, const MatrixView& data, const ModelParams& params,
                        const std::atomic<bool>* stop = nullptr, TrainTiming* timing = nullptr);

}  // namespace groupfit
