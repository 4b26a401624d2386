// call_in_background and Relay: see background_call.hpp.
#include "background_call.hpp"

#include <chrono>
#include <exception>
#include <thread>
#include <utility>

namespace py = pybind11;

namespace groupfit::python {

void Relay::warn(const std::string& message) {
  const std::lock_guard lock(mutex_);
  news_.warnings.push_back(message);
  fresh_ = true;
  changed_.notify_one();
}

void Relay::progress(const Progress& progress) {
  const std::lock_guard lock(mutex_);
  news_.progress = progress;
  fresh_ = true;
  changed_.notify_one();
}

void Relay::finish() {
  const std::lock_guard lock(mutex_);
  finished_ = true;
  changed_.notify_one();
}

bool Relay::wait(int ms) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return finished_ || fresh_; });
  fresh_ = false;
  return finished_;
}

Relay::News Relay::take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(news_, News{});
}

namespace {

constexpr int kPollMs = 50;

// Joins the engine's thread on every way out, the GIL released meanwhile; raising `stop` first
// when leaving by an exception of our own, so that the join does not wait for the whole run.
class ThreadGuard {
 public:
  ThreadGuard(std::thread thread, std::atomic<bool>* stop)
      : thread_(std::move(thread)), stop_(stop) {}
  ThreadGuard(const ThreadGuard&) = delete;
  ThreadGuard& operator=(const ThreadGuard&) = delete;
  ~ThreadGuard() {
    if (!thread_.joinable()) return;
    if (stop_ != nullptr) *stop_ = true;
    join();
  }
  void join() {
    const py::gil_scoped_release release;
    thread_.join();
  }

 private:
  std::thread thread_;
  std::atomic<bool>* stop_;
};

void deliver(Relay::News news, const py::object& on_warning, const py::object& on_progress) {
  if (!on_warning.is_none()) {
    for (const std::string& w : news.warnings) on_warning(w);
  }
  if (news.progress && !on_progress.is_none()) {
    const Progress& p = *news.progress;
    on_progress(p.done, p.failed, p.total, p.elapsed_seconds, p.eta_seconds);
  }
}

}  // namespace

void call_in_background(const std::function<void(Relay&)>& work, std::atomic<bool>* stop,
                        const py::object& on_warning, const py::object& on_progress) {
  Relay relay;
  std::exception_ptr failure;
  ThreadGuard guard(std::thread([&] {
                      try {
                        work(relay);
                      } catch (...) {
                        failure = std::current_exception();
                      }
                      relay.finish();
                    }),
                    stop);
  // The Python error that ends the call (KeyboardInterrupt, a callback's), once there is one:
  // from then on the run is only waited for, and nothing more is handed to Python.
  std::optional<py::error_already_set> python_error;
  bool finished = false;
  while (!finished) {
    {
      const py::gil_scoped_release release;
      finished = relay.wait(kPollMs);
    }
    if (python_error) continue;
    try {
      deliver(relay.take(), on_warning, on_progress);
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    } catch (py::error_already_set& e) {
      python_error.emplace(std::move(e));
      if (stop != nullptr) *stop = true;
    }
  }
  guard.join();
  if (python_error) throw std::move(*python_error);
  deliver(relay.take(), on_warning, on_progress);  // what came with the end
  if (failure) std::rethrow_exception(failure);
}

}  // namespace groupfit::python
