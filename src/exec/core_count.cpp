// available_cores: see core_count.hpp. Reads cgroup v2 (cpu.max) and v1 (cfs_quota_us).
#include "exec/core_count.hpp"

#include <sched.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <thread>

namespace groupfit {
namespace {

// The cgroup's CPU limit in cores (rounded up), or 0 when there is none.
unsigned cgroup_core_limit() {
  std::ifstream v2("/sys/fs/cgroup/cpu.max");
  std::string quota;
  double period = 0;
  if (v2 >> quota >> period && quota != "max" && period > 0) {
    return static_cast<unsigned>(std::ceil(std::stod(quota) / period));
  }
  std::ifstream q1("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
  std::ifstream p1("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
  double q = 0;
  if (q1 >> q && p1 >> period && q > 0 && period > 0) {
    return static_cast<unsigned>(std::ceil(q / period));
  }
  return 0;
}

}  // namespace

unsigned available_cores() {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    cores = std::max(1, CPU_COUNT(&set));
  }
  if (unsigned limit = cgroup_core_limit(); limit > 0) cores = std::min(cores, limit);
  return std::max(1u, cores);
}

}  // namespace groupfit
