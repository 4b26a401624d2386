// Fuzzes the worker message format (src/exec/wire_format.*, src/exec/frame_channel.*): whatever
// bytes arrive, decode_frame_header, decode_setup, decode_task, decode_result and read_frame
// must return a value or throw WireError — never crash, read out of bounds, or allocate what the
// bytes merely claim (a header announcing a 16 GiB payload must not cost 16 GiB before the bytes
// are there).
//
// The input is taken as a stream of frames (what a worker's socket carries) and also as one
// payload given to every decoder. Whatever decodes must survive a round trip: encoding it and
// decoding that again gives the same bytes once more (the encoding of a decoded value is stable).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exec/frame_channel.hpp"
#include "exec/wire_format.hpp"
#include "memory_file.hpp"

namespace {

using namespace groupfit;

void check(bool ok) {
  if (!ok) std::abort();
}

std::string_view payload_of(const std::string& frame) {
  const FrameHeader h = decode_frame_header(frame);
  check(h.payload_bytes == frame.size() - kFrameHeaderBytes);
  return std::string_view(frame).substr(kFrameHeaderBytes);
}

// decode(encode(x)) encodes to the same bytes as x. Only the first decode may throw: the
// encoder's own output must decode.
template <typename Decode, typename Encode>
void round_trip(std::string_view payload, Decode decode, Encode encode) {
  std::string once;
  try {
    once = encode(decode(payload));
  } catch (const WireError&) {
    return;
  }
  const std::string twice = encode(decode(payload_of(once)));
  check(once == twice);
}

void decode_payload(MessageKind kind, std::string_view payload) {
  switch (kind) {
    case MessageKind::Setup:
      round_trip(payload, decode_setup, encode_setup);
      break;
    case MessageKind::Task:
      round_trip(payload, decode_task, encode_task);
      break;
    case MessageKind::Result:
      round_trip(payload, decode_result, encode_result);
      break;
    case MessageKind::RowsTask:
      round_trip(payload, decode_task_with_rows, [](const TaskWithRows& t) {
        static const std::vector<FeatureSpec> no_features;
        return encode_task_with_rows(t.task, view_of(t.matrix, no_features));
      });
      break;
    case MessageKind::Shutdown:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // As one payload for every decoder, whatever the header would have said.
  for (MessageKind kind :
       {MessageKind::Setup, MessageKind::Task, MessageKind::Result, MessageKind::RowsTask}) {
    decode_payload(kind, bytes);
  }
  try {
    (void)decode_frame_header(bytes);
  } catch (const WireError&) {
  }

  // As a stream of frames read from a descriptor, each decoded by the kind its header names.
  const fuzz::MemoryFile stream(bytes);
  try {
    while (auto frame = read_frame(stream.fd())) decode_payload(frame->kind, frame->payload);
  } catch (const WireError&) {
  }
  return 0;
}
