// train_as_mpi_rank and MpiRanksRelease: see mpi_rank_run.hpp.
#include "run/mpi_rank_run.hpp"

#include <optional>

#include "exec/core_count.hpp"
#include "exec/fault_injection.hpp"
#include "exec/mpi_transport.hpp"
#include "exec/mpi_worker.hpp"
#include "run/prepared_run.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {

TrainReport train_as_mpi_rank(const TrainConfig& config, MpiWorld& world) {
  // An explicit --threads-per-model above 1 wins; otherwise the rank's share of its node.
  const int threads = config.model.threads_per_model > 1
                          ? config.model.threads_per_model
                          : rank_threads_per_model(world, available_cores());
  const std::atomic<bool> never_stop{false};
  // GROUPFIT_TEST_FAULT reaches ranks as it reaches worker processes: the tests kill one.
  const FaultPlan faults = fault_plan_from_environment();
  // With --mpi-ranks-read the rank builds rank 0's matrix itself, by the same code from the
  // same file (planning without auto calibrates nothing); its warnings are rank 0's to print.
  std::optional<PreparedRun> own;
  if (config.exec.mpi_ranks_read) {
    own.emplace(prepare_run(
        config, [](const std::string&) {}, RunClock()));
  }
  serve_mpi_rank(
      world, own ? &own->matrix : nullptr, threads,
      [&faults](const GroupTask& task, const MatrixView& data, const ModelParams& params,
                const std::atomic<bool>& stop) {
        inject_fault(faults, task.key);
        return train_group(task, data, params, &stop);
      },
      config.stop ? *config.stop : never_stop);
  TrainReport report;
  report.mpi_rank = world.rank();
  return report;
}

MpiRanksRelease::~MpiRanksRelease() {
  try {
    release_mpi_ranks(world_);
  } catch (const std::exception&) {
    // MPI itself failed: the job is ending anyway, with the error that got us here.
  }
}

}  // namespace groupfit
