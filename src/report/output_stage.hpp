// The --out folder of one training run, written all or nothing. metrics.csv, predictions.csv and
// run.json are written into a staging folder inside --out and moved into place together by
// publish(), after every file is complete (models/ has its own staging, report/model_store.hpp).
// A run that fails before publish() — most often a disk that fills while the outputs are
// written — leaves --out as it found it: the staging folder is removed and, when the run created
// --out and nothing else is left in it, so is --out. What the run chose to keep (a checkpoint
// holding finished groups, so that --resume can reuse them) is left alone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace groupfit {

class OutputStage {
 public:
  // Creates `out_dir` (and parents) when needed, and the staging folder; OutputError if either
  // cannot be created or written.
  explicit OutputStage(const std::filesystem::path& out_dir);
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;
  ~OutputStage();

  // Where to write the output named `name` (a plain file name) before publish().
  std::filesystem::path path(const std::string& name);
  // Moves every staged file into --out (renames only) and removes the staging folder.
  void publish();
  // `message` with staged paths written as their final paths: users know metrics.csv, not
  // the staging folder it was being written in when the disk filled.
  std::string public_message(std::string message) const;

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path staging_;
  std::vector<std::string> names_;
  bool created_out_dir_ = false;
  bool published_ = false;
};

}  // namespace groupfit
