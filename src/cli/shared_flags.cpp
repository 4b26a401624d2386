// What every subcommand shares: the --delimiter and --decimal flags' parsing and how warnings
// are printed.
#include <fmt/format.h>

#include <cmath>

#include "commands.hpp"
#include "groupfit/error.hpp"

namespace groupfit::cli {

char parse_delimiter(const std::string& text) {
  if (text == "auto" || text.empty()) return 0;
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text.size() == 1 && text[0] != '"' && text[0] != '\n' && text[0] != '\r') return text[0];
  throw InputError(
      fmt::format("--delimiter must be one character, 'tab' or 'auto', got '{}'", text));
}

char parse_decimal(const std::string& text) {
  if (text == "auto" || text.empty()) return 0;
  if (text == "." || text == ",") return text[0];
  throw InputError(fmt::format("--decimal must be '.', ',' or 'auto', got '{}'", text));
}

void print_warning(const std::string& message) {
  fmt::print(stderr, "groupfit: warning: {}\n", message);
}

namespace {

// The number `text` starts with, and in `used` how many characters it took (0: none).
double leading_number(const std::string& text, std::size_t& used) {
  try {
    return std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
    return 0;
  }
}

}  // namespace

std::uint64_t parse_size(const std::string& flag, const std::string& text) {
  std::size_t used = 0;
  const double value = leading_number(text, used);
  const std::string unit = text.substr(used);
  double scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  if (unit == "K" || unit == "KB" || unit == "KiB") scale = 1024.0;
  if (unit == "M" || unit == "MB" || unit == "MiB") scale = 1024.0 * 1024;
  if (unit == "G" || unit == "GB" || unit == "GiB") scale = 1024.0 * 1024 * 1024;
  // nan, inf and 0 are no sizes; neither is less than a byte (0.5 would round to 0, "no limit").
  if (used == 0 || scale == 0 || !std::isfinite(value) || !(value * scale >= 1)) {
    throw InputError(
        fmt::format("{} must be a positive size such as 512M or 2G, got '{}'", flag, text));
  }
  // Beyond any address space, and past what the conversion to 64 bits can hold.
  if (value * scale >= 0x1p63) {
    throw InputError(fmt::format("{} must be less than 8 EiB, got '{}'", flag, text));
  }
  return static_cast<std::uint64_t>(value * scale);
}

double parse_seconds(const std::string& flag, const std::string& text) {
  std::size_t used = 0;
  const double value = leading_number(text, used);
  if (used == 0 || used != text.size() || !std::isfinite(value) || !(value > 0)) {
    throw InputError(
        fmt::format("{} must be a positive, finite number of seconds, got '{}'", flag, text));
  }
  return value;
}

}  // namespace groupfit::cli
