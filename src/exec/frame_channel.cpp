// write_frame and read_frame: see frame_channel.hpp.
#include "exec/frame_channel.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace groupfit {
namespace {

// Reads exactly n bytes; returns the count read before end of stream.
std::size_t read_fully(int fd, char* out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd, out + done, n - done);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "read from worker pipe");
    }
    done += static_cast<std::size_t>(got);
  }
  return done;
}

}  // namespace

void write_frame(int fd, std::string_view frame) {
  std::size_t done = 0;
  while (done < frame.size()) {
    // send with MSG_NOSIGNAL: a worker that died must not kill the parent with SIGPIPE.
    ssize_t wrote = ::send(fd, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
    if (wrote < 0 && errno == ENOTSOCK)
      wrote = ::write(fd, frame.data() + done, frame.size() - done);
    if (wrote < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "write to worker pipe");
    }
    done += static_cast<std::size_t>(wrote);
  }
}

std::optional<Frame> read_frame(int fd) {
  char header[kFrameHeaderBytes];
  const std::size_t got = read_fully(fd, header, sizeof(header));
  if (got == 0) return std::nullopt;
  if (got < sizeof(header)) throw WireError("truncated message header");
  const FrameHeader h = decode_frame_header(std::string_view(header, sizeof(header)));
  // The payload's length is only the header's claim: the buffer grows with the bytes that
  // actually arrive, a piece at a time, so a corrupt header announcing gigabytes costs nothing
  // before the stream ends (fuzz/wire_format_fuzzer.cpp feeds such headers).
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  Frame frame{h.kind, {}};
  while (frame.payload.size() < h.payload_bytes) {
    const std::size_t done = frame.payload.size();
    const std::size_t piece = std::min<std::uint64_t>(kPiece, h.payload_bytes - done);
    frame.payload.resize(done + piece);
    if (read_fully(fd, frame.payload.data() + done, piece) < piece) {
      throw WireError("truncated message");
    }
  }
  return frame;
}

}  // namespace groupfit
