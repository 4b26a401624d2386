// The first stage of a training run: the configuration checked as a whole before anything is
// read or written — flags, then the model parameters (plan/param_names, and XGBoost itself by
// train/param_probe) — and resolved (the objective's default metric filled in). A bad value
// costs nothing and leaves an earlier run's outputs as they were.
#pragma once

#include "groupfit/groupfit.hpp"

namespace groupfit {

// Throws InputError with the user's one-line message; notes about the parameters (one given
// without effect) go to `warn`.
TrainConfig resolve_config(const TrainConfig& given, const WarningSink& warn);

}  // namespace groupfit
