// InputBuffer: see input_buffer.hpp.
#include "table/input_buffer.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <new>
#include <utility>

namespace groupfit {

InputBuffer::InputBuffer(InputBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

InputBuffer& InputBuffer::operator=(InputBuffer&& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  std::swap(capacity_, other.capacity_);
  return *this;
}

InputBuffer::~InputBuffer() {
  if (data_ != nullptr) ::munmap(data_, capacity_);
}

std::span<char> InputBuffer::room(std::size_t at_least) {
  if (capacity_ - size_ < at_least) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t needed = (size_ + at_least + page - 1) / page * page;
    const std::size_t grown = std::max({capacity_ * 2, needed, std::size_t{1} << 20});
    // MAP_NORESERVE: only the pages written count against the system's memory, not the
    // doubling's headroom.
    void* p = data_ == nullptr ? ::mmap(nullptr, grown, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
                               : ::mremap(data_, capacity_, grown, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) throw std::bad_alloc();
    // Transparent huge pages where the system allows them (Debian's default: on request): a
    // first write to each 4 KiB page costs a page fault, which made up a third of the time to
    // decompress a file; a 2 MiB page costs one for 512 of them. A hint: refused, nothing lost.
    if (data_ == nullptr) ::madvise(p, grown, MADV_HUGEPAGE);
    data_ = static_cast<char*>(p);
    capacity_ = grown;
  }
  return {data_ + size_, capacity_ - size_};
}

}  // namespace groupfit
