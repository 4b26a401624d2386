// make_frame and decode_raw_frame_header: see frame.hpp.
#include "base/frame.hpp"

namespace groupfit {

std::string make_frame(std::uint16_t kind, std::string_view payload) {
  ByteWriter header;
  header.put<std::uint32_t>(kWireMagic);
  header.put<std::uint16_t>(kWireVersion);
  header.put<std::uint16_t>(kind);
  header.put<std::uint64_t>(payload.size());
  std::string frame = header.bytes();
  frame.append(payload);
  return frame;
}

RawFrameHeader decode_raw_frame_header(std::string_view bytes) {
  ByteReader r(bytes.substr(0, kFrameHeaderBytes));
  if (r.get<std::uint32_t>() != kWireMagic) throw WireError("not a groupfit message");
  const auto version = r.get<std::uint16_t>();
  if (version != kWireVersion) {
    throw WireError("message format version " + std::to_string(version) + ", expected " +
                    std::to_string(kWireVersion));
  }
  RawFrameHeader h;
  h.kind = r.get<std::uint16_t>();
  h.payload_bytes = r.get<std::uint64_t>();
  if (h.payload_bytes > kMaxFrameBytes) throw WireError("message too large");
  return h;
}

}  // namespace groupfit
