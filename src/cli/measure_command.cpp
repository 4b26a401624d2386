// `groupfit measure COMMAND [ARGS...]`: runs a command and prints one line of JSON with what it
// cost — wall seconds, CPU seconds of it and its descendants, peak memory of the process tree
// (PSS) and its exit status. The one measurement that `groupfit bench`, bench/compare.sh and
// the case-study notebook share, so that their numbers can be set side by side.
#include <fmt/format.h>

#include "commands.hpp"
#include "groupfit/error.hpp"
#include "groupfit/tools.hpp"

namespace groupfit::cli {

Command add_measure_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "measure", "Run a command; print its wall time, CPU time and peak memory as JSON");
  sub->prefix_command();  // everything after `measure` is the command, flags included
  return {sub, [sub] {
            const std::vector<std::string> argv = sub->remaining();
            if (argv.empty()) throw InputError("measure: give a command to run");
            const CommandCost cost = measure_command(argv, /*keep_stderr=*/true);
            fmt::print(
                "{{\"wall_seconds\": {:.3f}, \"cpu_seconds\": {:.3f}, \"peak_pss_mb\": {:.1f}, "
                "\"exit_status\": {}}}\n",
                cost.wall_seconds, cost.cpu_seconds, cost.peak_mb, cost.exit_status);
            return kExitOk;
          }};
}

}  // namespace groupfit::cli
