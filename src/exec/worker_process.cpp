// WorkerProcess: see worker_process.hpp.
#include "exec/worker_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

extern char** environ;

namespace groupfit {

WorkerProcess WorkerProcess::spawn(const WorkerLaunch& launch) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    throw std::system_error(errno, std::generic_category(), "socketpair");
  }
  UniqueFd parent_end(pair[0]), child_end(pair[1]);

  // The two descriptors are moved to fds 3 and 4 in the child by dup2, in order: a source that
  // is itself 3 or 4 would be overwritten by the first dup2 before the second reads it (the
  // matrix's memfd was fd 3 in a program with nothing else open, and the worker mapped the
  // socket). Copies above both targets make the order irrelevant.
  const UniqueFd channel_source(::fcntl(child_end.get(), F_DUPFD_CLOEXEC, kWorkerMatrixFd + 1));
  const UniqueFd matrix_source(::fcntl(launch.matrix_fd, F_DUPFD_CLOEXEC, kWorkerMatrixFd + 1));
  if (!channel_source.valid() || !matrix_source.valid()) {
    throw std::system_error(errno, std::generic_category(), "fcntl(F_DUPFD_CLOEXEC)");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 clears close-on-exec on the target, so only these two descriptors reach the worker.
  posix_spawn_file_actions_adddup2(&actions, channel_source.get(), kWorkerChannelFd);
  posix_spawn_file_actions_adddup2(&actions, matrix_source.get(), kWorkerMatrixFd);
  // A worker's stderr goes nowhere: what a library or the C++ runtime prints there as a worker
  // dies (XGBoost out of memory under --worker-memory-limit: "terminate called without an active
  // exception") is not for the user, whose stderr holds groupfit's own lines only; the group's
  // failure says what happened. GROUPFIT_WORKER_STDERR=1 keeps it, for debugging and for the
  // sanitizer builds, whose reports from workers must be seen.
  if (std::getenv("GROUPFIT_WORKER_STDERR") == nullptr) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }

  std::vector<std::string> args = {"groupfit-worker", std::string(kWorkerFlag)};
  if (launch.memory_limit_bytes > 0) {
    args.push_back("--memory-limit");
    args.push_back(std::to_string(launch.memory_limit_bytes));
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage = launch.extra_env;
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    bool overridden = false;
    for (const auto& extra : launch.extra_env) {
      const auto eq = extra.find('=');
      if (entry.substr(0, eq + 1) == std::string_view(extra).substr(0, eq + 1)) overridden = true;
    }
    if (!overridden) envp.push_back(*e);
  }
  envp.push_back(nullptr);

  pid_t pid = -1;
  const int rc =
      ::posix_spawn(&pid, launch.executable.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::system_error(rc, std::generic_category(), "posix_spawn worker");

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
