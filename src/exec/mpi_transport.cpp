// MpiTransport: see mpi_transport.hpp.
#include "exec/mpi_transport.hpp"

#include <stdexcept>

#include "exec/wire_format.hpp"

namespace groupfit {

MpiTransport::MpiTransport(MpiWorld& world, const MatrixView& data, std::string setup_frame,
                           bool send_rows)
    : world_(world), data_(data), setup_frame_(std::move(setup_frame)), send_rows_(send_rows) {
  // Every rank gets the setup, whether it will get tasks or not: a run has begun for all.
  for (int rank = 1; rank < world_.size(); ++rank) world_.send(rank, setup_frame_);
  bytes_sent_ = setup_frame_.size() * static_cast<std::uint64_t>(world_.size() - 1);
}

void MpiTransport::send(std::size_t slot, const GroupTask& task) {
  std::string frame = send_rows_ ? encode_task_with_rows(task, data_) : encode_task(task);
  bytes_sent_ += frame.size();
  world_.send(static_cast<int>(slot) + 1, std::move(frame));
  ++unanswered_;
}

std::vector<TransportEvent> MpiTransport::wait(double seconds) {
  std::vector<TransportEvent> events;
  for (auto message = world_.receive(-1, seconds); message; message = world_.receive(-1, 0)) {
    const FrameHeader header = decode_frame_header(message->bytes);
    if (header.kind != MessageKind::Result || message->source < 1) {
      throw WireError("rank " + std::to_string(message->source) + " sent something not a result");
    }
    TransportEvent event;
    event.slot = static_cast<std::size_t>(message->source - 1);
    event.result = decode_result(std::string_view(message->bytes).substr(kFrameHeaderBytes));
    events.push_back(std::move(event));
    --unanswered_;
  }
  return events;
}

std::string MpiTransport::kill(std::size_t) {
  throw std::logic_error("an MPI rank cannot be killed alone");
}

// The ranks stay for the next run (or the release); what they owe for this one is collected and
// dropped, so that no answer of this run is taken for one of the next.
void MpiTransport::close() {
  while (unanswered_ > 0) wait(-1);
}

void release_mpi_ranks(MpiWorld& world) {
  // Every rank gets it, started or not: each waits for a setup or a task until then.
  for (int rank = 1; rank < world.size(); ++rank) world.send(rank, encode_shutdown());
}

}  // namespace groupfit
