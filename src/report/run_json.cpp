// write_run_json and config_hash: see run_json.hpp.
#include "report/run_json.hpp"

#include <fmt/format.h>

#include <xgboost/c_api.h>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/atomic_file.hpp"

namespace groupfit {

using nlohmann::json;

namespace {

// result_config for an input file.
json tuning_config(const TuningOptions& t) {
  return {{"search", t.search}, {"search_file", t.search_file}, {"trials", t.trials}, {"cv", t.cv}};
}

json file_result_config(const TrainConfig& c) {
  // The input is the file itself, however its path was typed (u.csv, ./u.csv, /abs/u.csv):
  // its canonical path, and its size and modification time standing for its content, so that a
  // changed file is not resumed as if it were the same.
  std::error_code ec;
  const std::filesystem::path canonical = std::filesystem::canonical(c.read.input, ec);
  const std::string input = ec ? c.read.input : canonical.string();
  const auto bytes = std::filesystem::file_size(c.read.input, ec);
  const auto mtime = std::filesystem::last_write_time(c.read.input, ec).time_since_epoch().count();
  return {{"input", input},
          {"input_bytes", ec ? 0 : bytes},
          {"input_mtime", ec ? 0 : mtime},
          {"delimiter", c.read.delimiter ? std::string(1, c.read.delimiter) : "auto"},
          {"decimal", c.read.decimal ? std::string(1, c.read.decimal) : "auto"},
          {"na_values", c.read.na_values},
          {"group_column", c.columns.group_column},
          {"target_column", c.columns.target_column},
          {"id_column", c.columns.id_column},
          {"weight_column", c.columns.weight_column},
          {"features", c.columns.features},
          {"drop", c.columns.drop},
          {"categorical", c.columns.categorical},
          {"max_categories", c.columns.max_categories},
          {"date_parts", c.columns.date_parts},
          {"valid_fraction", c.split.valid_fraction},
          {"seed", c.split.seed},
          {"min_rows", c.split.min_rows},
          {"rounds", c.model.rounds},
          {"early_stopping_rounds", c.model.early_stopping_rounds},
          {"booster", c.model.booster}};
}

// The settings that decide results; the hash is taken over this object's text.
json result_config_of_input(const TrainConfig& c) {
  // A table in memory is its name and the fingerprint its caller computed from the values.
  if (c.read.table != nullptr) {
    json config = file_result_config(c);
    config["input"] = c.read.input;
    config["input_bytes"] = 0;
    config["input_mtime"] = 0;
    config["input_fingerprint"] = c.read.table->fingerprint;
    return config;
  }
  return file_result_config(c);
}

json result_config(const TrainConfig& c) {
  json config = result_config_of_input(c);
  // Only a tuned run has the key, so an untuned run's hash is what it was before tuning existed.
  if (c.tuning.active()) config["tuning"] = tuning_config(c.tuning);
  return config;
}

}  // namespace

std::string config_hash(const TrainConfig& config) {
  const std::string text = result_config(config).dump();
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

void write_run_json(const std::filesystem::path& path, const TrainConfig& config,
                    const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                    const RunTimings& timings, const json& plan,
                    const std::vector<std::string>& classes) {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  json cfg = result_config(config);
  cfg["out_dir"] = config.output.out_dir;
  cfg["executor"] = to_string(config.exec.executor);
  cfg["workers"] = timings.workers;
  cfg["threads_per_model"] = config.model.threads_per_model;
  // What a model starts from and what its predictions mean, for whoever reads the outputs.
  cfg["base_score"] = config.model.booster.count("base_score")
                          ? "as given"
                          : "each group's constant on its training rows";
  if (!classes.empty()) {
    cfg["classes"] = classes;
    if (classes.size() == 2) cfg["positive_class"] = classes[1];
  }

  json groups = json::array();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupResult& r = results[i];
    groups.push_back(
        {{"group", tasks[i].key.display()},
         {"missing", tasks[i].key.missing},
         {"status", std::string(to_string(r.status))},
         {"warning", r.warning},
         {"rows", tasks[i].rows},
         {"worker", r.worker},
         {"threads", tasks[i].threads > 0 ? tasks[i].threads : config.model.threads_per_model},
         {"start_seconds", r.start_seconds},
         {"end_seconds", r.end_seconds},
         {"train_seconds", r.train_seconds},
         {"rounds_trained",
          rounds_trained(r, config.model.rounds, config.model.early_stopping_rounds)},
         {"cpu_seconds", r.cpu_seconds}});
  }
  const json doc = {{"groupfit_version", GROUPFIT_VERSION},
                    {"xgboost_version", fmt::format("{}.{}.{}", major, minor, patch)},
                    {"cores", timings.cores},
                    {"config", cfg},
                    {"config_hash", config_hash(config)},
                    {"plan", plan},
                    {"timings",
                     {{"read_seconds", timings.read_seconds},
                      {"plan_seconds", timings.plan_seconds},
                      {"train_seconds", timings.train_seconds},
                      {"write_seconds", timings.write_seconds},
                      {"wall_seconds", timings.wall_seconds}}},
                    {"groups", groups}};
  write_file_atomically(path, doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace groupfit
