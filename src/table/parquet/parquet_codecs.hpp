// Decompression of one page, for every codec Parquet writers use, each through Debian's library:
// SNAPPY (libsnappy), GZIP (zlib), ZSTD (libzstd), LZ4_RAW and the legacy LZ4 framing (liblz4),
// BROTLI (libbrotli). LZO is refused (no writer we know of uses it, and Debian's liblzo2 is GPL).
//
// The caller says how many bytes the page decompresses to (the page header's
// uncompressed_page_size, already checked against a sane bound) and gives a buffer of exactly that
// size: a page that decompresses to more or fewer bytes is CorruptFile, and no codec is ever
// allowed to write past the buffer, so a "bomb" claiming gigabytes costs nothing more than the
// bound the caller enforced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "table/parquet/parquet_metadata.hpp"

namespace groupfit::parquet {

// The codec's name as Parquet spells it ("SNAPPY"), for messages.
const char* codec_name(Codec codec);

// One per thread: holds the zstd context (reused from page to page) and zlib's stream.
class PageDecompressor {
 public:
  PageDecompressor();
  ~PageDecompressor();
  PageDecompressor(const PageDecompressor&) = delete;
  PageDecompressor& operator=(const PageDecompressor&) = delete;

  // Decompresses `in` into all of `out`; throws CorruptFile when the data is not valid for the
  // codec or does not decompress to exactly out.size() bytes, Unsupported for LZO or an unknown
  // codec.
  void decompress(Codec codec, std::span<const std::uint8_t> in, std::span<std::uint8_t> out);

 private:
  struct Contexts;
  std::unique_ptr<Contexts> contexts_;
};

}  // namespace groupfit::parquet
