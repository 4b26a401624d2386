// resolve_config: see run_config.hpp.
#include "run/run_config.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "groupfit/error.hpp"
#include "groupfit/limits.hpp"
#include "train/param_probe.hpp"

namespace groupfit {
namespace {

void check_config(const TrainConfig& c) {
  if (c.group_column.empty()) throw InputError("--group is required");
  if (c.target_column.empty()) throw InputError("--target is required");
  if (c.out_dir.empty()) throw InputError("--out is required");
  if (!(c.valid_fraction > 0 && c.valid_fraction < 1)) {
    throw InputError(
        fmt::format("--valid-fraction must be between 0 and 1, got {}", c.valid_fraction));
  }
  if (!c.weight_column.empty() &&
      (c.weight_column == c.group_column || c.weight_column == c.target_column ||
       c.weight_column == c.id_column)) {
    throw InputError(
        fmt::format("--weight '{}' is also the group, target or id column", c.weight_column));
  }
  // 0 means "none" in the API; what reaches here from the CLI is positive already.
  if (!(c.group_timeout_seconds >= 0 && std::isfinite(c.group_timeout_seconds))) {
    throw InputError(
        fmt::format("--group-timeout must be a positive, finite number of seconds, got {}",
                    c.group_timeout_seconds));
  }
  // Only a process can be killed when stuck or limited in memory: never silently ignored.
  if (c.executor == ExecutorKind::Threads || c.executor == ExecutorKind::Sequential) {
    for (const auto& [flag, given] :
         {std::pair{"--group-timeout", c.group_timeout_seconds > 0},
          std::pair{"--worker-memory-limit", c.worker_memory_limit > 0}}) {
      if (given) {
        throw InputError(fmt::format(
            "{} needs worker processes: use --executor processes, or auto (which picks them for "
            "it), not {}",
            flag, to_string(c.executor)));
      }
    }
  }
  if (c.max_categories > kMaxCategories) {
    throw InputError(fmt::format("--max-categories must be at most {} (the limit), got {}",
                                 kMaxCategories, c.max_categories));
  }
}

}  // namespace

TrainConfig resolve_config(const TrainConfig& given, const WarningSink& warn) {
  check_config(given);
  TrainConfig config = given;
  validate_params(config.model);
  probe_params(config.model);
  for (const auto& note : config.model.notes) warn(note);
  return config;
}

}  // namespace groupfit
