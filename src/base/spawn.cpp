// spawn_process: see spawn.hpp.
#include "base/spawn.hpp"

#include <fcntl.h>
#include <spawn.h>

#include <cerrno>
#include <string_view>
#include <system_error>

#include "base/unique_fd.hpp"

extern char** environ;

namespace groupfit {
namespace {

// Highest target descriptor: sources are first copied above it (close-on-exec), so that a
// source which is itself some target is not overwritten by an earlier dup2 before it is read.
int highest_target(const std::vector<std::pair<int, int>>& descriptors) {
  int high = 2;
  for (const auto& [source, target] : descriptors) high = std::max(high, target);
  return high;
}

}  // namespace

pid_t spawn_process(const SpawnRequest& request, const char* what) {
  std::vector<UniqueFd> copies;
  const int high = highest_target(request.descriptors);
  for (const auto& [source, target] : request.descriptors) {
    copies.emplace_back(::fcntl(source, F_DUPFD_CLOEXEC, high + 1));
    if (!copies.back().valid()) throw std::system_error(errno, std::generic_category(), what);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 clears close-on-exec on the target, so only the listed descriptors reach the child.
  for (std::size_t i = 0; i < copies.size(); ++i) {
    posix_spawn_file_actions_adddup2(&actions, copies[i].get(), request.descriptors[i].second);
  }
  for (int fd : request.to_dev_null) {
    posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0);
  }

  std::vector<std::string> args = request.argv;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage = request.extra_env;
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    bool overridden = false;
    for (const auto& extra : request.extra_env) {
      const auto eq = extra.find('=');
      if (entry.substr(0, eq + 1) == std::string_view(extra).substr(0, eq + 1)) overridden = true;
    }
    if (!overridden) envp.push_back(*e);
  }
  envp.push_back(nullptr);

  pid_t pid = -1;
  const int rc = request.search_path ? ::posix_spawnp(&pid, request.program.c_str(), &actions,
                                                      nullptr, argv.data(), envp.data())
                                     : ::posix_spawn(&pid, request.program.c_str(), &actions,
                                                     nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::system_error(rc, std::generic_category(), what);
  return pid;
}

}  // namespace groupfit
