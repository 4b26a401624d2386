// Moves whole wire frames (wire_format.hpp) over a file descriptor: a socket pair between the
// parent and a worker (a socket so a dead reader gives EPIPE, not a SIGPIPE that kills us). Writes
// retry on EINTR and short writes; reads return the complete frame or report a clean end of stream
// (the other side exited), so a crashed worker shows up as end-of-stream rather than a hang.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exec/wire_format.hpp"

namespace groupfit {

struct Frame {
  MessageKind kind;
  std::string payload;
};

// Throws std::system_error on a write error (EPIPE when the reader is gone).
void write_frame(int fd, std::string_view frame);

// The next frame, or nullopt at end of stream before its first byte. Throws WireError on a
// malformed or truncated frame, std::system_error on a read error.
std::optional<Frame> read_frame(int fd);

}  // namespace groupfit
