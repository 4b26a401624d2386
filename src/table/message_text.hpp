// excerpt(): a value from the user's data as it may appear inside a one-line error message.
// Data can hold anything (a 16 MiB field, a line break inside quotes, bytes that are not UTF-8),
// and the CLI's contract is one short line on stderr, so values are cut and escaped first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace groupfit {

// At most about `max_bytes` bytes of `text`, cut at a character boundary and ended with "..."
// when cut; control characters and bytes that are not valid UTF-8 are written as \n, \r, \t or
// \xNN.
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

}  // namespace groupfit
