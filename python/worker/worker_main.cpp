// groupfit-worker: the program the Python module's processes executor starts its workers with.
// A worker must be a fresh program, never a fork of the interpreter (a forked child of a
// process that ran OpenMP with several threads hangs: docs/design.md), and the interpreter
// itself cannot serve `--groupfit-worker`; so this program, installed beside the module, does
// nothing else (groupfit/worker.hpp).
#include <cstdio>

#include "groupfit/worker.hpp"

int main(int argc, char** argv) {
  if (groupfit::is_worker_invocation(argc, argv)) return groupfit::run_worker(argc, argv);
  std::fputs(
      "groupfit-worker: started by the groupfit Python module's processes executor; "
      "not for use by hand\n",
      stderr);
  return 2;
}
