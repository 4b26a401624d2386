// Runs a command in a fresh process and measures what it cost: wall seconds, CPU seconds of the
// process and every descendant it waited for, and peak memory of the whole process tree
// (sampled PSS, which splits shared pages — the workers' shared matrix — among their users, so
// the sum is what the machine really held). What `groupfit bench` records per run, and what
// `groupfit measure` prints for bench/compare.sh and the case-study notebook.
#pragma once

#include <string>
#include <vector>

namespace groupfit {

struct CommandCost {
  int exit_status = -1;
  double wall_seconds = 0;
  double cpu_seconds = 0;
  double peak_mb = 0;
};

// argv[0] is the program to execute (searched in PATH); its stdout goes to /dev/null, and so
// does its stderr unless keep_stderr. Throws InputError when it cannot be started.
CommandCost measure_command(const std::vector<std::string>& argv, bool keep_stderr = false);

}  // namespace groupfit
