// measure_command: see command_measure.hpp. The sampler walks /proc every 100 ms (this kernel
// has no /proc/PID/task/TID/children), so a run much shorter than that is under-measured.
#include "groupfit/tools.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <system_error>
#include <thread>

#include "base/run_clock.hpp"
#include "base/spawn.hpp"
#include "base/unique_fd.hpp"
#include "groupfit/error.hpp"

namespace groupfit {
namespace {

// The text of a /proc file, or "" when it cannot be read. A process may exit between listing
// /proc and reading its files, and reading then fails with ESRCH: std::filebuf throws on that
// (basic_filebuf::underflow), which killed a measured run in the sampler thread.
std::string proc_text(const std::string& path) {
  const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return {};
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {};
    if (n == 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

// Sum of PSS (kB) over `root` and its descendants.
long tree_pss_kb(pid_t root) {
  std::multimap<pid_t, pid_t> children;
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/proc", ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string text = proc_text(it->path() / "stat");
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(text.substr(close + 2));
    std::string state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    children.emplace(ppid, static_cast<pid_t>(std::stol(name)));
  }
  long total = 0;
  std::vector<pid_t> stack = {root};
  while (!stack.empty()) {
    const pid_t pid = stack.back();
    stack.pop_back();
    auto [from, to] = children.equal_range(pid);
    for (auto it = from; it != to; ++it) stack.push_back(it->second);
    std::istringstream rollup(proc_text("/proc/" + std::to_string(pid) + "/smaps_rollup"));
    for (std::string line; std::getline(rollup, line);) {
      if (line.rfind("Pss:", 0) == 0) {
        total += std::stol(line.substr(4));
        break;
      }
    }
  }
  return total;
}

}  // namespace

CommandCost measure_command(const std::vector<std::string>& argv, bool keep_stderr) {
  SpawnRequest request;
  request.program = argv.at(0);
  request.search_path = true;
  request.argv = argv;
  request.to_dev_null = {STDOUT_FILENO};
  if (!keep_stderr) request.to_dev_null.push_back(STDERR_FILENO);
  RunClock clock;
  pid_t pid = -1;
  try {
    pid = spawn_process(request, "posix_spawn");
  } catch (const std::system_error& e) {
    throw InputError(fmt::format("cannot run '{}': {}", argv[0], e.code().message()));
  }

  std::atomic<bool> done{false};
  std::atomic<long> peak_kb{0};
  std::thread sampler([&] {
    while (!done) {
      peak_kb = std::max(peak_kb.load(), tree_pss_kb(pid));
      for (int i = 0; i < 10 && !done; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  CommandCost cost;
  cost.wall_seconds = clock.seconds();
  done = true;
  sampler.join();
  cost.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  cost.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  cost.peak_mb = static_cast<double>(peak_kb.load()) / 1024.0;
  return cost;
}

}  // namespace groupfit
