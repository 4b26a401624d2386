// Shows a training run's progress on stderr: on a terminal one line rewritten in place (groups
// done/total, failed, elapsed, ETA); off a terminal (a log file, CI) a plain line every few
// seconds, so logs stay readable.
#pragma once

#include "groupfit/groupfit.hpp"

namespace groupfit::cli {

class ProgressPrinter {
 public:
  ProgressPrinter();
  void update(const Progress& p);
  void finish();  // ends the in-place line

 private:
  bool tty_;
  bool printed_ = false;
  double last_log_ = -1e9;
};

}  // namespace groupfit::cli
