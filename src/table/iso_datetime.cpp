// parse_iso_datetime, format_iso_datetime and date_parts: see iso_datetime.hpp. Days from a civil
// date and back use the proleptic Gregorian calendar's 400-year cycle of 146,097 days.
#include "table/iso_datetime.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>

namespace groupfit {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a civil date.
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t y;
  int m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// An offset or a leap second can move a time past year 9999 or before year 0: not a date that
// can be written back in four digits, so such a value is read as text like any invalid date.
std::optional<double> within_years(double seconds) {
  static const double first = static_cast<double>(days_from_civil(0, 1, 1)) * 86400.0;
  static const double last = static_cast<double>(days_from_civil(10000, 1, 1)) * 86400.0;
  if (seconds < first || seconds >= last) return std::nullopt;
  return seconds;
}

}  // namespace

std::optional<double> parse_iso_datetime(std::string_view s) {
  int y = 0, mo = 0, d = 0;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;
  double seconds = static_cast<double>(days_from_civil(y, mo, d)) * 86400.0;
  if (s.size() == 10) return seconds;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int h = 0, mi = 0, sec = 0;
  if (!digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi)) {
    return std::nullopt;
  }
  std::size_t at = 16;
  double fraction = 0;
  if (at < s.size() && s[at] == ':') {
    if (!digits(s, at + 1, 2, sec)) return std::nullopt;
    at += 3;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      std::size_t i = at + 1;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == at + 1) return std::nullopt;
      // Correctly rounded, as "0.<digits>" would be: a fraction summed digit by digit was not,
      // and a date written back by format_iso_datetime then read as another number.
      std::string number = "0.";
      number.append(s.substr(at + 1, std::min<std::size_t>(i - at - 1, 800)));
      fast_float::from_chars(number.data(), number.data() + number.size(), fraction);
      at = i;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  seconds += h * 3600.0 + mi * 60.0 + sec;  // whole seconds: exact
  seconds += fraction;                      // one rounding, as format_iso_datetime assumes
  if (at == s.size()) return within_years(seconds);
  if (s[at] == 'Z' && at + 1 == s.size()) return within_years(seconds);
  if (s[at] != '+' && s[at] != '-') return std::nullopt;
  const int sign = s[at] == '+' ? 1 : -1;
  int oh = 0, om = 0;
  if (!digits(s, at + 1, 2, oh)) return std::nullopt;
  std::size_t rest = at + 3;
  if (rest < s.size()) {
    if (s[rest] == ':') ++rest;
    if (!digits(s, rest, 2, om) || rest + 2 != s.size()) return std::nullopt;
  }
  if (oh > 23 || om > 59) return std::nullopt;
  return within_years(seconds - sign * (oh * 3600.0 + om * 60.0));  // local minus offset: UTC
}

std::string format_iso_datetime(double seconds) {
  // Whole seconds in integers, then the fraction (exact: t - floor(t) loses nothing) in its
  // shortest round-trip form, so that parse_iso_datetime gives back exactly `seconds`.
  const double whole = std::floor(seconds);
  const double fraction = seconds - whole;
  const auto total = static_cast<std::int64_t>(whole);
  const std::int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
  const std::int64_t in_day = total - days * 86400;
  const Civil c = civil_from_days(days);
  if (in_day == 0 && fraction == 0) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
  std::string text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.y, c.m, c.d,
                                 in_day / 3600, in_day % 3600 / 60, in_day % 60);
  if (fraction != 0) {
    // Fixed notation, never an exponent: ".000001969" from "0.000001969".
    char digits[400];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, fraction, std::chars_format::fixed).ptr;
    text.append(digits + 1, end);
  }
  return text;
}

DateParts date_parts(double seconds) {
  // From the whole seconds, in integers: a time a hair before midnight is hour 23, not 24.
  const auto total = static_cast<std::int64_t>(std::floor(seconds));
  const std::int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
  const std::int64_t in_day = total - days * 86400;
  const Civil c = civil_from_days(days);
  // 1970-01-01 was a Thursday: day 3 counting Monday as 0.
  const int dow = static_cast<int>(((days % 7) + 7 + 3) % 7);
  return {static_cast<int>(c.y), c.m, dow, static_cast<int>(in_day / 3600)};
}

}  // namespace groupfit
