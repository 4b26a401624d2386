// The body of a worker process (groupfit/worker.hpp is its public entry): receive the setup,
// map the shared matrix, then train each task received and send its result back, until told to
// stop or the parent goes away. The training function is a parameter so that a test program can
// serve the same protocol with a fake one (the executor contract test).
#pragma once

#include <cstdint>
#include <functional>

#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

using WorkerTrainFunction =
    std::function<GroupResult(const GroupTask&, const MatrixView&, const ModelParams&)>;

// Returns the exit status; throws on a protocol or system error (run_worker reports it).
// An exception from `train` becomes that group's failure.
int serve_worker(std::uint64_t memory_limit_bytes, const WorkerTrainFunction& train);

}  // namespace groupfit
