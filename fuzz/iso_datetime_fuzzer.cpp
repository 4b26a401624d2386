// Fuzzes the ISO 8601 date and time parser (src/table/iso_datetime.*), which every value of a
// CSV column meets while its type is still open. Checked for every input, beyond the sanitizers:
// - a value it accepts is a finite number of seconds;
// - writing that value back (format_iso_datetime, what inspect and categories show) and parsing
//   it again gives exactly the same number: dates survive a round trip through text;
// - its calendar parts (--date-parts) are in range: month 1-12, day of week 0-6, hour 0-23.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "table/iso_datetime.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto seconds = groupfit::parse_iso_datetime(text);
  if (!seconds) return 0;
  if (!std::isfinite(*seconds)) std::abort();
  const std::string written = groupfit::format_iso_datetime(*seconds);
  const auto again = groupfit::parse_iso_datetime(written);
  if (!again || *again != *seconds) std::abort();
  const groupfit::DateParts parts = groupfit::date_parts(*seconds);
  if (parts.month < 1 || parts.month > 12 || parts.day_of_week < 0 || parts.day_of_week > 6 ||
      parts.hour < 0 || parts.hour > 23) {
    std::abort();
  }
  return 0;
}
