// The synthetic table generator keeps its promises: the same bytes for a seed, the header and
// shape of the reference workload (fractions of empty fields, skewed regions), no field that
// needs quoting, and a target that a per-region model can learn. Parsed with plain splitting on
// purpose: the table must be readable by the simplest reader.
#include "groupfit/tools.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

constexpr const char* kHeader =
    "SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,year,month,habitat,"
    "substrate";
constexpr std::size_t kColumns = 11;

std::string generate(const GeneratorOptions& o) {
  std::ostringstream out;
  generate_table(out, o);
  return out.str();
}

std::string generate(std::uint64_t rows, std::uint64_t seed, std::size_t groups = 12) {
  GeneratorOptions o;
  o.rows = rows;
  o.seed = seed;
  o.groups = groups;
  return generate(o);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

// The data rows, each split into fields; checks the header and that nothing is quoted.
std::vector<std::vector<std::string>> parse(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, kHeader);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    EXPECT_EQ(line.find('"'), std::string::npos) << "no quoted fields expected: " << line;
    rows.push_back(split(line));
    EXPECT_EQ(rows.back().size(), kColumns) << line;
  }
  return rows;
}

// The 200k-row, 12-region table that the README and the benchmarks use.
const std::vector<std::vector<std::string>>& default_shape() {
  static const auto rows = parse(generate(200000, 42));
  return rows;
}

TEST(TableGenerator, SameSeedSameBytesOtherSeedOtherBytes) {
  const std::string a = generate(3000, 7);
  EXPECT_EQ(a, generate(3000, 7));
  EXPECT_NE(a, generate(3000, 8));
}

TEST(TableGenerator, HeaderIsExact) {
  const std::string text = generate(1, 1);
  EXPECT_EQ(text.substr(0, text.find('\n')), kHeader);
}

TEST(TableGenerator, WritesTheRequestedRowsWithUniqueIds) {
  for (std::uint64_t n : {1u, 2u, 999u, 4096u}) {
    const auto rows = parse(generate(n, 3));
    ASSERT_EQ(rows.size(), n);
    EXPECT_EQ(rows.front()[0], "SO-0000001");
    std::vector<std::string> ids;
    for (const auto& r : rows) ids.push_back(r[0]);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  }
}

TEST(TableGenerator, LongerTableStartsWithTheShorterOne) {
  const std::string shorter = generate(500, 5);
  const std::string longer = generate(1500, 5);
  EXPECT_EQ(longer.substr(0, shorter.size()), shorter);
}

TEST(TableGenerator, DefaultShapeHasTheReferenceFractionsAndSkew) {
  const auto& rows = default_shape();
  ASSERT_EQ(rows.size(), 200000u);
  std::size_t unlabeled = 0, no_region = 0;
  std::array<std::size_t, kColumns> empty{};
  std::map<std::string, std::size_t> sizes;
  for (const auto& r : rows) {
    unlabeled += r[2].empty() ? 1 : 0;
    for (std::size_t c = 0; c < kColumns; ++c) empty[c] += r[c].empty() ? 1 : 0;
    if (r[1].empty()) {
      ++no_region;
    } else {
      ++sizes[r[1]];
    }
  }
  EXPECT_NEAR(static_cast<double>(unlabeled) / 200000, 0.10, 0.005);
  EXPECT_GT(no_region, 100u);
  EXPECT_LT(no_region, 1000u);
  EXPECT_EQ(empty[0], 0u) << "every row has an id";
  EXPECT_NEAR(static_cast<double>(empty[3]) / 200000, 0.05, 0.005) << "depth_m";
  EXPECT_EQ(empty[7] + empty[8], 0u) << "year and month are never missing";
  EXPECT_GT(empty[9], 0u) << "some habitat is empty";

  ASSERT_EQ(sizes.size(), 12u);
  EXPECT_EQ(sizes.begin()->first, "Region-01");
  EXPECT_EQ(sizes.rbegin()->first, "Region-12");
  std::size_t smallest = 200000, largest = 0;
  for (const auto& [name, n] : sizes) {
    smallest = std::min(smallest, n);
    largest = std::max(largest, n);
  }
  EXPECT_GT(smallest, 200u);
  EXPECT_GT(largest, 80000u);
  EXPECT_GT(largest / smallest, 50u);

  // Interleaved like a real export, not sorted by region.
  std::size_t changes = 0;
  for (std::size_t i = 1; i < 1000; ++i) changes += rows[i][1] != rows[i - 1][1] ? 1 : 0;
  EXPECT_GT(changes, 100u);
}

TEST(TableGenerator, TextFeaturesHaveFewValuesAndNumbersParse) {
  std::map<std::string, int> habitats, substrates;
  for (const auto& r : default_shape()) {
    if (!r[9].empty()) ++habitats[r[9]];
    if (!r[10].empty()) ++substrates[r[10]];
    for (std::size_t c = 2; c <= 8; ++c) {
      if (r[c].empty()) continue;
      std::size_t used = 0;
      std::stod(r[c], &used);
      ASSERT_EQ(used, r[c].size()) << r[c];
    }
  }
  EXPECT_EQ(habitats.size(), 8u);
  EXPECT_EQ(substrates.size(), 20u);
}

TEST(TableGenerator, EqualSizesWithoutSkew) {
  GeneratorOptions o;
  o.rows = 60000;
  o.groups = 6;
  o.skew = 0;
  std::map<std::string, double> sizes;
  for (const auto& r : parse(generate(o))) ++sizes[r[1]];
  sizes.erase("");
  ASSERT_EQ(sizes.size(), 6u);
  for (const auto& [name, n] : sizes) EXPECT_NEAR(n, 10000, 500) << name;
}

TEST(TableGenerator, FractionsBlankFieldsWithoutChangingValues) {
  GeneratorOptions o;
  o.rows = 5000;
  const auto usual = parse(generate(o));
  o.unlabeled_fraction = 0;
  o.missing_group_fraction = 1;
  const auto changed = parse(generate(o));
  ASSERT_EQ(usual.size(), changed.size());
  for (std::size_t i = 0; i < usual.size(); ++i) {
    EXPECT_TRUE(changed[i][1].empty());
    EXPECT_FALSE(changed[i][2].empty());
    if (!usual[i][2].empty()) {
      EXPECT_EQ(usual[i][2], changed[i][2]);
    }
    for (std::size_t c = 3; c < kColumns; ++c) EXPECT_EQ(usual[i][c], changed[i][c]);
  }
}

TEST(TableGenerator, BadOptionsAreInputErrors) {
  const auto rejects = [](auto change) {
    GeneratorOptions o;
    o.rows = 10;
    change(o);
    std::ostringstream out;
    EXPECT_THROW(generate_table(out, o), InputError);
    EXPECT_TRUE(out.str().empty()) << "nothing is written before the options are checked";
  };
  rejects([](GeneratorOptions& o) { o.rows = 0; });
  rejects([](GeneratorOptions& o) { o.groups = 0; });
  rejects([](GeneratorOptions& o) { o.skew = -1; });
  rejects([](GeneratorOptions& o) { o.skew = std::nan(""); });
  rejects([](GeneratorOptions& o) { o.unlabeled_fraction = 1.5; });
  rejects([](GeneratorOptions& o) { o.missing_group_fraction = -0.1; });
}

TEST(TableGenerator, FailingStreamIsAnOutputError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  GeneratorOptions o;
  o.rows = 10;
  EXPECT_THROW(generate_table(out, o), OutputError);
}

// --- The target is learnable, and differently in each region -----------------------------------

// Least squares by the normal equations: enough for a few dozen well-scaled columns.
class LeastSquares {
 public:
  explicit LeastSquares(std::size_t n) : n_(n), xtx_(n * n), xty_(n) {}
  void add(const std::vector<double>& x, double y) {
    for (std::size_t i = 0; i < n_; ++i) {
      xty_[i] += x[i] * y;
      for (std::size_t j = 0; j < n_; ++j) xtx_[i * n_ + j] += x[i] * x[j];
    }
  }
  std::vector<double> solve() const {  // Gauss-Jordan with partial pivoting, a little ridge
    std::vector<double> a = xtx_, b = xty_;
    for (std::size_t i = 0; i < n_; ++i) a[i * n_ + i] += 1e-6;
    for (std::size_t col = 0; col < n_; ++col) {
      std::size_t pivot = col;
      for (std::size_t r = col + 1; r < n_; ++r) {
        if (std::abs(a[r * n_ + col]) > std::abs(a[pivot * n_ + col])) pivot = r;
      }
      for (std::size_t j = 0; j < n_; ++j) std::swap(a[col * n_ + j], a[pivot * n_ + j]);
      std::swap(b[col], b[pivot]);
      for (std::size_t r = 0; r < n_; ++r) {
        if (r == col) continue;
        const double f = a[r * n_ + col] / a[col * n_ + col];
        for (std::size_t j = 0; j < n_; ++j) a[r * n_ + j] -= f * a[col * n_ + j];
        b[r] -= f * b[col];
      }
    }
    for (std::size_t i = 0; i < n_; ++i) b[i] /= a[i * n_ + i];
    return b;
  }

 private:
  std::size_t n_;
  std::vector<double> xtx_, xty_;
};

// Generic numeric features a modeller would try, with no knowledge of the generator's formula;
// samples_of() appends the text features.
std::vector<double> design(const std::vector<std::string>& r) {
  const double depth = std::stod(r[3]), temperature = std::stod(r[4]), ph = std::stod(r[5]);
  const double conductivity = std::stod(r[6]);
  std::vector<double> x = {1.0,
                           temperature / 10,
                           ph - 7.5,
                           (ph - 7.5) * (ph - 7.5),
                           std::log1p(depth),
                           std::log(conductivity) / 5,
                           (std::stod(r[7]) - 2015) / 10};
  const auto one_hot = [&x](int value, int values) {
    for (int v = 1; v < values; ++v) x.push_back(value == v ? 1.0 : 0.0);
  };
  one_hot(std::stoi(r[8]) - 1, 12);
  return x;
}

struct Sample {
  std::vector<double> x;
  double y;
};

// Complete labeled rows of one region, with habitat and substrate one-hot encoded.
std::vector<Sample> samples_of(const std::string& region) {
  std::map<std::string, int> habitat_codes, substrate_codes;
  for (const auto& r : default_shape()) {
    if (!r[9].empty()) habitat_codes.emplace(r[9], 0);
    if (!r[10].empty()) substrate_codes.emplace(r[10], 0);
  }
  int code = 0;
  for (auto& [_, c] : habitat_codes) c = code++;
  code = 0;
  for (auto& [_, c] : substrate_codes) c = code++;
  std::vector<Sample> out;
  for (const auto& r : default_shape()) {
    if (r[1] != region || std::any_of(r.begin(), r.end(), [](auto& f) { return f.empty(); })) {
      continue;
    }
    Sample s{design(r), std::stod(r[2])};
    for (std::size_t h = 1; h < habitat_codes.size(); ++h) {
      s.x.push_back(habitat_codes.at(r[9]) == static_cast<int>(h) ? 1.0 : 0.0);
    }
    for (std::size_t v = 1; v < substrate_codes.size(); ++v) {
      s.x.push_back(substrate_codes.at(r[10]) == static_cast<int>(v) ? 1.0 : 0.0);
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Fits on three rows in four; returns the coefficients.
std::vector<double> fit(const std::vector<Sample>& samples) {
  LeastSquares ls(samples.front().x.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (i % 4 != 0) ls.add(samples[i].x, samples[i].y);
  }
  return ls.solve();
}

// R² of `beta` on the fourth rows that fit() held out.
double held_out_r2(const std::vector<double>& beta, const std::vector<Sample>& samples) {
  double mean = 0, n = 0;
  for (std::size_t i = 0; i < samples.size(); i += 4, ++n) mean += samples[i].y;
  mean /= n;
  double residual = 0, total = 0;
  for (std::size_t i = 0; i < samples.size(); i += 4) {
    double p = 0;
    for (std::size_t j = 0; j < beta.size(); ++j) p += beta[j] * samples[i].x[j];
    residual += (samples[i].y - p) * (samples[i].y - p);
    total += (samples[i].y - mean) * (samples[i].y - mean);
  }
  return 1 - residual / total;
}

TEST(TableGenerator, TargetIsLearnableAndDiffersByRegion) {
  const auto first = samples_of("Region-01");
  const auto second = samples_of("Region-02");
  ASSERT_GT(second.size(), 10000u);
  const auto beta_first = fit(first), beta_second = fit(second);
  const double own_first = held_out_r2(beta_first, first);
  const double own_second = held_out_r2(beta_second, second);
  const double swapped = held_out_r2(beta_first, second);
  EXPECT_GT(own_first, 0.5);
  EXPECT_GT(own_second, 0.5);
  EXPECT_LT(swapped, own_second - 0.2) << "one region's model should not fit another region";
}

}  // namespace
}  // namespace groupfit
