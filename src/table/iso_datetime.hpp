// ISO 8601 dates and times as numbers: "2024-03-01", "2024-03-01 12:30:00", "2024-03-01T12:30",
// with fractional seconds, "Z" or an offset ("+01:00", "-0530", "+02"). A date or time becomes
// seconds since 1970-01-01 00:00 UTC, a number a tree can split on (before/after a day); a time
// without an offset is taken as UTC, so the same text always gives the same number wherever
// groupfit runs. Hand-written: std::chrono's parse is missing from GCC 12, and the grammar is
// small.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace groupfit {

// Seconds since the epoch, or nullopt when `text` is not such a date or time (or not a real
// one: 2023-02-29, 24:00).
std::optional<double> parse_iso_datetime(std::string_view text);

// "2024-03-01" when the time is midnight, else "2024-03-01T12:30:00" (with ".5" fractions),
// always UTC: how a date column's values are written back (inspect, categories).
std::string format_iso_datetime(double seconds);

// Calendar parts of a time, UTC: year, month 1-12, day of week 0-6 (Monday 0), hour 0-23.
struct DateParts {
  int year, month, day_of_week, hour;
};
DateParts date_parts(double seconds);

}  // namespace groupfit
