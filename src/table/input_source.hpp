// Where a CSV input's bytes come from: a path, or "-" for standard input. What the bytes are is
// told by their first bytes (table/input_format.hpp), never by the name: plain text is parsed
// as it is, gzip and zstd are decompressed, and any other known format is refused by name.
//
// A plain regular file is mapped, not copied, so the common case costs nothing more than it did
// before compressed input existed. Compressed files, standard input and pipes (/dev/stdin,
// <(zcat x.gz)) cannot be mapped as text: they are read to their end into memory, once, as a
// stream, so `zcat big.csv.gz | groupfit train - ...` needs no temporary file. Such text is held
// until parsing ends (a mapped file's pages are dropped as slices are parsed instead).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "base/mapped_file.hpp"
#include "table/input_buffer.hpp"

namespace groupfit {

// "-" names standard input.
bool is_standard_input(std::string_view path);

// The input's name in messages: the path as given, or "<stdin>".
std::string input_name(const std::string& path);

// Whether the input can be read a second time (to find a row's line for a message): a regular
// file, compressed or not. Not standard input nor a pipe, whose bytes are gone once read (and
// opening a named pipe again would wait for a writer that never comes).
bool can_read_again(const std::string& path);

// An input's whole CSV text: a mapped file, or bytes held in memory.
class InputText {
 public:
  InputText(std::string name, MappedRegion file);
  InputText(std::string name, InputBuffer text);

  std::string_view bytes() const { return mapped_ ? file_.bytes() : text_.bytes(); }
  const std::string& name() const { return name_; }
  // [offset, offset + length) of bytes() will not be read soon. A mapped file's pages may then
  // be dropped, to be read from the file again if needed; text held in memory is kept, since
  // nothing could bring it back.
  void release(std::size_t offset, std::size_t length) const;

 private:
  std::string name_;
  MappedRegion file_;
  InputBuffer text_;
  bool mapped_ = false;
};

// The text of the input `path` names ("-": standard input), decompressed when its first bytes
// are gzip or zstd. Throws InputError: "cannot open 'x.csv': No such file or directory",
// "cannot read 'dir': Is a directory", "data.parquet: not a CSV file: it looks like Parquet",
// "x.csv.gz: the gzip data ends early (was the file cut short?)", "standard input is a
// terminal: ...". `max_bytes` bounds text read from a stream or decompressed (for the fuzzer).
InputText read_input(const std::string& path,
                     std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

}  // namespace groupfit
