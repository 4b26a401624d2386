// AtomicFile: see atomic_file.hpp.
#include "base/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "groupfit/error.hpp"

namespace groupfit {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path path) : path_(std::move(path)) {
  temp_ = path_;
  temp_ += fmt::format(".tmp-{}", ::getpid());
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    throw OutputError(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::error_code ignored;
    fs::remove(temp_, ignored);
  }
}

void AtomicFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) {
    throw OutputError(fmt::format("cannot write '{}' (disk full?)", path_.string()));
  }
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) throw OutputError(fmt::format("cannot write '{}': {}", path_.string(), ec.message()));
  committed_ = true;
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  AtomicFile file(path);
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  file.commit();
}

void check_output_dir(const fs::path& dir) {
  std::error_code ec;
  fs::path probe = dir.empty() ? fs::path(".") : dir;
  if (fs::exists(probe, ec) && !fs::is_directory(probe, ec)) {
    throw OutputError(fmt::format("--out '{}' exists and is not a folder", dir.string()));
  }
  // The folder or, when it does not exist yet, the nearest existing one above it.
  probe = fs::absolute(probe, ec);
  while (!fs::exists(probe, ec) && probe.has_parent_path() && probe != probe.parent_path()) {
    probe = probe.parent_path();
  }
  if (!fs::is_directory(probe, ec)) {
    throw OutputError(
        fmt::format("cannot create '{}': '{}' is not a folder", dir.string(), probe.string()));
  }
  if (::access(probe.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(
        fmt::format("cannot write in '{}': {}", probe.string(), std::strerror(errno)));
  }
}

void check_output_file(const fs::path& path, const std::string& flag) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw OutputError(fmt::format("{} '{}' is a folder", flag, path.string()));
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    throw OutputError(
        fmt::format("cannot write {} '{}': no folder '{}'", flag, path.string(), dir.string()));
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(
        fmt::format("cannot write {} '{}': {}", flag, path.string(), std::strerror(errno)));
  }
}

void prepare_output_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw OutputError(fmt::format("--out '{}' exists and is not a folder", dir.string()));
  }
  fs::create_directories(dir, ec);
  if (ec) throw OutputError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(fmt::format("cannot write in '{}': {}", dir.string(), std::strerror(errno)));
  }
}

}  // namespace groupfit
