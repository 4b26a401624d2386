// PageDecompressor: see parquet_codecs.hpp.
#include "table/parquet/parquet_codecs.hpp"

#include <brotli/decode.h>
#include <fmt/format.h>
#include <lz4.h>
#include <lz4frame.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cstring>

#include "table/parquet/parquet_error.hpp"

namespace groupfit::parquet {
namespace {

std::uint32_t big_endian_u32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

[[noreturn]] void size_mismatch(Codec codec, std::size_t want) {
  throw CorruptFile(fmt::format("{} data does not decompress to the {} bytes its page header says",
                                codec_name(codec), want));
}

[[noreturn]] void bad_data(Codec codec) {
  throw CorruptFile(fmt::format("{} data is corrupt", codec_name(codec)));
}

// LZ4 block: exactly out.size() bytes or nothing.
bool lz4_block(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) {
  const int got = LZ4_decompress_safe(reinterpret_cast<const char*>(in.data()),
                                      reinterpret_cast<char*>(out.data()),
                                      static_cast<int>(in.size()), static_cast<int>(out.size()));
  return got >= 0 && static_cast<std::size_t>(got) == out.size();
}

// Hadoop's framing, what parquet-mr and Arrow before 2021 wrote as "LZ4": blocks, each with the
// big-endian sizes of its decompressed and compressed bytes.
bool lz4_hadoop(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) {
  std::size_t at = 0, written = 0;
  while (in.size() - at >= 8) {
    const std::size_t raw = big_endian_u32(in.data() + at);
    const std::size_t packed = big_endian_u32(in.data() + at + 4);
    at += 8;
    if (packed > in.size() - at || raw > out.size() - written) return false;
    if (!lz4_block(in.subspan(at, packed), out.subspan(written, raw))) return false;
    at += packed;
    written += raw;
  }
  return at == in.size() && written == out.size();
}

// The LZ4 frame format, which some older writers used for "LZ4".
bool lz4_frame(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) {
  LZ4F_dctx* raw = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&raw, LZ4F_VERSION))) return false;
  const std::unique_ptr<LZ4F_dctx, decltype(&LZ4F_freeDecompressionContext)> ctx(
      raw, &LZ4F_freeDecompressionContext);
  std::size_t in_at = 0, out_at = 0;
  for (;;) {
    std::size_t in_size = in.size() - in_at, out_size = out.size() - out_at;
    const std::size_t hint = LZ4F_decompress(ctx.get(), out.data() + out_at, &out_size,
                                             in.data() + in_at, &in_size, nullptr);
    if (LZ4F_isError(hint)) return false;
    in_at += in_size;
    out_at += out_size;
    if (hint == 0) return in_at == in.size() && out_at == out.size();
    if (in_size == 0 && out_size == 0) return false;  // no progress: output full or input cut
  }
}

}  // namespace

const char* codec_name(Codec codec) {
  switch (codec) {
    case Codec::Uncompressed:
      return "UNCOMPRESSED";
    case Codec::Snappy:
      return "SNAPPY";
    case Codec::Gzip:
      return "GZIP";
    case Codec::Lzo:
      return "LZO";
    case Codec::Brotli:
      return "BROTLI";
    case Codec::Lz4:
      return "LZ4";
    case Codec::Zstd:
      return "ZSTD";
    case Codec::Lz4Raw:
      return "LZ4_RAW";
  }
  return "an unknown codec";
}

struct PageDecompressor::Contexts {
  ZSTD_DCtx* zstd = nullptr;
  z_stream zlib{};
  bool zlib_ready = false;
  ~Contexts() {
    if (zstd != nullptr) ZSTD_freeDCtx(zstd);
    if (zlib_ready) inflateEnd(&zlib);
  }
};

PageDecompressor::PageDecompressor() : contexts_(std::make_unique<Contexts>()) {}
PageDecompressor::~PageDecompressor() = default;

void PageDecompressor::decompress(Codec codec, std::span<const std::uint8_t> in,
                                  std::span<std::uint8_t> out) {
  switch (codec) {
    case Codec::Uncompressed:
      if (in.size() != out.size()) size_mismatch(codec, out.size());
      if (!in.empty()) std::memcpy(out.data(), in.data(), in.size());
      return;
    case Codec::Snappy: {
      const auto* src = reinterpret_cast<const char*>(in.data());
      std::size_t length = 0;
      if (snappy_uncompressed_length(src, in.size(), &length) != SNAPPY_OK) bad_data(codec);
      if (length != out.size()) size_mismatch(codec, out.size());
      if (snappy_uncompress(src, in.size(), reinterpret_cast<char*>(out.data()), &length) !=
              SNAPPY_OK ||
          length != out.size()) {
        bad_data(codec);
      }
      return;
    }
    case Codec::Gzip: {
      z_stream& z = contexts_->zlib;
      if (!contexts_->zlib_ready) {
        if (inflateInit2(&z, 15 + 32) != Z_OK) throw std::bad_alloc();  // 32: gzip or zlib
        contexts_->zlib_ready = true;
      } else if (inflateReset(&z) != Z_OK) {
        bad_data(codec);
      }
      z.next_in = const_cast<Bytef*>(in.data());
      z.avail_in = static_cast<uInt>(in.size());
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      for (;;) {
        const int rc = inflate(&z, Z_FINISH);
        if (rc == Z_STREAM_END) {
          // Several gzip members are one stream, as gzip itself reads them.
          if (z.avail_in > 0 && z.avail_out > 0) {
            if (inflateReset(&z) != Z_OK) bad_data(codec);
            continue;
          }
          if (z.avail_out != 0 || z.avail_in != 0) size_mismatch(codec, out.size());
          return;
        }
        if (rc == Z_BUF_ERROR && z.avail_out == 0) size_mismatch(codec, out.size());
        bad_data(codec);
      }
    }
    case Codec::Zstd: {
      if (contexts_->zstd == nullptr) {
        contexts_->zstd = ZSTD_createDCtx();
        if (contexts_->zstd == nullptr) throw std::bad_alloc();
      }
      const std::size_t got =
          ZSTD_decompressDCtx(contexts_->zstd, out.data(), out.size(), in.data(), in.size());
      if (ZSTD_isError(got)) {
        if (ZSTD_getErrorCode(got) == ZSTD_error_dstSize_tooSmall) size_mismatch(codec, out.size());
        bad_data(codec);
      }
      if (got != out.size()) size_mismatch(codec, out.size());
      return;
    }
    case Codec::Lz4Raw:
      if (!lz4_block(in, out)) bad_data(codec);
      return;
    case Codec::Lz4:
      // What "LZ4" meant differed between writers: Hadoop's framing first (parquet-mr, Arrow),
      // then the frame format, then a bare block, as Arrow's reader tries them.
      if (lz4_hadoop(in, out)) return;
      if (in.size() >= 4 && in[0] == 0x04 && in[1] == 0x22 && in[2] == 0x4d && in[3] == 0x18 &&
          lz4_frame(in, out)) {
        return;
      }
      if (lz4_block(in, out)) return;
      bad_data(codec);
    case Codec::Brotli: {
      std::size_t size = out.size();
      if (BrotliDecoderDecompress(in.size(), in.data(), &size, out.data()) !=
          BROTLI_DECODER_RESULT_SUCCESS) {
        bad_data(codec);  // also when it would need more than out.size() bytes
      }
      if (size != out.size()) size_mismatch(codec, out.size());
      return;
    }
    case Codec::Lzo:
      throw Unsupported("the LZO codec is not supported (rewrite the file with SNAPPY or ZSTD)");
  }
  throw Unsupported(fmt::format("unknown codec {}", static_cast<int>(codec)));
}

}  // namespace groupfit::parquet
