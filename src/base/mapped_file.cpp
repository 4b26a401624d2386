// MappedRegion: see mapped_file.hpp.
#include "base/mapped_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "base/unique_fd.hpp"
#include "groupfit/error.hpp"

namespace groupfit {

MappedRegion::MappedRegion(MappedRegion&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedRegion& MappedRegion::operator=(MappedRegion&& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  return *this;
}

MappedRegion::~MappedRegion() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

void MappedRegion::release(std::size_t offset, std::size_t length) const {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t from = (offset + page - 1) / page * page;
  const std::size_t to = std::min(offset + length, size_) / page * page;
  if (data_ != nullptr && to > from)
    ::madvise(static_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
}

MappedRegion MappedRegion::of_file(const std::string& path) {
  const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid())
    throw InputError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    throw InputError(fmt::format("cannot read '{}': not a regular file", path));
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0) return {};
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
  if (p == MAP_FAILED) {
    throw InputError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  ::madvise(p, size, MADV_SEQUENTIAL);
  return MappedRegion(p, size);
}

MappedRegion MappedRegion::of_fd(int fd, std::size_t bytes, const char* what) {
  if (bytes == 0) return {};
  void* p = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) throw std::system_error(errno, std::generic_category(), what);
  return MappedRegion(p, bytes);
}

}  // namespace groupfit
