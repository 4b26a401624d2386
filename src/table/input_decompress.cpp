// make_decompressor: see input_decompress.hpp. Each decompressor writes straight into the
// buffer's free space, a few MiB per call, so text is produced in place and never copied.
#include "table/input_decompress.hpp"

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <new>
#include <utility>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kStep = std::size_t{4} << 20;  // output room offered per call

void check_limit(const InputBuffer& out, std::size_t max_bytes, std::string_view name) {
  if (out.size() > max_bytes) {
    throw InputError(
        fmt::format("{}: more than {} bytes once decompressed (the limit)", name, max_bytes));
  }
}

class GzipDecompressor final : public Decompressor {
 public:
  GzipDecompressor(std::string name, std::size_t max_bytes)
      : name_(std::move(name)), max_bytes_(max_bytes) {
    // 16 + MAX_WBITS: the gzip wrapper, and only it (a bare zlib stream is no .gz file).
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  GzipDecompressor(const GzipDecompressor&) = delete;
  GzipDecompressor& operator=(const GzipDecompressor&) = delete;
  ~GzipDecompressor() override { inflateEnd(&z_); }

  void feed(std::string_view piece, InputBuffer& out) override {
    while (!piece.empty()) {
      // zlib counts in 32 bits.
      const auto take = static_cast<uInt>(std::min<std::size_t>(piece.size(), 1u << 30));
      z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
      z_.avail_in = take;
      while (z_.avail_in > 0) {
        if (member_ended_) {  // what follows a member must be another member
          inflateReset(&z_);
          member_ended_ = false;
          member_output_ = 0;
        }
        const std::span<char> room = out.room(kStep);
        const auto offered = static_cast<uInt>(std::min(room.size(), kStep));
        z_.next_out = reinterpret_cast<Bytef*>(room.data());
        z_.avail_out = offered;
        const int rc = inflate(&z_, Z_NO_FLUSH);
        out.commit(offered - z_.avail_out);
        member_output_ += offered - z_.avail_out;
        check_limit(out, max_bytes_, name_);
        if (rc == Z_STREAM_END) {
          member_ended_ = true;
          ++members_;
          members_end_ = fed_ + (take - z_.avail_in);
        } else if (rc != Z_OK) {
          fail(rc);
        }
      }
      fed_ += take;
      piece.remove_prefix(take);
    }
  }

  void finish() override {
    if (!member_ended_) {
      throw InputError(
          fmt::format("{}: the gzip data ends early (was the file cut short?)", name_));
    }
  }

 private:
  // No byte position: where the decoder notices an error depends on how the stream was cut
  // into pieces, and a file must give the same message read whole or through a pipe.
  [[noreturn]] void fail(int rc) const {
    if (rc == Z_MEM_ERROR) throw std::bad_alloc();
    if (members_ > 0 && member_output_ == 0) {
      throw InputError(fmt::format(
          "{}: the bytes after the end of the gzip data (from byte {}) are not gzip data", name_,
          members_end_));
    }
    throw InputError(fmt::format("{}: corrupt gzip data: {}", name_,
                                 z_.msg != nullptr ? z_.msg : "no progress possible"));
  }

  std::string name_;
  std::size_t max_bytes_;
  z_stream z_{};
  std::size_t fed_ = 0;            // compressed bytes before the current piece
  std::size_t members_ = 0;        // members decompressed whole
  std::size_t members_end_ = 0;    // compressed bytes up to the end of the last whole member
  std::size_t member_output_ = 0;  // bytes the current member gave so far
  bool member_ended_ = false;
};

struct FreeZstdContext {
  void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

class ZstdDecompressor final : public Decompressor {
 public:
  ZstdDecompressor(std::string name, std::size_t max_bytes)
      : name_(std::move(name)), max_bytes_(max_bytes), context_(ZSTD_createDCtx()) {
    if (!context_) throw std::bad_alloc();
  }

  void feed(std::string_view piece, InputBuffer& out) override {
    ZSTD_inBuffer in{piece.data(), piece.size(), 0};
    for (;;) {
      const std::span<char> room = out.room(kStep);
      ZSTD_outBuffer o{room.data(), std::min(room.size(), kStep), 0};
      const std::size_t used_before = in.pos;
      // 0 once a frame is complete and flushed; a following frame starts at the next call.
      const std::size_t rc = ZSTD_decompressStream(context_.get(), &o, &in);
      out.commit(o.pos);
      check_limit(out, max_bytes_, name_);
      if (ZSTD_isError(rc)) fail(rc);
      if (in.pos == used_before && o.pos == 0 && in.pos < in.size) {
        throw InputError(fmt::format("{}: corrupt zstd data: no progress possible", name_));
      }
      frame_open_ = rc != 0;
      // Done when the piece is used up and the decoder had no more to give.
      if (in.pos == in.size && o.pos < o.size) break;
    }
  }

  void finish() override {
    if (frame_open_) {
      throw InputError(
          fmt::format("{}: the zstd data ends early (was the file cut short?)", name_));
    }
  }

 private:
  [[noreturn]] void fail(std::size_t rc) const {
    if (ZSTD_getErrorCode(rc) == ZSTD_error_memory_allocation) throw std::bad_alloc();
    if (ZSTD_getErrorCode(rc) == ZSTD_error_frameParameter_windowTooLarge) {
      // zstd --long=N: the decoder refuses windows over 128 MiB unless told; so does zstd -d.
      throw InputError(fmt::format(
          "{}: the zstd data needs a window over 128 MiB (compressed with --long?): pipe it in "
          "with zstd -dc --long=31 FILE | groupfit ... -",
          name_));
    }
    throw InputError(fmt::format("{}: corrupt zstd data: {}", name_, ZSTD_getErrorName(rc)));
  }

  std::string name_;
  std::size_t max_bytes_;
  std::unique_ptr<ZSTD_DCtx, FreeZstdContext> context_;
  bool frame_open_ = true;  // a frame has begun and not ended
};

}  // namespace

std::unique_ptr<Decompressor> make_decompressor(InputFormat format, std::string name,
                                                std::size_t max_bytes) {
  if (format == InputFormat::Gzip) {
    return std::make_unique<GzipDecompressor>(std::move(name), max_bytes);
  }
  return std::make_unique<ZstdDecompressor>(std::move(name), max_bytes);
}

}  // namespace groupfit
