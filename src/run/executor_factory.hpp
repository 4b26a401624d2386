// The executor an ExecutionPlan names, built over the run's matrix and parameters: the one place
// that turns a plan into threads, worker processes or a plain loop.
#pragma once

#include <memory>

#include "exec/executor.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "run/execution_plan.hpp"

namespace groupfit {

// `matrix` and `data` must outlive the executor.
std::unique_ptr<Executor> make_executor(const TrainConfig& config, const ExecutionPlan& plan,
                                        const FeatureMatrix& matrix, const MatrixView& data,
                                        unsigned cores);

}  // namespace groupfit
