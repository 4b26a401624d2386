// count_text_repeats: see text_repeats.hpp.
#include "table/text_repeats.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace groupfit {

TextRepeats count_text_repeats(const Column& column) {
  const std::size_t valid = column.validity.count_valid();
  std::size_t capacity = 64;
  while (capacity < 2 * valid) capacity *= 2;
  std::vector<std::uint32_t> slots(capacity, 0);  // row + 1 of a value's first row; 0: empty
  const std::size_t mask = capacity - 1;
  TextRepeats repeats;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (!column.is_valid(r)) continue;
    const std::string_view text = column.text[r];
    std::size_t slot = std::hash<std::string_view>{}(text)&mask;
    for (;;) {
      if (slots[slot] == 0) {
        slots[slot] = static_cast<std::uint32_t>(r + 1);
        ++repeats.distinct;
        break;
      }
      const std::size_t earlier = slots[slot] - 1;
      if (column.text[earlier] == text) {
        if (repeats.repeated_rows++ == 0) repeats.first = earlier, repeats.second = r;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return repeats;
}

}  // namespace groupfit
