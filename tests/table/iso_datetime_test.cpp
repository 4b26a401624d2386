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

// Found by iso_datetime_fuzzer: each time read, written back (inspect, categories) and read
// again must be the same number, and its parts in range.
TEST(IsoDatetime, WrittenBackReadsAsTheSameNumber) {
  for (const char* text :
       {"1969-12-31T13:59:59.1-05:30",  // a fraction before 1970 summed digit by digit drifted
        "1969-12-31T23:59:59.000001969111211111444444444444-05",    // a tiny fraction: 1e-06 form
        "1969-12-31T23:59:59.99999999999977199999999999492905841",  // a hair before midnight
        "2024-03-01T12:30:00.125Z", "0001-01-01", "9999-12-31T23:59:59.5"}) {
    const auto t = parse_iso_datetime(text);
    ASSERT_TRUE(t.has_value()) << text;
    const std::string written = format_iso_datetime(*t);
    EXPECT_EQ(written.find('e'), std::string::npos) << written;
    const auto again = parse_iso_datetime(written);
    ASSERT_TRUE(again.has_value()) << written;
    EXPECT_EQ(*again, *t) << text << " -> " << written;
    const DateParts p = date_parts(*t);
    EXPECT_TRUE(p.hour >= 0 && p.hour <= 23) << text << ": hour " << p.hour;
  }
  EXPECT_EQ(date_parts(*parse_iso_datetime("1969-12-31T23:59:59.99999999999977")).hour, 23);
}

TEST(IsoDatetime, AnOffsetOrLeapSecondPastYear9999IsNotADate) {
  EXPECT_FALSE(parse_iso_datetime("9999-12-31T23:12-21:30").has_value());
  EXPECT_FALSE(parse_iso_datetime("9999-12-31T23:59:60.7").has_value());
  EXPECT_FALSE(parse_iso_datetime("0000-01-01T00:00+01:00").has_value());
  EXPECT_TRUE(parse_iso_datetime("9999-12-31T23:59:59").has_value());
}

}  // namespace
}  // namespace groupfit
