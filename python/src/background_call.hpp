// Runs a long engine call (train, predict) on a thread of its own while the calling Python
// thread waits with the GIL released, so other Python threads keep running. Every 50 ms the
// caller takes the GIL back for a moment to hand on what the engine reported (warnings,
// progress: the engine's thread never touches a Python object) and to let Python run its signal
// handlers: a Ctrl-C raises the stop flag, the engine winds down (no new groups, groups in
// flight abandoned, worker processes killed, outputs written for what finished) and the
// KeyboardInterrupt is raised once it has returned. A callback that raises stops the run the
// same way. The thread is always joined before returning: nothing keeps running behind Python.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"

namespace groupfit::python {

// What the engine's thread reports, kept until the Python thread takes it.
class Relay {
 public:
  void warn(const std::string& message);
  void progress(const Progress& progress);
  void finish();

  // Waits up to `ms` for news; true once finish() was called.
  bool wait(int ms);
  struct News {
    std::vector<std::string> warnings;
    std::optional<Progress> progress;
  };
  News take();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  News news_;
  bool finished_ = false;
  bool fresh_ = false;
};

// Runs work(relay) on another thread; `stop` (may be null: the call cannot be stopped early)
// is raised on Ctrl-C or when a callback raises. on_warning(str) and on_progress(done, failed,
// total, elapsed_seconds, eta_seconds) are called on this thread (None: not called). Rethrows
// the work's exception, or raises the Python error that stopped it.
void call_in_background(const std::function<void(Relay&)>& work, std::atomic<bool>* stop,
                        const pybind11::object& on_warning, const pybind11::object& on_progress);

}  // namespace groupfit::python
