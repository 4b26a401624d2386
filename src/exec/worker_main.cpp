// run_worker: see worker_main.hpp.
#include "exec/worker_main.hpp"
#include "base/freed_memory.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string_view>

#include "base/run_clock.hpp"
#include "exec/executor.hpp"
#include "exec/fault_injection.hpp"
#include "exec/frame_channel.hpp"
#include "exec/shared_matrix.hpp"
#include "exec/worker_process.hpp"
#include "groupfit/worker.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

// The address space in use now (the shared mapping included), from /proc/self/statm.
std::uint64_t address_space_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

void limit_memory(std::uint64_t extra_bytes) {
  if (extra_bytes == 0) return;
  const rlim_t limit = address_space_bytes() + extra_bytes;
  const rlimit rl{limit, limit};
  ::setrlimit(RLIMIT_AS, &rl);
}

}  // namespace

int serve_worker(std::uint64_t memory_limit_bytes, const WorkerTrainFunction& train) {
  // Die with the parent: a kill -9 of the main process must not leave workers training.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) throw std::runtime_error("the parent process is gone");
  const int channel = kWorkerChannelFd;
  auto first = read_frame(channel);
  if (!first) return 0;  // the parent went away before the setup: nothing to do
  if (first->kind != MessageKind::Setup) throw WireError("expected the setup message");
  const WorkerSetup setup = decode_setup(first->payload);
  const MappedRegion region =
      map_shared_matrix(kWorkerMatrixFd, setup.rows, setup.cols, setup.weights);
  ::close(kWorkerMatrixFd);
  const MatrixView data =
      view_of_shared(region, setup.rows, setup.cols, setup.weights, setup.features);
  limit_memory(memory_limit_bytes);
  const std::atomic<bool> never_stop{false};  // the parent stops a worker by killing it

  while (auto frame = read_frame(channel)) {
    if (frame->kind == MessageKind::Shutdown) break;
    if (frame->kind != MessageKind::Task) throw WireError("expected a task message");
    const GroupTask task = decode_task(frame->payload);
    const GroupResult result = train_measured(
        [&](const GroupTask& t, const std::atomic<bool>&) { return train(t, data, setup.params); },
        task, setup.params.threads_per_model, never_stop);
    write_frame(channel, encode_result(result));
  }
  return 0;
}

bool is_worker_invocation(int argc, char** argv) {
  return argc >= 2 && std::string_view(argv[1]) == kWorkerFlag;
}

int run_worker(int argc, char** argv) {
  return_freed_memory_promptly();
  std::uint64_t memory_limit = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string_view(argv[i]) == "--memory-limit") memory_limit = std::stoull(argv[i + 1]);
  }
  const FaultPlan faults = fault_plan_from_environment();
  try {
    return serve_worker(memory_limit, [&faults](const GroupTask& task, const MatrixView& data,
                                                const ModelParams& params) {
      inject_fault(faults, task.key);
      return train_group(task, data, params);
    });
  } catch (const std::exception& e) {
    // The parent sees the stream end and reports the group; this line says why.
    std::fprintf(stderr, "groupfit: error: worker process: %s\n", e.what());
    return 1;
  }
}

}  // namespace groupfit
