// UTF-8 validation, for the places where text must be valid (column names); data values are
// kept as the bytes they are.
#pragma once

#include <string_view>

namespace groupfit {

bool is_valid_utf8(std::string_view text);

}  // namespace groupfit
