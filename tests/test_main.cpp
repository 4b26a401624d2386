// main() of both test programs. Started with `--groupfit-worker` it is a worker process of the
// processes executor (groupfit/worker.hpp) whose training function is a fake: the executor
// contract test runs the processes executor with this program as its worker. A task's group
// named "throw" fails with "boom"; every other task takes 5 ms (as real training takes time,
// so results arrive while tasks are still being handed out) and reports score index * 2.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "exec/worker_main.hpp"
#include "groupfit/worker.hpp"

namespace {

int serve_fake_worker() {
  try {
    return groupfit::serve_worker(0, [](const groupfit::GroupTask& task,
                                        const groupfit::MatrixView&, const groupfit::ModelParams&) {
      if (task.key.text == "throw") throw std::runtime_error("boom");
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      groupfit::GroupResult r;
      r.index = task.index;
      r.status = groupfit::GroupStatus::Ok;
      r.scores = {task.index * 2.0};
      return r;
    });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fake worker: %s\n", e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (groupfit::is_worker_invocation(argc, argv)) return serve_fake_worker();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
