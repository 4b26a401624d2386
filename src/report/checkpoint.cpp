// CheckpointWriter and read_checkpoint: see checkpoint.hpp.
#include "report/checkpoint.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "base/fd_io.hpp"
#include "base/frame.hpp"
#include "groupfit/error.hpp"
#include "train/result_codec.hpp"

namespace groupfit {

namespace {
constexpr std::string_view kMagic = "groupfit-checkpoint ";
}

CheckpointWriter::CheckpointWriter(const std::filesystem::path& path,
                                   const std::string& config_hash, bool append,
                                   std::uint64_t readable_bytes)
    : path_(path), appending_(append) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
  fd_ = UniqueFd(::open(path.c_str(), flags, 0644));
  if (!fd_.valid()) {
    throw OutputError(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  }
  if (append) {
    if (::ftruncate(fd_.get(), static_cast<off_t>(readable_bytes)) != 0) {
      throw OutputError(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
    }
    return;
  }
  try {
    write_all(fd_.get(), std::string(kMagic) + config_hash + "\n", "write checkpoint");
  } catch (const std::system_error& e) {  // a full disk: leave no empty checkpoint behind
    discard_if_unused();
    throw OutputError(fmt::format("cannot write '{}': {}", path_.string(), e.code().message()));
  }
}

void CheckpointWriter::add(const GroupResult& result) {
  try {
    write_all(fd_.get(), encode_result(result), "write checkpoint");
    ++added_;
  } catch (const std::system_error& e) {
    throw OutputError(fmt::format("cannot write '{}': {}", path_.string(), e.code().message()));
  } catch (const std::exception& e) {
    throw OutputError(fmt::format("cannot write '{}': {}", path_.string(), e.what()));
  }
}

void CheckpointWriter::discard_if_unused() {
  if (appending_ || added_ > 0) return;
  fd_ = UniqueFd();
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Checkpoint read_checkpoint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("nothing to resume: no checkpoint at '{}'", path.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  const auto newline = bytes.find('\n');
  if (bytes.compare(0, kMagic.size(), kMagic) != 0 || newline == std::string::npos) {
    throw InputError(fmt::format("'{}' is not a groupfit checkpoint", path.string()));
  }
  Checkpoint cp;
  cp.config_hash = bytes.substr(kMagic.size(), newline - kMagic.size());
  std::size_t pos = newline + 1;
  cp.readable_bytes = pos;
  while (bytes.size() - pos >= kFrameHeaderBytes) {
    try {
      const RawFrameHeader h = decode_raw_frame_header(std::string_view(bytes).substr(pos));
      if (h.kind != kResultFrameKind || bytes.size() - pos - kFrameHeaderBytes < h.payload_bytes) {
        break;
      }
      cp.results.push_back(
          decode_result(std::string_view(bytes).substr(pos + kFrameHeaderBytes, h.payload_bytes)));
      pos += kFrameHeaderBytes + h.payload_bytes;
      cp.readable_bytes = pos;
    } catch (const WireError&) {
      break;  // a torn last frame: what came before is still good
    }
  }
  return cp;
}

}  // namespace groupfit
