// read_input and its helpers: see input_source.hpp.
#include "table/input_source.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "base/unique_fd.hpp"
#include "groupfit/error.hpp"
#include "table/input_decompress.hpp"
#include "table/input_format.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kReadStep = std::size_t{1} << 20;

// What one read() gives (0 at the end), retried when a signal interrupts it.
std::size_t read_some(int fd, std::span<char> into, std::string_view name) {
  for (;;) {
    const ssize_t got = ::read(fd, into.data(), std::min(into.size(), kReadStep));
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) {
      throw InputError(fmt::format("cannot read '{}': {}", name, std::strerror(errno)));
    }
  }
}

// Decompresses `first` and then, when `fd` is not -1, what is left to read from it.
InputText decompress(std::string name, const SniffedFormat& sniffed, std::string_view first, int fd,
                     std::size_t max_bytes) {
  InputBuffer text;
  const std::unique_ptr<Decompressor> decompressor =
      make_decompressor(sniffed.format, name, max_bytes);
  decompressor->feed(first, text);
  if (fd >= 0) {
    const auto chunk = std::make_unique<char[]>(kReadStep);
    while (const std::size_t got = read_some(fd, {chunk.get(), kReadStep}, name)) {
      decompressor->feed({chunk.get(), got}, text);
    }
  }
  decompressor->finish();
  // A .tar.gz or a gzip'ed Parquet file: named as such rather than parsed.
  const SniffedFormat inner = sniff_format(text.bytes().substr(0, kSniffBytes));
  if (inner.format != InputFormat::Text) {
    throw InputError(
        not_csv_message(name, inner, sniffed.format == InputFormat::Gzip ? "gzip" : "zstd"));
  }
  return {std::move(name), std::move(text)};
}

// Standard input, a pipe or a device: read to its end, decompressing as it arrives.
InputText read_stream(int fd, std::string name, std::size_t max_bytes) {
  InputBuffer head;
  std::size_t got = 1;
  while (head.size() < kSniffBytes && got > 0) {
    got = read_some(fd, head.room(kReadStep), name);
    head.commit(got);
  }
  const SniffedFormat sniffed = sniff_format(head.bytes().substr(0, kSniffBytes));
  switch (sniffed.format) {
    case InputFormat::Gzip:
    case InputFormat::Zstd:
      return decompress(std::move(name), sniffed, head.bytes(), fd, max_bytes);
    case InputFormat::Other:
      if (sniffed.what == "Parquet") {
        throw InputError(fmt::format(
            "{}: Parquet cannot be read from standard input or a pipe (it needs its footer, at "
            "the end of the file): give the file's path",
            name));
      }
      throw InputError(not_csv_message(name, sniffed));
    case InputFormat::Text:
      break;
  }
  while (got > 0) {
    got = read_some(fd, head.room(kReadStep), name);
    head.commit(got);
    if (head.size() > max_bytes) {
      throw InputError(fmt::format("{}: more than {} bytes (the limit)", name, max_bytes));
    }
  }
  return {std::move(name), std::move(head)};
}

}  // namespace

bool is_standard_input(std::string_view path) {
  return path == "-";
}

std::string input_name(const std::string& path) {
  return is_standard_input(path) ? "<stdin>" : path;
}

bool can_read_again(const std::string& path) {
  struct stat st {};
  return !is_standard_input(path) && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

InputText::InputText(std::string name, MappedRegion file)
    : name_(std::move(name)), file_(std::move(file)), mapped_(true) {}

InputText::InputText(std::string name, InputBuffer text)
    : name_(std::move(name)), text_(std::move(text)) {}

void InputText::release(std::size_t offset, std::size_t length) const {
  if (mapped_) file_.release(offset, length);
}

InputText read_input(const std::string& path, std::size_t max_bytes) {
  if (is_standard_input(path)) {
    // Reading would wait for the user to type a table: almost surely a forgotten pipe.
    if (::isatty(STDIN_FILENO)) {
      throw InputError(
          "standard input is a terminal: pipe the CSV in (zcat data.csv.gz | groupfit train - "
          "...) or give its path");
    }
    return read_stream(STDIN_FILENO, input_name(path), max_bytes);
  }
  const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) {
    throw InputError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    throw InputError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    throw InputError(fmt::format("cannot read '{}': {}", path, std::strerror(EISDIR)));
  }
  if (!S_ISREG(st.st_mode)) return read_stream(fd.get(), path, max_bytes);
  MappedRegion file = MappedRegion::of_file(path);
  const SniffedFormat sniffed = sniff_format(file.bytes().substr(0, kSniffBytes));
  switch (sniffed.format) {
    case InputFormat::Text:
      return {path, std::move(file)};
    case InputFormat::Gzip:
    case InputFormat::Zstd:
      return decompress(path, sniffed, file.bytes(), -1, max_bytes);
    case InputFormat::Other:
      break;
  }
  throw InputError(not_csv_message(path, sniffed));
}

}  // namespace groupfit
