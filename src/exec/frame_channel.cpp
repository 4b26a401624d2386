// write_frame and read_frame: see frame_channel.hpp.
#include "exec/frame_channel.hpp"

#include <algorithm>

#include "base/fd_io.hpp"

namespace groupfit {

void write_frame(int fd, std::string_view frame) {
  send_all(fd, frame, "write to worker channel");
}

std::optional<Frame> read_frame(int fd) {
  char header[kFrameHeaderBytes];
  const std::size_t got = read_fully(fd, header, sizeof(header), "read from worker channel");
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
    if (read_fully(fd, frame.payload.data() + done, piece, "read from worker channel") < piece) {
      throw WireError("truncated message");
    }
  }
  return frame;
}

}  // namespace groupfit
