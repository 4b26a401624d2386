// Local worker processes as a transport (transport.hpp): each slot is one WorkerProcess
// (worker_process.hpp), started fresh with posix_spawn — never fork() — reading the matrix
// from one shared memory file (shared_matrix.hpp) and exchanging wire frames over a socket pair.
// A worker that dies, or sends anything but the result it owes, is reported as a death; the
// dispatcher decides whether its task is retried.
#pragma once

#include <string>
#include <vector>

#include "base/unique_fd.hpp"
#include "exec/transport.hpp"
#include "exec/worker_process.hpp"

namespace groupfit {

class ProcessTransport : public Transport {
 public:
  // `launch.matrix_fd` is set here, to the shared matrix `setup_frame` describes.
  ProcessTransport(unsigned workers, WorkerLaunch launch, UniqueFd matrix, std::string setup_frame);

  std::size_t slots() const override { return workers_.size(); }
  void start(std::size_t slot) override;
  void send(std::size_t slot, const GroupTask& task) override;
  std::vector<TransportEvent> wait(double seconds) override;
  bool can_kill() const override { return true; }
  std::string kill(std::size_t slot) override;
  void close() override;

 private:
  void lost(std::size_t slot, std::vector<TransportEvent>& events);

  UniqueFd matrix_;
  WorkerLaunch launch_;
  std::string setup_frame_;
  std::vector<WorkerProcess> workers_;
  std::vector<TransportEvent> pending_;  // deaths noticed while sending
};

}  // namespace groupfit
