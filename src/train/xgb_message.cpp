// clean_xgboost_message: see xgb_message.hpp.
#include "train/xgb_message.hpp"

#include <cctype>

namespace groupfit {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "[12:34:56] " at the start.
std::string_view without_timestamp(std::string_view s) {
  if (s.size() >= 11 && s[0] == '[' && s[3] == ':' && s[6] == ':' && s[9] == ']' && s[10] == ' ' &&
      is_digit(s[1]) && is_digit(s[2]) && is_digit(s[4]) && is_digit(s[5]) && is_digit(s[7]) &&
      is_digit(s[8])) {
    s.remove_prefix(11);
  }
  return s;
}

// "../src/learner.cc:123: " at the start: a path without spaces, a colon, digits, ": ".
std::string_view without_source_location(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return s;
  if (s.substr(0, colon).find(' ') != std::string_view::npos) return s;
  std::size_t i = colon + 1;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == colon + 1 || i + 1 >= s.size() || s[i] != ':' || s[i + 1] != ' ') return s;
  return s.substr(i + 2);
}

}  // namespace

std::string clean_xgboost_message(std::string_view text) {
  std::string_view line = text.substr(0, text.find('\n'));
  line = without_source_location(without_timestamp(line));
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) {
    line.remove_suffix(1);
  }
  return std::string(line.empty() ? "XGBoost failed without a message" : line);
}

}  // namespace groupfit
