// run_worker: see worker_main.hpp.
#include "exec/worker_main.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <new>

#include "exec/fault_injection.hpp"
#include "exec/frame_channel.hpp"
#include "exec/run_clock.hpp"
#include "exec/shared_matrix.hpp"
#include "exec/worker_process.hpp"
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

int run_worker(std::uint64_t memory_limit_bytes) {
  // Die with the parent: a kill -9 of the main process must not leave workers training.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) return 1;
  const int channel = kWorkerChannelFd;
  try {
    auto first = read_frame(channel);
    if (!first || first->kind != MessageKind::Setup) return 1;
    const WorkerSetup setup = decode_setup(first->payload);
    const MappedRegion region =
        map_shared_matrix(kWorkerMatrixFd, setup.rows, setup.cols, setup.weights);
    ::close(kWorkerMatrixFd);
    const MatrixView data =
        view_of_shared(region, setup.rows, setup.cols, setup.weights, setup.features);
    limit_memory(memory_limit_bytes);
    const FaultPlan faults = fault_plan_from_environment();

    while (auto frame = read_frame(channel)) {
      if (frame->kind == MessageKind::Shutdown) break;
      if (frame->kind != MessageKind::Task) return 1;
      const GroupTask task = decode_task(frame->payload);
      const double cpu_start = process_cpu_seconds();
      GroupResult result;
      try {
        inject_fault(faults, task.key);
        result = train_group(task, data, setup.params);
      } catch (const std::bad_alloc&) {
        result = GroupResult{};
        result.index = task.index;
        result.status = GroupStatus::Failed;
        result.message = "out of memory (--worker-memory-limit)";
      }
      if (result.status == GroupStatus::Failed &&
          result.message.find("bad_alloc") != std::string::npos) {
        result.message = "out of memory (--worker-memory-limit)";
      }
      result.cpu_seconds = process_cpu_seconds() - cpu_start;
      write_frame(channel, encode_result(result));
    }
    return 0;
  } catch (const std::exception&) {
    return 1;  // the parent sees the stream end and reports the group
  }
}

}  // namespace groupfit
