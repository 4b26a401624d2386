// excerpt: see message_text.hpp.
#include "table/message_text.hpp"

#include <fmt/format.h>

#include "table/utf8.hpp"

namespace groupfit {

std::string excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= max_bytes) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8_char_length(text.substr(i));
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (len == 0 || c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace groupfit
