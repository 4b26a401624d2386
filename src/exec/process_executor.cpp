// ProcessExecutor: see process_executor.hpp. One poll loop over the workers' channels hands out
// tasks as workers free up, collects results, notices deaths (end of stream) and timeouts.
//
// Small groups are pipelined: a worker may hold several queued tasks (up to kMaxInFlight, and
// no more expected work than a small share of the run's), so it starts the next group the
// moment it sends a result instead of idling for a round trip through the parent. With 10,000
// groups of 100 rows, each trains in a few milliseconds and one task in flight per worker would
// leave the workers waiting on the parent's poll loop. The share is small enough that the
// queued tasks of one worker cannot unbalance the end of the run. Results still come back one
// per group, so a death or a timeout still costs only the group at the head of the pipeline;
// the others are handed out again without counting as an attempt.
#include "exec/process_executor.hpp"

#include <fmt/format.h>
#include <poll.h>

#include <deque>
#include <map>
#include <optional>

#include "base/run_clock.hpp"
#include "exec/frame_channel.hpp"
#include "exec/shared_matrix.hpp"
#include "exec/worker_process.hpp"

namespace groupfit {
namespace {

constexpr int kMaxAttempts = 2;              // the first try and one retry on a fresh worker
constexpr std::size_t kMaxInFlight = 16;     // tasks queued on one worker at most
constexpr double kPipelineShare = 1.0 / 64;  // of the run's work per worker, for pipelining

struct Slot {
  WorkerProcess process;
  std::deque<std::size_t> tasks;  // indices into tasks in flight; the front is training
  double cost = 0;                // their expected work
  int cores = 0;                  // cores the tasks in flight hold
  double started = 0;             // when the front one started
};

class Scheduler {
 public:
  Scheduler(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
            const ResultSink& on_result, const ProcessOptions& options, WorkerLaunch launch,
            std::string setup_frame, const std::atomic<bool>& stop)
      : tasks_(tasks),
        queue_(order.begin(), order.end()),
        on_result_(on_result),
        options_(options),
        launch_(std::move(launch)),
        setup_frame_(std::move(setup_frame)),
        stop_(stop),
        free_cores_(options.cores > 0
                        ? options.cores
                        : static_cast<int>(options.workers) * options.default_threads),
        total_cores_(free_cores_) {
    double total = 0;
    for (std::size_t i : queue_) total += tasks_[i].cost;
    pipeline_cost_ = total * kPipelineShare / std::max(options.workers, 1u);
  }

  void run() {
    const std::size_t n = std::min<std::size_t>(options_.workers, queue_.size());
    slots_.resize(n);
    for (std::size_t s = 0; s < n; ++s) start_worker(s);
    while (busy() > 0 && !stop_) poll_once();
    if (stop_) {
      for (auto& slot : slots_) slot.process.kill();  // in-flight groups are abandoned
    }
    for (auto& slot : slots_) {
      if (slot.process.pid() > 0) {
        try {
          write_frame(slot.process.channel(), encode_shutdown());
        } catch (const std::exception&) {
        }
        slot.process.wait();
      }
    }
  }

 private:
  std::size_t busy() const {
    std::size_t n = 0;
    for (const auto& s : slots_) n += s.tasks.empty() ? 0 : 1;
    return n;
  }

  void start_worker(std::size_t s) {
    slots_[s].process = WorkerProcess::spawn(launch_);
    try {
      write_frame(slots_[s].process.channel(), setup_frame_);
    } catch (const std::exception&) {
      // It died at once; the next read reports it like any other death.
    }
    assign(s);
  }

  int cores_for(std::size_t i) const {
    const int t = tasks_[i].threads > 0 ? tasks_[i].threads : options_.default_threads;
    return std::min(std::max(t, 1), total_cores_);
  }

  // The slot's head task is done: drop it, and give back the cores once nothing is in flight.
  void pop_head(std::size_t s) {
    Slot& slot = slots_[s];
    slot.cost -= tasks_[slot.tasks.front()].cost;
    slot.tasks.pop_front();
    slot.started = clock_.seconds();
    if (slot.tasks.empty()) {
      free_cores_ += slot.cores;
      slot.cores = 0;
      slot.cost = 0;
    }
  }

  void assign_idle() {
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].tasks.empty() && slots_[s].process.pid() > 0) assign(s);
    }
  }

  // Gives an idle worker the next task that fits in the free cores, then tops up its pipeline
  // with small tasks that need the same cores.
  void assign(std::size_t s) {
    Slot& slot = slots_[s];
    if (slot.tasks.empty()) {
      if (queue_.empty() || cores_for(queue_.front()) > free_cores_) return;
      slot.cores = cores_for(queue_.front());
      free_cores_ -= slot.cores;
      slot.started = clock_.seconds();
      send(s);
    }
    while (!queue_.empty() && slot.tasks.size() < kMaxInFlight &&
           cores_for(queue_.front()) == slot.cores &&
           slot.cost + tasks_[queue_.front()].cost <= pipeline_cost_) {
      send(s);
    }
  }

  void send(std::size_t s) {
    Slot& slot = slots_[s];
    const std::size_t i = queue_.front();
    queue_.pop_front();
    slot.tasks.push_back(i);
    slot.cost += tasks_[i].cost;
    ++attempts_[i];
    try {
      write_frame(slot.process.channel(), encode_task(tasks_[i]));
    } catch (const std::exception&) {
      // The worker is gone; poll sees end of stream and handles it.
    }
  }

  void poll_once() {
    std::vector<pollfd> fds;
    std::vector<std::size_t> which;
    double wait_seconds = 0.2;  // also how soon a stop request is noticed
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].tasks.empty()) continue;
      fds.push_back({slots_[s].process.channel(), POLLIN, 0});
      which.push_back(s);
      if (options_.group_timeout_seconds > 0) {
        const double left = slots_[s].started + options_.group_timeout_seconds - clock_.seconds();
        wait_seconds = std::min(wait_seconds, std::max(left, 0.0));
      }
    }
    ::poll(fds.data(), fds.size(), static_cast<int>(wait_seconds * 1000) + 1);
    for (std::size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].revents != 0) receive(which[k]);
    }
    if (options_.group_timeout_seconds > 0) {
      for (std::size_t s = 0; s < slots_.size(); ++s) {
        if (!slots_[s].tasks.empty() &&
            clock_.seconds() - slots_[s].started > options_.group_timeout_seconds) {
          slots_[s].process.kill();
          slots_[s].process.wait();
          fail(s,
               fmt::format("timed out after {} s (--group-timeout); worker killed",
                           options_.group_timeout_seconds),
               false);
        }
      }
    }
  }

  void receive(std::size_t s) {
    Slot& slot = slots_[s];
    std::optional<Frame> frame;
    try {
      frame = read_frame(slot.process.channel());
    } catch (const std::exception&) {
      frame.reset();
    }
    std::optional<GroupResult> result;
    if (frame && frame->kind == MessageKind::Result) {
      try {
        result = decode_result(frame->payload);
      } catch (const std::exception&) {
        result.reset();
      }
    }
    if (!result || result->index != tasks_[slot.tasks.front()].index) {
      slot.process.kill();
      fail(s, "worker " + slot.process.wait(), true);
      return;
    }
    result->worker = static_cast<int>(s);
    result->start_seconds = slot.started;
    result->end_seconds = clock_.seconds();
    pop_head(s);
    on_result_(std::move(*result));
    assign(s);
    assign_idle();
  }

  // The slot's process is gone; report or requeue its head task, hand the tasks queued behind
  // it out again (they were never started), then restart the slot if needed.
  void fail(std::size_t s, const std::string& why, bool may_retry) {
    Slot& slot = slots_[s];
    const std::size_t i = slot.tasks.front();
    const double started = slot.started;
    pop_head(s);
    for (auto it = slot.tasks.rbegin(); it != slot.tasks.rend(); ++it) {
      --attempts_[*it];
      queue_.push_front(*it);
    }
    while (!slot.tasks.empty()) pop_head(s);
    if (may_retry && attempts_[i] < kMaxAttempts) {
      queue_.push_front(i);
    } else {
      GroupResult result;
      result.index = tasks_[i].index;
      result.status = GroupStatus::Failed;
      result.message = attempts_[i] > 1 ? why + " (twice)" : why;
      result.worker = static_cast<int>(s);
      result.start_seconds = started;
      result.end_seconds = clock_.seconds();
      on_result_(std::move(result));
    }
    if (!queue_.empty()) start_worker(s);
    assign_idle();
  }

  const std::vector<GroupTask>& tasks_;
  std::deque<std::size_t> queue_;
  const ResultSink& on_result_;
  const ProcessOptions& options_;
  WorkerLaunch launch_;
  std::string setup_frame_;
  std::vector<Slot> slots_;
  std::map<std::size_t, int> attempts_;
  RunClock clock_;
  const std::atomic<bool>& stop_;
  int free_cores_;
  int total_cores_;
  double pipeline_cost_ = 0;
};

}  // namespace

void ProcessExecutor::run(const std::vector<GroupTask>& tasks,
                          const std::vector<std::size_t>& order, const ResultSink& on_result,
                          const std::atomic<bool>& stop) {
  if (order.empty()) return;
  const UniqueFd matrix = create_shared_matrix(matrix_);
  WorkerSetup setup{kWorkerMatrixFd,          matrix_.rows, matrix_.cols,
                    !matrix_.weights.empty(), features_,    params_};
  WorkerLaunch launch;
  launch.executable = options_.executable;
  launch.matrix_fd = matrix.get();
  launch.memory_limit_bytes = options_.memory_limit_bytes;
  if (options_.passive_wait) launch.extra_env.push_back("OMP_WAIT_POLICY=PASSIVE");
  Scheduler(tasks, order, on_result, options_, std::move(launch), encode_setup(setup), stop).run();
}

}  // namespace groupfit
