// ThreadTransport and InlineTransport: see thread_transport.hpp.
#include "exec/thread_transport.hpp"

#include <chrono>
#include <stdexcept>
#include <utility>

namespace groupfit {

ThreadTransport::ThreadTransport(TrainFunction train, unsigned workers, int default_threads,
                                 const std::atomic<bool>& stop)
    : train_(std::move(train)),
      default_threads_(default_threads),
      stop_(stop),
      slots_(workers == 0 ? 1 : workers) {}

ThreadTransport::~ThreadTransport() {
  close();
}

void ThreadTransport::start(std::size_t slot) {
  if (!slots_[slot].thread.joinable())
    slots_[slot].thread = std::jthread([this, slot] { serve(slot); });
}

void ThreadTransport::send(std::size_t slot, const GroupTask& task) {
  {
    std::lock_guard lock(mutex_);
    slots_[slot].queue.push_back(&task);
  }
  slots_[slot].work.notify_one();
}

void ThreadTransport::serve(std::size_t slot) {
  Slot& self = slots_[slot];
  for (;;) {
    const GroupTask* task = nullptr;
    {
      std::unique_lock lock(mutex_);
      self.work.wait(lock, [&] { return closing_ || !self.queue.empty(); });
      if (closing_) return;
      task = self.queue.front();
      self.queue.pop_front();
    }
    TransportEvent event;
    event.slot = slot;
    event.result = train_measured(train_, *task, default_threads_, stop_);
    {
      std::lock_guard lock(mutex_);
      events_.push_back(std::move(event));
    }
    arrived_.notify_one();
  }
}

std::vector<TransportEvent> ThreadTransport::wait(double seconds) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return !events_.empty(); });
  return std::exchange(events_, {});
}

std::string ThreadTransport::kill(std::size_t) {
  throw std::logic_error("a worker thread cannot be killed");
}

void ThreadTransport::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    for (Slot& slot : slots_) slot.queue.clear();
  }
  for (Slot& slot : slots_) slot.work.notify_one();
  for (Slot& slot : slots_) {
    if (slot.thread.joinable()) slot.thread.join();
  }
}

std::vector<TransportEvent> InlineTransport::wait(double) {
  if (queue_.empty()) return {};
  const GroupTask& task = *queue_.front();
  queue_.pop_front();
  std::vector<TransportEvent> events(1);
  events[0].result = train_measured(train_, task, default_threads_, stop_);
  return events;
}

std::string InlineTransport::kill(std::size_t) {
  throw std::logic_error("the calling thread cannot be killed");
}

}  // namespace groupfit
