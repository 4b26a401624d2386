// The result of a training run in --out — metrics.csv, predictions.csv, run.json and models/ —
// replaced in one atomic step, so that a reader, a crash or a kill sees either the previous
// complete result or the new one: never a mix, never nothing.
//
// Layout of --out (docs/design.md, "Writing", says why):
//   .result-<n>/          one complete result: metrics.csv, predictions.csv, run.json, models/
//   .current -> .result-<n>
//   metrics.csv -> .current/metrics.csv   (and predictions.csv, run.json, models alike)
// The four documented names are symlinks that never change once made; only .current changes,
// by rename() of a new symlink over it, the one step that publishes. A run stages its result in
// .result-<n+1> (models are streamed into it as groups finish), then publishes it and removes
// the previous one.
//
// Test-only: GROUPFIT_TEST_PUBLISH_KILL=N makes the process kill itself (SIGKILL) right after
// the N-th change publish() makes to --out, so that a test can stop a run at every step of the
// publish and check what --out holds (tests/cli/publish_kill_test.cpp). Users never set it.
#pragma once

#include <filesystem>
#include <string>

namespace groupfit {

class OutputStage {
 public:
  // Stages a new result in `out_dir`, which exists and which this run has locked
  // (report/out_lock.hpp); OutputError if the staging folder cannot be created.
  explicit OutputStage(const std::filesystem::path& out_dir);
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;
  ~OutputStage();  // removes the staged result unless it was published

  // Where to write the output named `name` (a plain file name) before publish().
  std::filesystem::path path(const std::string& name) const { return staging_ / name; }
  // Where models go (report/model_store.hpp's ModelWriter writes into it).
  std::filesystem::path models_dir() const { return staging_ / "models"; }
  // Makes the staged result the current one in one atomic step and removes the previous one.
  void publish();
  // `message` with staged paths written as their published paths: users know metrics.csv and
  // models/, not the staging folder they were being written in when the disk filled.
  std::string public_message(std::string message) const;

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path staging_;
  bool published_ = false;
};

// Removes what runs that died (kill -9, a crash, a power cut) left in `out_dir`: staged results
// that are not the current one, temporary symlinks, and the staging folders of earlier groupfit
// versions. Only for a run that holds the folder's lock: it would delete a live run's staging.
void remove_stale_staging(const std::filesystem::path& out_dir);

}  // namespace groupfit
