// The encoded matrix, labels and weights, written once by the parent into an anonymous shared
// memory file (memfd) that every worker process maps read-only: the data reaches W workers without
// W copies or any serialization. The descriptor is inherited across exec; the mapping is freed by
// the kernel when the last process unmaps it, so nothing is left in /dev/shm after a crash.
#pragma once

#include <cstddef>

#include "base/mapped_file.hpp"
#include "base/unique_fd.hpp"
#include "plan/feature_matrix.hpp"

namespace groupfit {

// Layout: rows*cols float values, then rows float labels, then (with `weights`) rows weights.
std::size_t shared_matrix_bytes(std::size_t rows, std::size_t cols, bool weights);

// A memfd holding the matrix; close-on-exec; WorkerProcess passes it to each worker explicitly.
UniqueFd create_shared_matrix(const FeatureMatrix& matrix);

// Maps a shared matrix read-only; throws std::system_error.
MappedRegion map_shared_matrix(int fd, std::size_t rows, std::size_t cols, bool weights);

// A view over a mapping made by map_shared_matrix.
MatrixView view_of_shared(const MappedRegion& region, std::size_t rows, std::size_t cols,
                          bool weights, const std::vector<FeatureSpec>& features);

}  // namespace groupfit
