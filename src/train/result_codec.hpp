// A GroupResult as bytes and back: how a worker process sends a result to its parent and how the
// checkpoint stores it, in one format (a frame of kind kResultFrameKind, base/frame.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "train/group_result.hpp"

namespace groupfit {

inline constexpr std::uint16_t kResultFrameKind = 3;

// A whole frame.
std::string encode_result(const GroupResult& result);
// From a frame's payload; WireError (base/byte_codec.hpp) when it does not decode.
GroupResult decode_result(std::string_view payload);

}  // namespace groupfit
