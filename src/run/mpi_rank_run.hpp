// What `groupfit train --executor mpi` does on every rank but 0: train the tasks the coordinator
// sends until it says the run is over (exec/mpi_worker.hpp). Such a rank reads no input (unless
// --mpi-ranks-read asks it to) and writes nothing: --out belongs to the coordinator alone, so the
// lock, the checkpoint, atomic publishing and --resume work as with any other executor.
#pragma once

#include "exec/mpi/mpi_world.hpp"
#include "groupfit/groupfit.hpp"

namespace groupfit {

// `config` comes from resolve_config. Returns a report that holds only the rank's number.
TrainReport train_as_mpi_rank(const TrainConfig& config, MpiWorld& world);

// On rank 0 of an MPI run: the ranks are released when this goes out of scope, however the run
// ends (exec/mpi_transport.hpp's release_mpi_ranks).
class MpiRanksRelease {
 public:
  explicit MpiRanksRelease(MpiWorld& world) : world_(world) {}
  ~MpiRanksRelease();
  MpiRanksRelease(const MpiRanksRelease&) = delete;
  MpiRanksRelease& operator=(const MpiRanksRelease&) = delete;

 private:
  MpiWorld& world_;
};

}  // namespace groupfit
