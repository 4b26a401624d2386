// One worker process: by default the running program itself, started fresh with posix_spawn of
// /proc/self/exe with `--groupfit-worker` (groupfit/worker.hpp) — never a bare fork() of the
// parent: a forked
// child of a process that has already run an OpenMP region with several threads hangs the
// first time it runs one itself (GCC's libgomp; see docs/design.md and the test that shows it).
// The worker talks over a socket pair on its fd 3 and finds the shared matrix on fd 4.
// The owner kills and reaps the child when it goes out of scope: no zombie, no orphan.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/unique_fd.hpp"

namespace groupfit {

inline constexpr std::string_view kWorkerFlag = "--groupfit-worker";
inline constexpr int kWorkerChannelFd = 3;
inline constexpr int kWorkerMatrixFd = 4;

struct WorkerLaunch {
  std::string executable = "/proc/self/exe";
  int matrix_fd = -1;
  std::uint64_t memory_limit_bytes = 0;  // 0: none; else address space beyond the shared matrix
  std::vector<std::string> extra_env;    // NAME=value added to the parent's environment
};

class WorkerProcess {
 public:
  static WorkerProcess spawn(const WorkerLaunch& launch);

  WorkerProcess() = default;
  WorkerProcess(WorkerProcess&&) noexcept;
  WorkerProcess& operator=(WorkerProcess&&) noexcept;
  ~WorkerProcess();

  pid_t pid() const { return pid_; }
  int channel() const { return channel_.get(); }
  void kill();
  // Waits for the process to end and describes how: "exited with status 0", "killed by SIGSEGV".
  std::string wait();
  // True when it ended with a signal (after wait()).
  bool signaled() const { return signaled_; }

 private:
  pid_t pid_ = -1;
  UniqueFd channel_;
  bool signaled_ = false;
};

}  // namespace groupfit
