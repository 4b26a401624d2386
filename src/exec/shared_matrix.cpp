// Shared matrix: see shared_matrix.hpp.
#include "exec/shared_matrix.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace groupfit {

std::size_t shared_matrix_bytes(std::size_t rows, std::size_t cols, bool weights) {
  return (rows * cols + rows + (weights ? rows : 0)) * sizeof(float);
}

UniqueFd create_shared_matrix(const FeatureMatrix& m) {
  UniqueFd fd(::memfd_create("groupfit-matrix", MFD_CLOEXEC));
  if (!fd.valid()) throw std::system_error(errno, std::generic_category(), "memfd_create");
  auto write_all = [&](const void* data, std::size_t bytes) {
    const char* p = static_cast<const char*>(data);
    while (bytes > 0) {
      const ssize_t n = ::write(fd.get(), p, bytes);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw std::system_error(errno, std::generic_category(), "write shared matrix");
      }
      p += n;
      bytes -= static_cast<std::size_t>(n);
    }
  };
  write_all(m.values.data(), m.values.size() * sizeof(float));
  std::vector<float> labels = m.labels;
  labels.resize(m.rows, 0.0f);
  write_all(labels.data(), labels.size() * sizeof(float));
  write_all(m.weights.data(), m.weights.size() * sizeof(float));
  return fd;
}

MappedRegion map_shared_matrix(int fd, std::size_t rows, std::size_t cols, bool weights) {
  const std::size_t bytes = shared_matrix_bytes(rows, cols, weights);
  return MappedRegion::of_fd(fd, bytes, "mmap shared matrix");
}

MatrixView view_of_shared(const MappedRegion& region, std::size_t rows, std::size_t cols,
                          bool weights, const std::vector<FeatureSpec>& features) {
  const auto* base = static_cast<const float*>(region.data());
  const float* labels = base + rows * cols;
  return MatrixView{std::span<const float>(base, rows * cols), std::span<const float>(labels, rows),
                    std::span<const float>(labels + rows, weights ? rows : 0), cols, features};
}

}  // namespace groupfit
