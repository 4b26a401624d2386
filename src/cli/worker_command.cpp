// `groupfit __worker`: the hidden mode in which the processes executor starts this same binary
// as a worker (exec'd fresh, never forked; see src/exec/worker_process.hpp). Not for users.
#include "cli/commands.hpp"
#include "exec/worker_main.hpp"

namespace groupfit::cli {

Command add_worker_command(CLI::App& app) {
  auto memory_limit = std::make_shared<std::uint64_t>(0);
  CLI::App* sub = app.add_subcommand("__worker", "internal: a worker process");
  sub->group("");  // hidden from --help
  sub->add_option("--memory-limit", *memory_limit);
  return {sub, [memory_limit] { return run_worker(*memory_limit); }};
}

}  // namespace groupfit::cli
