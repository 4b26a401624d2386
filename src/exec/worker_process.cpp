// WorkerProcess: see worker_process.hpp.
#include "exec/worker_process.hpp"

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include "base/spawn.hpp"

namespace groupfit {

WorkerProcess WorkerProcess::spawn(const WorkerLaunch& launch) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    throw std::system_error(errno, std::generic_category(), "socketpair");
  }
  UniqueFd parent_end(pair[0]), child_end(pair[1]);

  SpawnRequest request;
  request.program = launch.executable;
  request.argv = {"groupfit-worker", std::string(kWorkerFlag)};
  if (launch.memory_limit_bytes > 0) {
    request.argv.push_back("--memory-limit");
    request.argv.push_back(std::to_string(launch.memory_limit_bytes));
  }
  request.descriptors = {{child_end.get(), kWorkerChannelFd}, {launch.matrix_fd, kWorkerMatrixFd}};
  // A worker's stderr goes nowhere: what a library or the C++ runtime prints there as a worker
  // dies (XGBoost out of memory under --worker-memory-limit: "terminate called without an active
  // exception") is not for the user, whose stderr holds groupfit's own lines only; the group's
  // failure says what happened. GROUPFIT_WORKER_STDERR=1 keeps it, for debugging and for the
  // sanitizer builds, whose reports from workers must be seen.
  if (std::getenv("GROUPFIT_WORKER_STDERR") == nullptr) request.to_dev_null = {STDERR_FILENO};
  request.extra_env = launch.extra_env;
  const pid_t pid = spawn_process(request, "posix_spawn worker");

  WorkerProcess w;
  w.pid_ = pid;
  w.channel_ = std::move(parent_end);
  return w;
}

WorkerProcess::WorkerProcess(WorkerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      channel_(std::move(other.channel_)),
      signaled_(other.signaled_) {}

WorkerProcess& WorkerProcess::operator=(WorkerProcess&& other) noexcept {
  std::swap(pid_, other.pid_);
  std::swap(channel_, other.channel_);
  std::swap(signaled_, other.signaled_);
  return *this;
}

WorkerProcess::~WorkerProcess() {
  if (pid_ > 0) {
    kill();
    wait();
  }
}

void WorkerProcess::kill() {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
}

std::string WorkerProcess::wait() {
  channel_.reset();
  if (pid_ <= 0) return "not running";
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFSIGNALED(status)) {
    signaled_ = true;
    const char* abbrev = ::sigabbrev_np(WTERMSIG(status));
    return std::string("killed by SIG") + (abbrev ? abbrev : std::to_string(WTERMSIG(status)));
  }
  return "exited with status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace groupfit
