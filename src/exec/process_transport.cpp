// ProcessTransport: see process_transport.hpp.
#include "exec/process_transport.hpp"

#include <poll.h>

#include <optional>

#include "exec/frame_channel.hpp"

namespace groupfit {

ProcessTransport::ProcessTransport(unsigned workers, WorkerLaunch launch, UniqueFd matrix,
                                   std::string setup_frame)
    : matrix_(std::move(matrix)),
      launch_(std::move(launch)),
      setup_frame_(std::move(setup_frame)),
      workers_(workers == 0 ? 1 : workers) {
  launch_.matrix_fd = matrix_.get();
}

void ProcessTransport::start(std::size_t slot) {
  workers_[slot] = WorkerProcess::spawn(launch_);
  try {
    write_frame(workers_[slot].channel(), setup_frame_);
  } catch (const std::exception&) {
    // It died at once; the next wait reports it like any other death.
  }
}

void ProcessTransport::send(std::size_t slot, const GroupTask& task) {
  if (workers_[slot].pid() <= 0) {
    lost(slot, pending_);
    return;
  }
  try {
    write_frame(workers_[slot].channel(), encode_task(task));
  } catch (const std::exception&) {
    // The worker is gone; poll sees its end of stream.
  }
}

// The slot's worker is written off: killed (it may be alive but confused) and reaped.
void ProcessTransport::lost(std::size_t slot, std::vector<TransportEvent>& events) {
  TransportEvent event;
  event.slot = slot;
  event.alive = false;
  event.why = "worker " + kill(slot);
  events.push_back(std::move(event));
}

std::vector<TransportEvent> ProcessTransport::wait(double seconds) {
  std::vector<TransportEvent> events = std::exchange(pending_, {});
  if (!events.empty()) return events;
  std::vector<pollfd> fds;
  std::vector<std::size_t> which;
  for (std::size_t s = 0; s < workers_.size(); ++s) {
    if (workers_[s].pid() <= 0) continue;
    fds.push_back({workers_[s].channel(), POLLIN, 0});
    which.push_back(s);
  }
  ::poll(fds.data(), fds.size(), static_cast<int>(seconds * 1000) + 1);
  for (std::size_t k = 0; k < fds.size(); ++k) {
    if (fds[k].revents == 0) continue;
    const std::size_t s = which[k];
    std::optional<GroupResult> result;
    try {
      if (auto frame = read_frame(workers_[s].channel());
          frame && frame->kind == MessageKind::Result) {
        result = decode_result(frame->payload);
      }
    } catch (const std::exception&) {
      result.reset();
    }
    if (!result) {
      lost(s, events);
      continue;
    }
    TransportEvent event;
    event.slot = s;
    event.result = std::move(*result);
    events.push_back(std::move(event));
  }
  return events;
}

std::string ProcessTransport::kill(std::size_t slot) {
  workers_[slot].kill();
  return workers_[slot].wait();
}

void ProcessTransport::close() {
  for (WorkerProcess& worker : workers_) {
    if (worker.pid() <= 0) continue;
    try {
      write_frame(worker.channel(), encode_shutdown());
    } catch (const std::exception&) {
    }
    worker.wait();
  }
}

}  // namespace groupfit
