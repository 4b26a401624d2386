// The bytes of an input that cannot be mapped from a file — standard input, a pipe, or what a
// gzip or zstd file decompresses to — held in one anonymous memory mapping that grows with
// mremap(). Growing moves page tables, not bytes, so a 10 GB stream is never copied and never
// held twice (a std::string would copy it at each doubling, holding up to three times its size
// while it does); capacity not yet written costs address space only.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace groupfit {

class InputBuffer {
 public:
  InputBuffer() = default;
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;
  InputBuffer(InputBuffer&& other) noexcept;
  InputBuffer& operator=(InputBuffer&& other) noexcept;
  ~InputBuffer();

  std::string_view bytes() const { return {data_, size_}; }
  std::size_t size() const { return size_; }

  // Free space at the end, at least `at_least` bytes (growing the buffer, whose bytes may then
  // move): write into it, then commit() what was written. Throws std::bad_alloc when the system
  // refuses more memory.
  std::span<char> room(std::size_t at_least);
  void commit(std::size_t written) { size_ += written; }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace groupfit
