// OutDirLock: see out_lock.hpp.
//
// The lock file is removed when the run ends, which makes a classic race possible: a second run
// opens .lock, the first removes it and unlocks, the second locks the removed file while a third
// creates and locks a new one — two holders. So after locking, a run checks that the path still
// names the file it locked, and starts again otherwise.
#include "report/out_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/atomic_file.hpp"
#include "groupfit/error.hpp"

namespace groupfit {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockName = ".lock";

// The pid the holder wrote, or "" if it has not written it yet.
std::string holder_pid(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  std::string pid(text, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.find_first_not_of("0123456789") == std::string::npos ? pid : "";
}

// True when `path` still names the file open as `fd`.
bool still_named(int fd, const fs::path& path) {
  struct stat open_file = {}, named = {};
  return ::fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &named) == 0 &&
         open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

}  // namespace

OutDirLock::OutDirLock(const fs::path& dir) : dir_(dir) {
  const fs::path path = dir_ / kLockName;
  // A few rounds at most: each retry means another run removed .lock (or --out) just now.
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::error_code ec;
    if (!fs::exists(dir_, ec)) created_dir_ = true;
    prepare_output_dir(dir_);
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (!fd.valid()) {
      if (errno == ENOENT) continue;  // --out was removed by a run that just ended
      throw OutputError(fmt::format("cannot lock '{}': {}", dir_.string(), std::strerror(errno)));
    }
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK) {
        throw OutputError(fmt::format("cannot lock '{}': {}", dir_.string(), std::strerror(errno)));
      }
      const std::string pid = holder_pid(fd.get());
      throw OutputError(fmt::format(
          "'{}' is in use by another groupfit run{}; wait for it to end or use another --out",
          dir_.string(), pid.empty() ? "" : fmt::format(" (pid {})", pid)));
    }
    if (!still_named(fd.get(), path)) continue;
    // Only for the message above: the lock itself is the flock, so a failed write is harmless.
    const std::string pid = fmt::format("{}\n", ::getpid());
    if (::ftruncate(fd.get(), 0) == 0) {
      [[maybe_unused]] const ssize_t written = ::pwrite(fd.get(), pid.data(), pid.size(), 0);
    }
    fd_ = std::move(fd);
    return;
  }
  throw OutputError(fmt::format("cannot lock '{}': its lock file keeps changing", dir_.string()));
}

OutDirLock::~OutDirLock() {
  // Removed while still held, so that no run can lock this file after it is gone from --out.
  ::unlink((dir_ / kLockName).c_str());
  fd_.reset();
  std::error_code ignored;
  // fs::remove deletes a folder only when it is empty: anything the run kept stays.
  if (created_dir_) fs::remove(dir_, ignored);
}

}  // namespace groupfit
