// Starting a program in a fresh process with posix_spawn — never fork(): a forked child of a
// process that ran OpenMP with several threads hangs (docs/design.md). One function for the
// worker processes and for `groupfit measure`, so descriptors, /dev/null redirections and the
// environment are handled one way.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace groupfit {

struct SpawnRequest {
  std::string program;  // a path, or a name searched in PATH when search_path
  bool search_path = false;
  std::vector<std::string> argv;  // argv[0] included
  // (source, target): `source` becomes the child's descriptor `target`. Sources may be any
  // descriptor, targets included (they are copied out of the way first).
  std::vector<std::pair<int, int>> descriptors;
  std::vector<int> to_dev_null;        // descriptors (1, 2) the child gets as /dev/null
  std::vector<std::string> extra_env;  // NAME=value, added to (or replacing in) this environment
};

// The child's pid; throws std::system_error naming `what` when it cannot be started.
pid_t spawn_process(const SpawnRequest& request, const char* what);

}  // namespace groupfit
