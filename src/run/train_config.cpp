// The validate() of each part of TrainConfig (groupfit/groupfit.hpp): every check of the
// configuration in one place, each one line naming the flag the CLI maps to the field.
#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/limits.hpp"
#include "table/input_source.hpp"

namespace groupfit {

void ReadOptions::validate() const {
  if (input.empty() && table == nullptr) throw InputError("an input file is required");
}

void FeatureOptions::validate() const {
  if (group_column.empty()) throw InputError("--group is required");
  if (target_column.empty()) throw InputError("--target is required");
  if (!weight_column.empty() && (weight_column == group_column || weight_column == target_column ||
                                 weight_column == id_column)) {
    throw InputError(
        fmt::format("--weight '{}' is also the group, target or id column", weight_column));
  }
  if (max_categories > kMaxCategories) {
    throw InputError(fmt::format("--max-categories must be at most {} (the limit), got {}",
                                 kMaxCategories, max_categories));
  }
}

void SplitOptions::validate() const {
  if (!(valid_fraction > 0 && valid_fraction < 1)) {
    throw InputError(
        fmt::format("--valid-fraction must be between 0 and 1, got {}", valid_fraction));
  }
}

void ExecOptions::validate() const {
  // 0 means "none" in the API; what reaches here from the CLI is positive already.
  if (!(group_timeout_seconds >= 0 && std::isfinite(group_timeout_seconds))) {
    throw InputError(
        fmt::format("--group-timeout must be a positive, finite number of seconds, got {}",
                    group_timeout_seconds));
  }
  // Only a process can be killed when stuck or limited in memory: never silently ignored.
  if (executor == ExecutorKind::Threads || executor == ExecutorKind::Sequential) {
    for (const auto& [flag, given] :
         {std::pair{"--group-timeout", group_timeout_seconds > 0},
          std::pair{"--worker-memory-limit", worker_memory_limit > 0}}) {
      if (given) {
        throw InputError(fmt::format(
            "{} needs worker processes: use --executor processes, or auto (which picks them for "
            "it), not {}",
            flag, to_string(executor)));
      }
    }
  }
  if (mpi_ranks_read && executor != ExecutorKind::Mpi) {
    throw InputError("--mpi-ranks-read needs --executor mpi");
  }
  // An MPI rank cannot be killed alone: its death ends the job (exec/mpi_transport.hpp).
  if (executor == ExecutorKind::Mpi) {
    for (const auto& [flag, given] : {std::pair{"--group-timeout", group_timeout_seconds > 0},
                                      std::pair{"--worker-memory-limit", worker_memory_limit > 0},
                                      std::pair{"--workers", workers > 0}}) {
      if (given) {
        throw InputError(fmt::format(
            "{} is not available with --executor mpi: the workers are the ranks `mpirun -n` "
            "starts, and one that dies or is killed ends the whole job",
            flag));
      }
    }
  }
}

void OutputOptions::validate() const {
  if (out_dir.empty()) throw InputError("--out is required");
}

void TuningOptions::validate() const {
  if (cv < 2) throw InputError(fmt::format("--cv {}: cross-validation needs at least 2 folds", cv));
  if (trials < 0) throw InputError(fmt::format("--search-trials {}: must be 0 or more", trials));
  if (trials > 0 && !active()) {
    throw InputError("--search-trials needs a search space (--search or --search-file)");
  }
}

void TrainConfig::validate() const {
  tuning.validate();
  columns.validate();
  read.validate();
  output.validate();
  // A checkpoint is matched to its input by the file's path, size and modification time
  // (report/run_json.cpp); standard input has none, so nothing could tell that it holds the
  // same table as the interrupted run's.
  if (output.resume && read.table == nullptr && is_standard_input(read.input)) {
    throw InputError(
        "--resume needs the input as a file: standard input cannot be checked to hold the same "
        "table as the interrupted run's");
  }
  // A table in memory has no file to compare: its fingerprint stands for it (input_table.hpp).
  if (output.resume && read.table != nullptr && read.table->fingerprint.empty()) {
    throw InputError(
        "--resume needs the table's fingerprint: without it nothing could tell that it holds the "
        "same data as the interrupted run's");
  }
  split.validate();
  exec.validate();
  if (exec.mpi_ranks_read && (read.table != nullptr || is_standard_input(read.input))) {
    throw InputError(
        "--mpi-ranks-read needs the input as a file every rank can open, not standard input or "
        "a table in memory");
  }
}

}  // namespace groupfit
