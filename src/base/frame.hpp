// The frame every groupfit message travels in, over a socket or in the checkpoint file:
// u32 magic "GFW1", u16 version, u16 kind, u64 payload length, payload. Versioned, so a worker
// or checkpoint from another build is refused rather than misread. Which kinds exist is the
// business of the formats inside (exec/wire_format.hpp, train/result_codec.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/byte_codec.hpp"

namespace groupfit {

inline constexpr std::uint32_t kWireMagic = 0x31574647;  // "GFW1" little-endian
inline constexpr std::uint16_t kWireVersion = 3;
inline constexpr std::size_t kFrameHeaderBytes = 16;
inline constexpr std::uint64_t kMaxFrameBytes = 1ull << 34;  // 16 GiB: a sanity bound

struct RawFrameHeader {
  std::uint16_t kind = 0;
  std::uint64_t payload_bytes = 0;
};

std::string make_frame(std::uint16_t kind, std::string_view payload);
// Checks magic, version and the length bound; `bytes` holds at least kFrameHeaderBytes, else
// WireError.
RawFrameHeader decode_raw_frame_header(std::string_view bytes);

}  // namespace groupfit
