// parse_iso_datetime, format_iso_datetime and date_parts: see iso_datetime.hpp. Days from a civil
// date and back use the proleptic Gregorian calendar's 400-year cycle of 146,097 days.
#include "table/iso_datetime.hpp"

#include <fmt/format.h>

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
      double scale = 0.1;
      std::size_t i = at + 1;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) {
        fraction += (s[i] - '0') * scale;
      }
      if (i == at + 1) return std::nullopt;
      at = i;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  seconds += h * 3600.0 + mi * 60.0 + sec + fraction;
  if (at == s.size()) return seconds;
  if (s[at] == 'Z' && at + 1 == s.size()) return seconds;
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
  return seconds - sign * (oh * 3600.0 + om * 60.0);  // local time minus its offset is UTC
}

std::string format_iso_datetime(double seconds) {
  const auto days = static_cast<std::int64_t>(std::floor(seconds / 86400.0));
  const double in_day = seconds - static_cast<double>(days) * 86400.0;
  const Civil c = civil_from_days(days);
  if (in_day == 0) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
  const int h = static_cast<int>(in_day / 3600);
  const int mi = static_cast<int>((in_day - h * 3600) / 60);
  const double sec = in_day - h * 3600 - mi * 60;
  const std::string s = sec == std::floor(sec) ? fmt::format("{:02}", static_cast<int>(sec))
                                               : fmt::format("{:02}", sec).substr(0);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{}", c.y, c.m, c.d, h, mi,
                     sec == std::floor(sec) ? s : fmt::format("{}{}", sec < 10 ? "0" : "", sec));
}

DateParts date_parts(double seconds) {
  const auto days = static_cast<std::int64_t>(std::floor(seconds / 86400.0));
  const Civil c = civil_from_days(days);
  const double in_day = seconds - static_cast<double>(days) * 86400.0;
  // 1970-01-01 was a Thursday: day 3 counting Monday as 0.
  const int dow = static_cast<int>(((days % 7) + 7 + 3) % 7);
  return {static_cast<int>(c.y), c.m, dow, static_cast<int>(in_day / 3600)};
}

}  // namespace groupfit
