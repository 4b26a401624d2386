// What a training run's --out folder holds, for the tests of its lock, its atomic publish and
// its clean-up (src/report/output_stage.hpp describes the layout).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>

#include "cli/run_program.hpp"

namespace groupfit::testing_support {

// The names at the top of `out`, with ".result-<n>" written ".result-N".
inline std::multiset<std::string> top_level(const std::filesystem::path& out) {
  std::multiset<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(out, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(".result-", 0) == 0) name = ".result-N";
    names.insert(name);
  }
  return names;
}

// Exactly the documented files of a published result (and the checkpoint when asked for).
inline void expect_only_documented_files(const std::filesystem::path& out, bool checkpoint) {
  std::multiset<std::string> expected = {".current", ".result-N",       "metrics.csv",
                                         "models",   "predictions.csv", "run.json"};
  if (checkpoint) expected.insert("checkpoint.gfc");
  EXPECT_EQ(top_level(out), expected);
}

// The result as a reader sees it through the documented paths, less what is measured (times):
// metrics without train_seconds, predictions, run.json's configuration hash, every file of
// models/. Empty parts for what is missing.
struct ResultView {
  std::string metrics, predictions, config_hash;
  std::map<std::string, std::string> models;
  bool operator==(const ResultView&) const = default;
};

// For failure messages: which run's result, and how much of it is there.
inline void PrintTo(const ResultView& v, std::ostream* os) {
  *os << "{config_hash '" << v.config_hash << "', " << v.models.size() << " files in models/, "
      << v.metrics.size() << " bytes of metrics, " << v.predictions.size()
      << " bytes of predictions}";
}

inline ResultView view_result(const std::filesystem::path& out) {
  ResultView v;
  std::error_code ec;
  if (std::filesystem::exists(out / "metrics.csv", ec)) {
    v.metrics = metrics_without_timing(out / "metrics.csv");
  }
  v.predictions = read_file(out / "predictions.csv");
  const std::string run_json = read_file(out / "run.json");
  if (!run_json.empty()) v.config_hash = nlohmann::json::parse(run_json).at("config_hash");
  for (const auto& e : std::filesystem::directory_iterator(out / "models", ec)) {
    v.models[e.path().filename().string()] = read_file(e.path());
  }
  return v;
}

}  // namespace groupfit::testing_support
