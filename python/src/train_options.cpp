// train_config_from: see train_options.hpp.
#include "train_options.hpp"

#include <pybind11/stl.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "groupfit/error.hpp"

namespace py = pybind11;

namespace groupfit::python {
namespace {

const std::set<std::string>& known_keys() {
  static const std::set<std::string> keys = {"input",
                                             "group",
                                             "target",
                                             "id",
                                             "weight",
                                             "features",
                                             "drop",
                                             "categorical",
                                             "max_categories",
                                             "date_parts",
                                             "delimiter",
                                             "decimal",
                                             "na_values",
                                             "valid_fraction",
                                             "seed",
                                             "min_rows",
                                             "early_stopping_rounds",
                                             "params",
                                             "fallback",
                                             "search",
                                             "search_trials",
                                             "cv",
                                             "executor",
                                             "workers",
                                             "threads_per_model",
                                             "group_timeout",
                                             "worker_memory_limit",
                                             "worker_executable",
                                             "out",
                                             "resume",
                                             "trace"};
  return keys;
}

// Sets `field` from options[key] when present and not None.
template <typename T>
void take(const py::dict& options, const char* key, T& field) {
  if (options.contains(key) && !options[key].is_none()) field = options[key].cast<T>();
}

char one_char(const py::dict& options, const char* key) {
  std::string text;
  take(options, key, text);
  if (text.size() > 1)
    throw InputError(std::string(key) + " must be one character, got '" + text + "'");
  return text.empty() ? 0 : text[0];
}

}  // namespace

TrainConfig train_config_from(const py::dict& options) {
  for (const auto& [key, value] : options) {
    const auto name = key.cast<std::string>();
    if (!known_keys().contains(name)) throw py::value_error("unknown option '" + name + "'");
  }
  TrainConfig c;
  take(options, "input", c.read.input);
  c.read.delimiter = one_char(options, "delimiter");
  c.read.decimal = one_char(options, "decimal");
  take(options, "na_values", c.read.na_values);
  take(options, "group", c.columns.group_column);
  take(options, "target", c.columns.target_column);
  take(options, "id", c.columns.id_column);
  take(options, "weight", c.columns.weight_column);
  take(options, "features", c.columns.features);
  take(options, "drop", c.columns.drop);
  take(options, "categorical", c.columns.categorical);
  take(options, "max_categories", c.columns.max_categories);
  take(options, "date_parts", c.columns.date_parts);
  take(options, "valid_fraction", c.split.valid_fraction);
  take(options, "seed", c.split.seed);
  take(options, "min_rows", c.split.min_rows);
  take(options, "early_stopping_rounds", c.model.early_stopping_rounds);
  std::vector<std::pair<std::string, std::string>> params;
  take(options, "params", params);
  for (const auto& [name, value] : params) apply_param(c.model, name, value);
  std::string fallback = "none";
  take(options, "fallback", fallback);
  if (fallback != "none" && fallback != "global") {
    throw InputError("fallback must be \"none\" or \"global\", got '" + fallback + "'");
  }
  c.split.fallback_global = fallback == "global";
  take(options, "search", c.tuning.search);  // "name=v1,v2" strings, made by the Python side
  take(options, "search_trials", c.tuning.trials);
  take(options, "cv", c.tuning.cv);
  int threads_per_model = 0;
  take(options, "threads_per_model", threads_per_model);
  if (threads_per_model < 0) {
    throw InputError("threads_per_model must be at least 1, got " +
                     std::to_string(threads_per_model));
  }
  if (threads_per_model > 0) c.model.threads_per_model = threads_per_model;
  std::string executor = "auto";
  take(options, "executor", executor);
  const auto kind = executor_kind_named(executor);
  if (!kind) {
    throw InputError("executor must be auto, sequential, threads or processes, got '" + executor +
                     "'");
  }
  c.exec.executor = *kind;
  take(options, "workers", c.exec.workers);
  take(options, "group_timeout", c.exec.group_timeout_seconds);
  take(options, "worker_memory_limit", c.exec.worker_memory_limit);
  take(options, "worker_executable", c.exec.worker_executable);
  take(options, "out", c.output.out_dir);
  take(options, "resume", c.output.resume);
  take(options, "trace", c.output.trace_file);
  return c;
}

}  // namespace groupfit::python
