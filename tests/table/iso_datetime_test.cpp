// ISO 8601 dates and times to seconds since the epoch and back, and their calendar parts.
#include "table/iso_datetime.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

TEST(IsoDatetime, SpellingsOfOneMomentGiveOneNumber) {
  EXPECT_EQ(*parse_iso_datetime("1970-01-01"), 0.0);
  EXPECT_EQ(*parse_iso_datetime("2001-01-14 21:55:00"), 979509300.0);
  EXPECT_EQ(*parse_iso_datetime("2001-01-14T21:55:00Z"), 979509300.0);
  EXPECT_EQ(*parse_iso_datetime("2001-01-14T22:55+01:00"), 979509300.0);
  EXPECT_EQ(*parse_iso_datetime("2001-01-14T16:25:00-0530"), 979509300.0);
  EXPECT_EQ(*parse_iso_datetime("2001-01-14T23:55:00+02"), 979509300.0);
  EXPECT_DOUBLE_EQ(*parse_iso_datetime("2001-01-14T21:55:00.25"), 979509300.25);
  EXPECT_EQ(*parse_iso_datetime("1969-12-31T23:59:59"), -1.0);
  EXPECT_EQ(*parse_iso_datetime("2024-02-29"), 1709164800.0);
}

TEST(IsoDatetime, WhatIsNotADateIsRefused) {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-1-5",
                           "2024-01-05T24:00", "2024-01-05X10:00", "2024-01-05T10", "20240105",
                           "2024-01-05T10:00+25:00", "2024-01-05 10:00:00 Z", "12", ""}) {
    EXPECT_FALSE(parse_iso_datetime(text).has_value()) << text;
  }
}

TEST(IsoDatetime, FormatsBackAndGivesCalendarParts) {
  EXPECT_EQ(format_iso_datetime(979509300.0), "2001-01-14T21:55:00");
  EXPECT_EQ(format_iso_datetime(1709164800.0), "2024-02-29");
  const DateParts p = date_parts(979509300.0);
  EXPECT_EQ(p.year, 2001);
  EXPECT_EQ(p.month, 1);
  EXPECT_EQ(p.day_of_week, 6);  // a Sunday
  EXPECT_EQ(p.hour, 21);
}

}  // namespace
}  // namespace groupfit
