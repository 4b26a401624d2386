// A small table shaped like real ones, for the tuning and fallback tests: a large group, one
// with rows for 2 folds only, one too small to tune, a missing group value, missing targets,
// decimal values and a text category.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>

namespace groupfit::testing_support {

// y = 2 x + 4 [kind == b] + noise, with every 9th target missing.
inline std::string messy_table() {
  std::ostringstream csv;
  csv << "id,site,x,kind,y\n";
  std::uint64_t state = 12345;
  const auto noise = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>((state >> 33) % 1000) / 1000.0 - 0.5;
  };
  int id = 0;
  const auto rows = [&](const std::string& site, int n) {
    for (int i = 0; i < n; ++i, ++id) {
      const double x = static_cast<double>((id * 37) % 101) / 10.0;
      const char* kind = id % 3 == 0 ? "b" : "a";
      csv << "r" << id << "," << site << "," << x << "," << kind << ",";
      if (id % 9 != 4) csv << 2 * x + (id % 3 == 0 ? 4 : 0) + 3 * noise();
      csv << "\n";
    }
  };
  rows("big", 420);
  rows("pair", 34);   // about 30 labeled: 24 training rows, 2 folds of 10+
  rows("small", 26);  // about 23 labeled: 18 training rows, too few for 2 folds
  rows("", 60);       // a missing group value is a group
  return csv.str();
}

}  // namespace groupfit::testing_support
