// write_all, send_all and read_fully: see fd_io.hpp.
#include "base/fd_io.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace groupfit {
namespace {

template <typename Transfer>
void transfer_all(std::string_view bytes, const char* what, Transfer transfer) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = transfer(bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), what);
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void write_all(int fd, std::string_view bytes, const char* what) {
  transfer_all(bytes, what, [fd](const char* p, std::size_t n) { return ::write(fd, p, n); });
}

void send_all(int socket, std::string_view bytes, const char* what) {
  transfer_all(bytes, what, [socket](const char* p, std::size_t n) {
    return ::send(socket, p, n, MSG_NOSIGNAL);
  });
}

std::size_t read_fully(int fd, char* out, std::size_t n, const char* what) {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd, out + done, n - done);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), what);
    }
    done += static_cast<std::size_t>(got);
  }
  return done;
}

}  // namespace groupfit
