// The Python module's options (a dict the pure-Python layer builds from groupfit.train's
// keyword arguments) turned into a TrainConfig, in the order the CLI applies its flags, so that
// the same options give the same run: columns and split first, then every model parameter by
// its XGBoost or CatBoost name (apply_param), then threads per model, which wins over a
// parameter as --threads-per-model does.
#pragma once

#include <pybind11/pybind11.h>

#include "groupfit/groupfit.hpp"

namespace groupfit::python {

// Keys (every one optional but group, target and out): input, group, target, id, weight,
// features, drop, categorical, max_categories, date_parts, delimiter, decimal, na_values,
// valid_fraction, seed, min_rows, early_stopping_rounds, params (a list of (name, text) pairs),
// executor, workers, threads_per_model, group_timeout, worker_memory_limit, worker_executable,
// out, resume, trace. An unknown key is a ValueError: a misspelt option must not be ignored.
TrainConfig train_config_from(const pybind11::dict& options);

}  // namespace groupfit::python
