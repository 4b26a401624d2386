// Streaming decompression of a gzip (zlib) or zstd (libzstd) input into an InputBuffer, fed in
// pieces as they arrive — the whole mapping of a compressed file, or chunks read from a pipe —
// so that `zcat big.csv.gz | groupfit train -` and `groupfit train big.csv.zst` hold only the
// decompressed text, never a second copy of the compressed bytes.
//
// What `gzip -d` and `zstd -d` accept is accepted here: several gzip members or zstd frames one
// after another (pigz, `cat a.gz b.gz`) are one text. What they refuse is an InputError naming
// the input: corrupt data, a stream cut short, bytes after the end that are not another member.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "table/input_buffer.hpp"
#include "table/input_format.hpp"

namespace groupfit {

class Decompressor {
 public:
  virtual ~Decompressor() = default;
  // Decompresses the next piece of the compressed stream onto the end of `out`.
  virtual void feed(std::string_view piece, InputBuffer& out) = 0;
  // The stream has ended: throws InputError when it ended inside a gzip member or zstd frame.
  virtual void finish() = 0;
};

// `format` is InputFormat::Gzip or InputFormat::Zstd. Messages start with `name` (the path, or
// "<stdin>"); more than `max_bytes` of decompressed text is an InputError too (the fuzzer's
// bound: a few kilobytes of zstd can claim gigabytes).
std::unique_ptr<Decompressor> make_decompressor(InputFormat format, std::string name,
                                                std::size_t max_bytes);

}  // namespace groupfit
