// resolve_config: see run_config.hpp.
#include "run/run_config.hpp"

#include <utility>

#include "groupfit/error.hpp"
#include "train/param_probe.hpp"

namespace groupfit {

TrainConfig resolve_config(const TrainConfig& given, const WarningSink& warn) {
  given.validate();
  TrainConfig config = given;
  if (config.read.table != nullptr && config.read.input.empty()) config.read.input = "<memory>";
  validate_params(config.model);
  probe_params(config.model);
  for (const auto& note : config.model.notes) warn(note);
  return config;
}

}  // namespace groupfit
