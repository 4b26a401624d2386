// MPI ranks as a transport (transport.hpp): the coordinator (rank 0) runs the dispatcher, and
// slot s is rank s + 1, which trains what it is sent (mpi_worker.hpp). Nodes share nothing but
// MPI: by default each task carries its own rows (wire_format.hpp's RowsTask), so a rank needs
// neither the input file nor a copy of the whole matrix, and every row crosses the network once
// in all; with `send_rows` false each rank has read the input itself and gets only row numbers.
//
// A rank cannot be killed or replaced: a rank that dies ends the whole job (MPI's default), and
// the coordinator's checkpoint keeps every finished group for `--resume`. So can_kill() is false
// and --group-timeout is refused with this executor.
#pragma once

#include <string>
#include <vector>

#include "exec/mpi/mpi_world.hpp"
#include "exec/transport.hpp"
#include "plan/feature_matrix.hpp"

namespace groupfit {

class MpiTransport : public Transport {
 public:
  // `data` must outlive the transport; `setup_frame` is the workers' setup (wire_format.hpp),
  // sent to every rank here.
  MpiTransport(MpiWorld& world, const MatrixView& data, std::string setup_frame, bool send_rows);

  std::size_t slots() const override { return static_cast<std::size_t>(world_.size() - 1); }
  void start(std::size_t) override {}  // ranks are there from the job's start
  void send(std::size_t slot, const GroupTask& task) override;
  std::vector<TransportEvent> wait(double seconds) override;
  bool can_kill() const override { return false; }
  std::string kill(std::size_t slot) override;
  void close() override;

  // Bytes sent to the ranks so far (setup and tasks), for run.json.
  std::uint64_t bytes_sent() const { return bytes_sent_; }

 private:
  MpiWorld& world_;
  const MatrixView& data_;
  std::string setup_frame_;
  bool send_rows_;
  std::size_t unanswered_ = 0;  // tasks sent and not answered yet
  std::uint64_t bytes_sent_ = 0;
};

// Tells every training rank that the run is over, however it ended: done, failed before any
// dispatching (a bad input, a busy --out: they would wait for a setup forever) or stopped. A rank
// released before it got a setup learns that no run came (serve_mpi_rank's nullopt).
void release_mpi_ranks(MpiWorld& world);

}  // namespace groupfit
