// Read-only memory mappings, owned: a whole regular file (the CSV reader, and the second pass
// that turns a row into a line for a message) or a descriptor's first bytes (the shared matrix a
// worker maps). One class, so that every mapping is unmapped on every path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace groupfit {

class MappedRegion {
 public:
  MappedRegion() = default;
  MappedRegion(const MappedRegion&) = delete;
  MappedRegion& operator=(const MappedRegion&) = delete;
  MappedRegion(MappedRegion&& other) noexcept;
  MappedRegion& operator=(MappedRegion&& other) noexcept;
  ~MappedRegion();

  const void* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Tells the kernel that [offset, offset + length) will not be read soon: its clean pages may
  // be dropped (they are read from the file again if needed). Only whole pages inside the range.
  void release(std::size_t offset, std::size_t length) const;

  // The whole of the regular file `path`; an empty file gives an empty region. Throws
  // InputError ("cannot open 'x': No such file or directory", "cannot read 'x': not a regular
  // file").
  static MappedRegion of_file(const std::string& path);
  // The first `bytes` of descriptor `fd`, shared; throws std::system_error naming `what`.
  static MappedRegion of_fd(int fd, std::size_t bytes, const char* what);

 private:
  MappedRegion(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace groupfit
