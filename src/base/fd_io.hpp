// Whole-buffer reads and writes on a file descriptor, retrying on EINTR and short transfers:
// what the worker channel (a socket) and the checkpoint (a file) both need. Sockets are written
// with send(MSG_NOSIGNAL), so a reader that died gives EPIPE rather than a SIGPIPE that kills
// the writer; files with write(), rather than trying send() first and failing with ENOTSOCK on
// every checkpoint frame.
#pragma once

#include <cstddef>
#include <string_view>

namespace groupfit {

// Throw std::system_error naming `what` on an error.
void write_all(int fd, std::string_view bytes, const char* what);
void send_all(int socket, std::string_view bytes, const char* what);
// Reads exactly `n` bytes unless the stream ends first; returns the count read.
std::size_t read_fully(int fd, char* out, std::size_t n, const char* what);

}  // namespace groupfit
