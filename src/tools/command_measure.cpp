// measure_command: see command_measure.hpp. The sampler walks /proc every 100 ms (this kernel
// has no /proc/PID/task/TID/children), so a run much shorter than that is under-measured.
#include "groupfit/tools.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <thread>

#include "base/run_clock.hpp"
#include "base/spawn.hpp"
#include "groupfit/error.hpp"

namespace groupfit {
namespace {

// Sum of PSS (kB) over `root` and its descendants.
long tree_pss_kb(pid_t root) {
  std::multimap<pid_t, pid_t> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
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
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
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
