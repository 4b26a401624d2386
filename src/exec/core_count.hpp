// How many cores this process may really use. Not the machine's total: the CPU affinity mask
// (taskset, cpusets) and the cgroup CPU quota (containers) can both allow fewer, and giving a
// model more threads than that slows it down many times over (see docs/design.md).
#pragma once

namespace groupfit {

// min(cores in the affinity mask, ceil(cgroup quota / period)), at least 1.
unsigned available_cores();

}  // namespace groupfit
