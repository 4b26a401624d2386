// The exception the Parquet decoding layers throw for a file that breaks the format: a page size
// that does not fit, a value count that lies, a dictionary index out of range. It carries only
// what is wrong ("page of 2147483647 bytes runs past its column chunk"); the reader, which knows
// the file, the column and the row group, turns it into the user's one-line InputError
// (parquet_reader.cpp). Kept apart from InputError so that no lower layer has to know the file's
// name, and so that a message never names the file twice.
#pragma once

#include <stdexcept>
#include <string>

namespace groupfit::parquet {

class CorruptFile : public std::runtime_error {
 public:
  explicit CorruptFile(const std::string& what) : std::runtime_error(what) {}
};

// Something the format allows that groupfit does not read (LZO, an encrypted footer, a page
// encoding of a future version): the message says what.
class Unsupported : public std::runtime_error {
 public:
  explicit Unsupported(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace groupfit::parquet
