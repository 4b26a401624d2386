// The body of a training rank of `--executor mpi` (every rank but 0): receive the setup from the
// coordinator, then train each task received and send its result back, until the shutdown.
// A task carries its own rows (RowsTask) or names rows of `local`, the matrix this rank built
// from the input itself. Each rank trains with its own threads per model, planned for its node
// (the coordinator cannot see other machines' cores); results do not depend on it (XGBoost's
// hist gives identical models for any thread count).
#pragma once

#include <optional>

#include "exec/executor.hpp"
#include "exec/mpi/mpi_world.hpp"
#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"

namespace groupfit {

// Trains one task on the rows the rank has for it, with the coordinator's parameters (their
// threads per model replaced by the rank's own).
using RankTrainFunction = std::function<GroupResult(const GroupTask&, const MatrixView&,
                                                    const ModelParams&, const std::atomic<bool>&)>;

// One run: `local` may be null when every task carries its rows. Returns the number of tasks
// trained, or nullopt when the coordinator released the rank before a run began.
// `stop` (SIGINT, which mpirun forwards to every rank) ends a training early; the coordinator
// drops what it sends then.
std::optional<std::size_t> serve_mpi_rank(MpiWorld& world, const FeatureMatrix* local,
                                          int threads_per_model, const RankTrainFunction& train,
                                          const std::atomic<bool>& stop);

// Threads per model for a training rank on this node: its share of the cores it may use among
// the training ranks placed on the node.
int rank_threads_per_model(const MpiWorld& world, unsigned cores);

}  // namespace groupfit
