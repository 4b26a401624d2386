// A last check of the parameters by XGBoost itself, before the input is read: two rounds on a
// tiny made-up table with the run's parameters. groupfit checks each value's type and range
// (plan/param_checks.hpp), but XGBoost has rules of its own between parameters; finding one
// broken after reading a large file, with every group failing the same way, is what this avoids.
// It costs a few milliseconds and runs on one thread.
#pragma once

#include "groupfit/model_params.hpp"

namespace groupfit {

// Throws InputError with XGBoost's one-line message when it refuses the parameters.
// monotone_constraints and interaction_constraints are left out: they name the real table's
// features, which the made-up table does not have.
void probe_params(const ModelParams& params);

}  // namespace groupfit
