// Fuzzes the input layer under the CSV reader (src/table/input_*): format sniffing and the gzip
// and zstd decompressors, over arbitrary bytes given both as a regular file (mapped, then
// decompressed whole) and as a pipe (read in chunks as they arrive, decompressed as a stream).
// The only acceptable failure is an InputError; anything else — a crash, a sanitizer report,
// another exception, a hang — is a finding.
//
// Differential: the file and the pipe must give the same text, or the same message but for the
// input's name, however the pipe's chunks cut the compressed stream. The text is then parsed as
// CSV, as read_csv_file would, which must fail only with an InputError too.
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "groupfit/error.hpp"
#include "memory_file.hpp"
#include "table/csv_reader.hpp"
#include "table/input_source.hpp"

namespace {

// Decompressed text is bounded: a few kilobytes of zstd can claim gigabytes, more than the
// fuzzer's memory limit.
constexpr std::size_t kMaxBytes = std::size_t{64} << 20;

// The text, or the InputError's message without the input's name in front.
struct Outcome {
  std::optional<std::string> text;
  std::string error;
};

Outcome outcome_of(const std::string& path) {
  try {
    return {std::string(groupfit::read_input(path, kMaxBytes).bytes()), {}};
  } catch (const groupfit::InputError& e) {
    const std::string_view message = e.what();
    return {std::nullopt,
            std::string(message.starts_with(path) ? message.substr(path.size()) : message)};
  }
}

// `bytes` written into a pipe by another thread, in pieces of varied size so that chunk
// boundaries fall anywhere in a compressed stream; read through the pipe's /proc path.
Outcome through_pipe(std::string_view bytes) {
  int fds[2];
  if (::pipe(fds) != 0) std::abort();
  std::jthread writer([bytes, fd = fds[1]] {
    std::size_t done = 0, piece = 1;
    while (done < bytes.size()) {
      const std::size_t n = std::min(piece, bytes.size() - done);
      const ssize_t wrote = ::write(fd, bytes.data() + done, n);
      if (wrote <= 0) break;  // the reader stopped early (an error): nothing more to give it
      done += static_cast<std::size_t>(wrote);
      piece = piece * 3 + 1;
    }
    ::close(fd);
  });
  Outcome outcome = outcome_of("/proc/self/fd/" + std::to_string(fds[0]));
  ::close(fds[0]);  // a writer blocked on a full pipe gets EPIPE and stops
  return outcome;
}

}  // namespace

// A reader that stops early (an error) closes the pipe on a writer with bytes left: its write
// must fail with EPIPE, not raise the SIGPIPE that ends the whole fuzzer in silence.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::signal(SIGPIPE, SIG_IGN);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const groupfit::fuzz::MemoryFile file(bytes);
  const Outcome mapped = outcome_of(file.path());
  const Outcome piped = through_pipe(bytes);
  if (mapped.text != piped.text || mapped.error != piped.error) std::abort();
  if (mapped.text) {
    try {
      (void)groupfit::read_csv_text(*mapped.text, {0, 2, /*min_chunk_bytes=*/1}, "f.csv");
    } catch (const groupfit::InputError&) {
    }
  }
  return 0;
}
