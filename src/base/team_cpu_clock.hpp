// The CPU seconds of one model's training, measured the same way whatever runs it: the calling
// thread plus the OpenMP threads its parallel regions run on. XGBoost trains on a team of
// `threads` OpenMP threads started from the calling thread; libgomp keeps one pool of threads per
// such starting thread and gives a team of T its first T - 1 pool threads, so a region of T
// threads here reaches exactly the threads that trained. Taking the difference around a training
// gives its CPU time on a worker thread among others (where the process's clock would count the
// neighbours) and with T > 1 (where the thread's own clock would miss the team).
#pragma once

namespace groupfit {

double team_cpu_seconds(int threads);

}  // namespace groupfit
