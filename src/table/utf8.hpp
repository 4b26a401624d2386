// UTF-8 validation. Column names and every text value groupfit writes into an output (group
// names, ids, categories) must be valid UTF-8: the outputs are UTF-8 CSV and JSON, and JSON
// cannot carry arbitrary bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace groupfit {

bool is_valid_utf8(std::string_view text);

// The offset of the first byte that does not start a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// The length of the valid UTF-8 sequence `text` starts with: 1 to 4, or 0 when it does not
// start with one (or is empty).
std::size_t utf8_char_length(std::string_view text);

}  // namespace groupfit
