// main() of both test programs. Started with `--groupfit-worker` it is a worker process of the
// processes executor (groupfit/worker.hpp) whose training function is a fake: the executor
// contract test runs the processes executor with this program as its worker. A task's group
// named "throw" fails with "boom"; one named "spin2" spins 0.1 s of CPU on each of 2 OpenMP
// threads (exec/team_spin.hpp); every other task takes 5 ms (as real training takes time,
// so results arrive while tasks are still being handed out) and reports score index * 2.
// Started by mpirun, every rank but 0 is a training rank with the same fake training.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "exec/mpi/mpi_world.hpp"
#include "exec/mpi_transport.hpp"
#include "exec/mpi_worker.hpp"
#include "exec/team_spin.hpp"
#include "exec/worker_main.hpp"
#include "groupfit/worker.hpp"

namespace {

groupfit::GroupResult fake_training(const groupfit::GroupTask& task) {
  if (task.key.text == "throw") throw std::runtime_error("boom");
  if (task.key.text == "spin2") groupfit::spin_team(2, 0.1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  groupfit::GroupResult r;
  r.index = task.index;
  r.status = groupfit::GroupStatus::Ok;
  r.scores = {task.index * 2.0};
  return r;
}

int serve_fake_worker() {
  try {
    return groupfit::serve_worker(0,
                                  [](const groupfit::GroupTask& task, const groupfit::MatrixView&,
                                     const groupfit::ModelParams&) { return fake_training(task); });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fake worker: %s\n", e.what());
    return 1;
  }
}

// A training rank under mpirun (the MPI executor's contract test, tests/CMakeLists): serves one
// run after another until rank 0 releases it with no run (tests/exec/mpi_contract.hpp).
int serve_fake_rank(groupfit::MpiWorld& world) {
  const std::atomic<bool> never{false};
  try {
    while (groupfit::serve_mpi_rank(
        world, nullptr, 2,
        [](const groupfit::GroupTask& task, const groupfit::MatrixView&,
           const groupfit::ModelParams&, const std::atomic<bool>&) { return fake_training(task); },
        never)) {
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fake rank: %s\n", e.what());
    world.abort(1);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (groupfit::is_worker_invocation(argc, argv)) return serve_fake_worker();
  if (groupfit::launched_by_mpi() && groupfit::MpiWorld::get().rank() > 0) {
    return serve_fake_rank(groupfit::MpiWorld::get());
  }
  ::testing::InitGoogleTest(&argc, argv);
  const int status = RUN_ALL_TESTS();
  if (groupfit::launched_by_mpi()) groupfit::release_mpi_ranks(groupfit::MpiWorld::get());
  return status;
}
