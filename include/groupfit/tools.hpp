// groupfit's tools, on top of the library (the target groupfit_tools): a synthetic table shaped
// like the reference workload (`groupfit gen`), the measurement of a command's cost (`groupfit
// measure`) and the benchmark of executors (`groupfit bench`). They are for demos, tests and
// benchmarks; training needs none of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"

namespace groupfit {

// Writes a synthetic table shaped like the reference workload: an id column
// (SamplingOperations_code), a group column (Region) with skewed group sizes and a few empty
// values, a numeric target (IBD) empty in ~10% of rows, six numeric features with missing values
// and two text features. The target is a different learnable function in each region, so trained
// models have something to find. The same seed gives the same bytes on any platform, and the
// table is streamed in constant memory at any size: it is what demos, tests and benchmarks train
// on, since the reference data cannot be shipped.
struct GeneratorOptions {
  std::uint64_t rows = 100000;
  std::uint64_t seed = 42;
  std::size_t groups = 12;           // regions, besides the rows with no region
  double skew = 1.0;                 // 0: equal sizes; 1: largest ~300x the smallest (12 groups)
  double unlabeled_fraction = 0.10;  // rows with an empty target
  double missing_group_fraction = 0.002;  // rows with an empty region
};

// Writes the header `SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,
// year,month,habitat,substrate` and `options.rows` rows. No field ever needs quoting. With the
// same seed and shape, a longer table starts with the rows of a shorter one, and the fractions
// change only which fields are blanked, never the values. Throws InputError for options that
// make no table (no rows, no groups, a skew or fraction out of range) and OutputError when
// `out` fails.
void generate_table(std::ostream& out, const GeneratorOptions& options);

// The same into a file, written to a temporary name and renamed into place when complete.
void generate_table_file(const std::string& path, const GeneratorOptions& options);

// Runs a command in a fresh process and measures what it cost: wall seconds, CPU seconds of the
// process and every descendant it waited for, and peak memory of the whole process tree
// (sampled PSS, which splits shared pages — the workers' shared matrix — among their users, so
// the sum is what the machine really held). What `groupfit bench` records per run, and what
// `groupfit measure` prints for bench/compare.sh and the case-study notebook.
struct CommandCost {
  int exit_status = -1;
  double wall_seconds = 0;
  double cpu_seconds = 0;
  double peak_mb = 0;
};

// argv[0] is the program to execute (searched in PATH); its stdout goes to /dev/null, and so
// does its stderr unless keep_stderr. Throws InputError when it cannot be started.
CommandCost measure_command(const std::vector<std::string>& argv, bool keep_stderr = false);

// The share of rows each of `groups` groups gets in generate_table's tables with this skew
// (before the few rows with no group): 1 / (g + 1)^(2.3 x skew), normalized.
std::vector<double> group_shares(std::size_t groups, double skew);

// The auto plan simulated on clusters that are not here (`groupfit simulate`): a workload shaped
// like generate_table's (rows, groups, skew), a cost model of one training, and a network.
struct ClusterSimulationConfig {
  std::uint64_t rows = 10000000;
  std::size_t groups = 100000;
  double skew = 1.0;
  int rounds = 300;
  std::vector<unsigned> nodes = {4, 16, 64};
  unsigned cores_per_node = 32;
  // One training on one thread: once_seconds + rounds x (round_seconds + rows x row_seconds).
  // Defaults measured on this machine (README, "Across machines").
  double once_seconds = 5e-3;
  double round_seconds = 0.3e-3;
  double row_seconds = 0.2e-6;
  double speedup_2_threads = 1.5;  // and the same gain for every doubling
  double bytes_per_row = 44;       // 10 features and the label, 4 bytes each
  double latency_seconds = 50e-6;
  double bytes_per_second = 1.25e9;
  double result_seconds = 0.2e-3;  // the coordinator's work per result
  // Tuning (--search, --cv): every (group, candidate, fold) a task on the group's training rows
  // (valid_fraction kept out), before the groups train. cv 0: no tuning.
  int candidates = 6;
  int cv = 0;
  double valid_fraction = 0.2;
};

// One Markdown table row per node count: makespan, lower bound, efficiency, link and
// coordinator busy time, and what bounds the run.
std::string simulate_clusters(const ClusterSimulationConfig& config);

struct BenchConfig {
  std::string input;
  std::string group_column;
  std::string target_column;
  std::string id_column;
  int rounds = 300;
  int runs = 3;                            // runs of each configuration, alternating
  std::string out_dir = "bench-out";       // bench.csv, bench.md and each run's outputs
  std::vector<std::string> params;         // name=value, passed to every training run
  std::vector<unsigned> simulate_cores;    // also simulate the auto plan on these core counts
  std::string program = "/proc/self/exe";  // the groupfit binary that trains
};

struct BenchRow {
  std::string configuration;
  std::size_t runs = 0;
  double wall_median = 0, wall_min = 0, wall_max = 0;
  double cpu_median = 0;
  double peak_mb_median = 0;
  double efficiency = 0;  // lower bound / median wall time
  std::size_t failed_runs = 0;
};

struct SimulatedRow {
  unsigned cores = 0;
  double makespan_seconds = 0;
  double lower_bound_seconds = 0;
};

struct BenchReport {
  std::vector<BenchRow> rows;
  std::vector<SimulatedRow> simulated;
  double lower_bound_seconds = 0;
  std::string markdown;  // the table written to bench.md
};

// Runs `train` over a grid of executors x workers x threads (and auto), each several times in
// fresh processes, and summarizes wall time, CPU time, peak memory and efficiency.
BenchReport bench(const BenchConfig& config, const WarningSink& warn,
                  const std::function<void(const std::string&)>& on_run = {});

}  // namespace groupfit
