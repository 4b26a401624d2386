// serve_mpi_rank: see mpi_worker.hpp.
#include "exec/mpi_worker.hpp"

#include <algorithm>

#include "exec/wire_format.hpp"

namespace groupfit {
namespace {

struct Message {
  MessageKind kind;
  std::string_view payload;
};

Message parse(const std::string& bytes) {
  const FrameHeader header = decode_frame_header(bytes);
  if (bytes.size() != kFrameHeaderBytes + header.payload_bytes) {
    throw WireError("message length does not match its header");
  }
  return {header.kind, std::string_view(bytes).substr(kFrameHeaderBytes)};
}

}  // namespace

int rank_threads_per_model(const MpiWorld& world, unsigned cores) {
  const int trainers = world.ranks_on_node() - (world.coordinator_on_node() ? 1 : 0);
  return std::max(1, static_cast<int>(cores) / std::max(trainers, 1));
}

std::optional<std::size_t> serve_mpi_rank(MpiWorld& world, const FeatureMatrix* local,
                                          int threads_per_model, const RankTrainFunction& train,
                                          const std::atomic<bool>& stop) {
  const auto first = world.receive(0, -1);
  const Message setup_message = parse(first->bytes);
  if (setup_message.kind == MessageKind::Shutdown) return std::nullopt;
  if (setup_message.kind != MessageKind::Setup) throw WireError("expected the setup message");
  WorkerSetup setup = decode_setup(setup_message.payload);
  setup.params.threads_per_model = threads_per_model;
  std::size_t trained = 0;
  for (;;) {
    const auto bytes = world.receive(0, -1);
    const Message message = parse(bytes->bytes);
    if (message.kind == MessageKind::Shutdown) return trained;
    if (message.kind == MessageKind::Setup) {  // the coordinator's next executor run (tuning)
      setup = decode_setup(message.payload);
      setup.params.threads_per_model = threads_per_model;
      continue;
    }
    GroupTask task;
    TaskWithRows carried;
    MatrixView data;
    if (message.kind == MessageKind::RowsTask) {
      carried = decode_task_with_rows(message.payload);
      task = std::move(carried.task);
      data = view_of(carried.matrix, setup.features);
    } else if (message.kind == MessageKind::Task && local != nullptr) {
      task = decode_task(message.payload);
      data = view_of(*local, setup.features);
    } else {
      throw WireError("expected a task message");
    }
    task.threads = threads_per_model;
    const GroupResult result =
        train_measured([&](const GroupTask& t,
                           const std::atomic<bool>& s) { return train(t, data, setup.params, s); },
                       task, threads_per_model, stop);
    world.send(0, encode_result(result));
    ++trained;
  }
}

}  // namespace groupfit
