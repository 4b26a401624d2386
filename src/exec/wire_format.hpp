// The messages between the parent and its workers, as bytes: a setup (where the shared matrix
// is, its shape and features, the hyperparameters), tasks and results. Independent of what
// carries them — a pipe today, MPI between machines later — and versioned, so a worker from
// another build is refused rather than misread.
//
// Encoding: base/byte_codec.hpp inside base/frame.hpp's frames; results are
// train/result_codec.hpp's (the checkpoint stores the same frames). A decoder that meets anything
// unexpected throws WireError.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_codec.hpp"
#include "base/frame.hpp"
#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"
#include "train/result_codec.hpp"

namespace groupfit {

enum class MessageKind : std::uint16_t {
  Setup = 1,
  Task = 2,
  Result = kResultFrameKind,
  Shutdown = 4,
  RowsTask = 5  // a task carrying its own rows (encode_task_with_rows)
};

// What a worker needs once: the shared matrix's location and shape, features, parameters.
struct WorkerSetup {
  int shm_fd = -1;  // inherited descriptor of the shared matrix (memfd)
  std::uint64_t rows = 0;
  std::uint64_t cols = 0;
  bool weights = false;  // the matrix ends with one weight per row
  std::vector<FeatureSpec> features;
  ModelParams params;
};

std::string encode_setup(const WorkerSetup& setup);
std::string encode_task(const GroupTask& task);
std::string encode_shutdown();

// A task that carries its own rows, for a worker that has no copy of the matrix (an MPI rank on
// another machine, exec/mpi_transport.hpp): the rows the task names, gathered in the order
// train, valid, unlabeled, and the task renumbered to them. Training on it gives the same model
// as on the whole matrix, since training reads only those rows, in that order.
std::string encode_task_with_rows(const GroupTask& task, const MatrixView& data);
struct TaskWithRows {
  GroupTask task;
  FeatureMatrix matrix;
};
TaskWithRows decode_task_with_rows(std::string_view payload);

struct FrameHeader {
  MessageKind kind;
  std::uint64_t payload_bytes;
};
// Checks magic, version and kind; `bytes` holds at least kFrameHeaderBytes.
FrameHeader decode_frame_header(std::string_view bytes);

// Each takes a payload (the bytes after the header).
WorkerSetup decode_setup(std::string_view payload);
GroupTask decode_task(std::string_view payload);

}  // namespace groupfit
