// This process as one rank of an MPI job (`mpirun -n N groupfit train ... --executor mpi`, or
// Slurm's `srun --mpi=pmix`): who we are, who shares our node, and whole messages of bytes to and
// from other ranks. The MPI transport (exec/mpi_transport.hpp) and the ranks' task loop
// (exec/mpi_worker.hpp) are written against this; mpi_world.cpp is the only file that includes
// mpi.h, and a build without OpenMPI links mpi_world_stub.cpp instead, whose every use is a
// InputError saying so.
//
// Sending never blocks: a blocking send of a large message waits until the receiver has posted
// its receive, and the coordinator sending a task's rows to a rank that is itself blocked sending
// a result back deadlocked both (seen here at once with pipelined tasks). send() starts the
// transfer and keeps the bytes until MPI is done with them; receive() moves pending sends along.
//
// Waiting does not spin: OpenMPI's blocking receive polls at full speed by default, which would
// take a core from training on the coordinator's node. receive() probes without blocking and
// sleeps between probes, backing off from 20 µs to 5 ms, so an idle rank costs next to nothing
// and a message waits at most about 5 ms (1 ms cost the coordinator measurably more CPU on the
// skewed bench: 11.7 s against 11.1 s).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

struct MpiMessage {
  int source = 0;
  std::string bytes;
};

class MpiWorld {
 public:
  // The job this process belongs to, MPI initialized on first use and finalized at exit. Throws
  // InputError when the process was not started by an MPI launcher or groupfit was built
  // without MPI.
  static MpiWorld& get();

  int rank() const { return rank_; }
  int size() const { return size_; }
  // Ranks on this node, and whether rank 0 (the coordinator) is one of them.
  int ranks_on_node() const { return ranks_on_node_; }
  bool coordinator_on_node() const { return coordinator_on_node_; }

  // Starts sending `bytes` to rank `to` and returns at once; the bytes are kept until sent.
  void send(int to, std::string bytes);
  // Waits until every send has been delivered (before MPI is finalized).
  void flush();
  // The next message from `from` (any rank when -1), waiting at most `seconds` (forever when
  // negative); nullopt when none came in time.
  std::optional<MpiMessage> receive(int from, double seconds);
  // Ends the whole job: every rank exits with `code`.
  [[noreturn]] void abort(int code);

  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;
  ~MpiWorld();

 private:
  MpiWorld();
  void reap_sends();  // drops the sends MPI has finished with

  struct PendingSend;
  std::vector<std::unique_ptr<PendingSend>> sends_;
  int rank_ = 0;
  int size_ = 1;
  int ranks_on_node_ = 1;
  bool coordinator_on_node_ = true;
};

// Whether an MPI launcher started this process (mpirun's or a PMI/PMIx environment).
bool launched_by_mpi();

}  // namespace groupfit
