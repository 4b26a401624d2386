// dispatch: see dispatcher.hpp. One loop: hand out tasks to idle slots, wait for events, stamp
// and deliver results, handle deaths and timeouts.
#include "exec/dispatcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "base/run_clock.hpp"

namespace groupfit {
namespace {

constexpr int kMaxAttempts = 2;              // the first try and one retry on a fresh worker
constexpr std::size_t kMaxInFlight = 16;     // tasks queued on one worker at most
constexpr double kPipelineShare = 1.0 / 64;  // of the run's work per worker, for pipelining
constexpr double kStopCheckSeconds = 0.2;    // how soon a stop request is noticed at most

struct Slot {
  bool running = false;           // its worker has been started and not lost
  std::deque<std::size_t> tasks;  // indices into tasks in flight; the front is training
  double cost = 0;                // their expected work
  int cores = 0;                  // cores the tasks in flight hold
  double started = 0;             // when the front one started
};

class Dispatch {
 public:
  Dispatch(Transport& transport, const DispatchOptions& options,
           const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop)
      : transport_(transport),
        options_(options),
        tasks_(tasks),
        queue_(order.begin(), order.end()),
        on_result_(on_result),
        stop_(stop),
        attempts_(tasks.size(), 0),
        slots_(std::min(transport.slots(), order.size())) {
    free_cores_ = options.cores > 0
                      ? options.cores
                      : static_cast<int>(transport.slots()) * std::max(options.default_threads, 1);
    total_cores_ = free_cores_;
    double total = 0;
    for (std::size_t i : queue_) total += tasks_[i].cost;
    pipeline_cost_ =
        total * kPipelineShare / static_cast<double>(std::max<std::size_t>(transport.slots(), 1));
  }

  void run() {
    try {
      for (std::size_t s = 0; s < slots_.size(); ++s) start(s);
      while (busy() && !stop_) {
        for (TransportEvent& event : transport_.wait(wait_seconds())) handle(event);
        enforce_timeouts();
      }
    } catch (...) {
      abandon();
      throw;
    }
    if (stop_) abandon();
    transport_.close();
  }

 private:
  bool busy() const {
    return std::any_of(slots_.begin(), slots_.end(),
                       [](const Slot& s) { return !s.tasks.empty(); });
  }

  // Kills what can be killed (its tasks are lost anyway), then lets the transport wind down.
  void abandon() {
    if (transport_.can_kill()) {
      for (std::size_t s = 0; s < slots_.size(); ++s) {
        if (slots_[s].running) transport_.kill(s);
      }
    }
    transport_.close();
  }

  void start(std::size_t s) {
    transport_.start(s);
    slots_[s].running = true;
    assign(s);
  }

  int cores_for(std::size_t i) const {
    const int t = tasks_[i].threads > 0 ? tasks_[i].threads : options_.default_threads;
    return std::min(std::max(t, 1), total_cores_);
  }

  // Gives an idle slot the next task that fits in the free cores, then tops up its pipeline with
  // small tasks that need the same cores.
  void assign(std::size_t s) {
    Slot& slot = slots_[s];
    if (!slot.running) return;
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

  void assign_idle() {
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].tasks.empty()) assign(s);
    }
  }

  void send(std::size_t s) {
    const std::size_t i = queue_.front();
    queue_.pop_front();
    slots_[s].tasks.push_back(i);
    slots_[s].cost += tasks_[i].cost;
    ++attempts_[i];
    transport_.send(s, tasks_[i]);
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

  double wait_seconds() const {
    double wait = kStopCheckSeconds;
    if (options_.group_timeout_seconds > 0 && transport_.can_kill()) {
      for (const Slot& slot : slots_) {
        if (slot.tasks.empty()) continue;
        const double left = slot.started + options_.group_timeout_seconds - clock_.seconds();
        wait = std::min(wait, std::max(left, 0.0));
      }
    }
    return wait;
  }

  void handle(TransportEvent& event) {
    const std::size_t s = event.slot;
    Slot& slot = slots_[s];
    if (!event.alive && slot.tasks.empty()) {  // an idle worker died: replace it if work is left
      slot.running = false;
      if (!queue_.empty()) start(s);
      return;
    }
    if (slot.tasks.empty()) return;  // a late answer from a worker already written off
    if (!event.alive) {
      fail(s, event.why, true);
      return;
    }
    GroupResult& result = event.result;
    if (result.index != tasks_[slot.tasks.front()].index) {
      fail(s, "worker " + transport_.kill(s) + " after answering the wrong task", true);
      return;
    }
    if (result.interrupted) {  // stopped: not a result
      pop_head(s);
      return;
    }
    result.worker = static_cast<int>(s);
    result.start_seconds = slot.started;
    result.end_seconds = clock_.seconds();
    pop_head(s);
    on_result_(std::move(result));
    assign(s);
    assign_idle();
  }

  void enforce_timeouts() {
    if (options_.group_timeout_seconds <= 0 || !transport_.can_kill()) return;
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (!slots_[s].tasks.empty() &&
          clock_.seconds() - slots_[s].started > options_.group_timeout_seconds) {
        transport_.kill(s);
        fail(s,
             fmt::format("timed out after {} s (--group-timeout); worker killed",
                         options_.group_timeout_seconds),
             false);
      }
    }
  }

  // The slot's worker is gone: report or requeue its head task, hand the tasks queued behind it
  // out again (they were never started), then start a fresh worker if work is left.
  void fail(std::size_t s, const std::string& why, bool may_retry) {
    Slot& slot = slots_[s];
    slot.running = false;
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
    if (!queue_.empty()) start(s);
    assign_idle();
  }

  Transport& transport_;
  const DispatchOptions& options_;
  const std::vector<GroupTask>& tasks_;
  std::deque<std::size_t> queue_;
  const ResultSink& on_result_;
  const std::atomic<bool>& stop_;
  std::vector<int> attempts_;
  std::vector<Slot> slots_;
  RunClock clock_;
  int free_cores_ = 0;
  int total_cores_ = 0;
  double pipeline_cost_ = 0;
};

}  // namespace

void dispatch(Transport& transport, const DispatchOptions& options,
              const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
              const ResultSink& on_result, const std::atomic<bool>& stop) {
  if (order.empty()) return;
  Dispatch(transport, options, tasks, order, on_result, stop).run();
}

}  // namespace groupfit
