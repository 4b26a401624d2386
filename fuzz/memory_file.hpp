// Bytes as a file with a path, for fuzz targets whose code under test opens a path
// (read_csv_file, apply_params_file) or reads a descriptor (read_frame). An anonymous memory
// file (memfd) named through /proc/self/fd: nothing touches the disk, nothing is left behind,
// and it is a regular file, which read_csv_file insists on. Aborts when the kernel refuses:
// that is a broken fuzzing set-up, not a finding.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "base/unique_fd.hpp"

namespace groupfit::fuzz {

class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) : fd_(::memfd_create("groupfit-fuzz", MFD_CLOEXEC)) {
    if (!fd_.valid()) std::abort();
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t wrote = ::write(fd_.get(), bytes.data() + done, bytes.size() - done);
      if (wrote <= 0) std::abort();
      done += static_cast<std::size_t>(wrote);
    }
    rewind();
  }

  int fd() const { return fd_.get(); }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_.get()); }
  void rewind() const {
    if (::lseek(fd_.get(), 0, SEEK_SET) != 0) std::abort();
  }

 private:
  UniqueFd fd_;
};

}  // namespace groupfit::fuzz
