// TextRows: see text_rows.hpp.
#include "table/text_rows.hpp"

namespace groupfit {

void TextRows::append(TextRows&& other) {
  if (empty()) {
    *this = std::move(other);
    other = TextRows();
    return;
  }
  const std::uint64_t shift = bytes_.size();
  bytes_.append(other.bytes_);
  ends_.reserve(ends_.size() + other.ends_.size());
  for (std::uint64_t end : other.ends_) ends_.push_back(end + shift);
  other = TextRows();
}

}  // namespace groupfit
