// The worker side of the processes executor, for any program that trains through this library.
// Worker processes are started by executing a program anew — never by fork(), since a forked
// child of a process that ran OpenMP with several threads hangs (docs/design.md) — with the
// arguments `--groupfit-worker ...`. By default that program is the running one
// (TrainConfig::worker_executable, "/proc/self/exe"), so every program that may train with
// `executor = processes` (or `auto`, which can choose it) hands its arguments over first thing:
//
//     int main(int argc, char** argv) {
//       if (groupfit::is_worker_invocation(argc, argv)) return groupfit::run_worker(argc, argv);
//       ...
//     }
//
// The `groupfit` program does; a test binary or a language binding does the same, or names in
// worker_executable a program that does.
#pragma once

namespace groupfit {

// True when the arguments are a worker's (argv[1] is "--groupfit-worker").
bool is_worker_invocation(int argc, char** argv);

// Runs the worker until its parent says stop or goes away; returns the process's exit status.
// Prints one line on stderr when it cannot start (a worker started by hand, say).
int run_worker(int argc, char** argv);

}  // namespace groupfit
