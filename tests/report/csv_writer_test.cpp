// CsvWriter quotes only when needed and writes numbers in shortest round-trip form.
#include "report/csv_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace groupfit {
namespace {

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.text("plain").text("a,b").text("say \"hi\"").text("two\nlines").empty();
  csv.end_row();
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

TEST(CsvWriter, NumbersRoundTrip) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.number(0.1).number(1.0 / 3).number(std::nan("")).number(0.1f).integer(-7);
  csv.end_row();
  EXPECT_EQ(out.str(), "0.1,0.3333333333333333,,0.1,-7\n");
}

}  // namespace
}  // namespace groupfit
