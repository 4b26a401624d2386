// One training run per --out at a time. Two runs writing one folder corrupt each other: the
// second truncates the first's live checkpoint, deletes it, or publishes its models beside the
// other run's metrics. OutDirLock is an exclusive flock() on <out>/.lock, held for the run's
// whole life. flock belongs to the open file, so the kernel drops it when the process dies, even
// by kill -9: a lock left by a dead run never blocks anyone. The file holds the holder's pid as
// text, for the message a second run gets. Taken without waiting: a second run fails at once.
#pragma once

#include <filesystem>

#include "base/unique_fd.hpp"

namespace groupfit {

class OutDirLock {
 public:
  // Creates `dir` when it is missing, then locks it. OutputError naming the folder and the
  // other run's pid when another run holds it; OutputError when it cannot be created or locked.
  explicit OutDirLock(const std::filesystem::path& dir);
  OutDirLock(const OutDirLock&) = delete;
  OutDirLock& operator=(const OutDirLock&) = delete;
  // Removes .lock and releases it; removes `dir` too when this lock created it and nothing else
  // was left in it (a run that failed before writing anything leaves no trace).
  ~OutDirLock();

 private:
  std::filesystem::path dir_;
  UniqueFd fd_;
  bool created_dir_ = false;
};

}  // namespace groupfit
