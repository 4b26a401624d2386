// What every subcommand shares: the --delimiter flag's parsing and how warnings are printed.
#include <fmt/format.h>

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

void print_warning(const std::string& message) {
  fmt::print(stderr, "groupfit: warning: {}\n", message);
}

std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  double scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  if (unit == "K" || unit == "KB" || unit == "KiB") scale = 1024.0;
  if (unit == "M" || unit == "MB" || unit == "MiB") scale = 1024.0 * 1024;
  if (unit == "G" || unit == "GB" || unit == "GiB") scale = 1024.0 * 1024 * 1024;
  if (used == 0 || scale == 0 || value <= 0) {
    throw InputError(fmt::format("expected a size such as 512M or 2G, got '{}'", text));
  }
  return static_cast<std::uint64_t>(value * scale);
}

}  // namespace groupfit::cli
