// generate_table: see table_generator.hpp. Randomness comes from SplitMix64 (plan/split_mix.hpp)
// and hand-written transforms rather than <random>'s distributions, whose output differs between
// standard libraries; numbers are written with 6 significant digits so the bytes do not depend on
// the last bit of a libm function.
#include "gen/table_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "groupfit/error.hpp"
#include "plan/split_mix.hpp"

namespace groupfit {
namespace {

constexpr std::array<const char*, 8> kHabitats = {"lagoon",   "estuary", "reef",  "mangrove",
                                                  "seagrass", "rocky",   "sandy", "open_water"};
constexpr std::size_t kSubstrates = 20;

class Random {
 public:
  explicit Random(std::uint64_t seed) : rng_(seed) {}
  double uniform() { return static_cast<double>(rng_.next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_.next() % n); }
  bool chance(double p) { return uniform() < p; }
  double normal() {  // Box-Muller
    const double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  SplitMix64 rng_;
};

// What makes one region's target differ from another's.
struct RegionModel {
  double depth, temperature, ph_curve, habitat_scale, base;
};

void check(const GeneratorOptions& o) {
  if (o.rows == 0) throw InputError("gen: --rows must be at least 1");
  if (o.groups == 0) throw InputError("gen: --groups must be at least 1");
  if (o.skew < 0) throw InputError("gen: --skew must be 0 or more");
  for (double f : {o.unlabeled_fraction, o.missing_group_fraction}) {
    if (!(f >= 0 && f <= 1)) throw InputError("gen: fractions must be between 0 and 1");
  }
}

}  // namespace

void generate_table(std::ostream& out, const GeneratorOptions& o) {
  check(o);
  Random rng(o.seed);
  // Group g gets a share proportional to 1 / (g+1)^(2.3 * skew): with 12 groups and skew 1 the
  // largest is about 300 times the smallest, like the reference workload's regions.
  std::vector<double> cumulative;
  double total = 0;
  for (std::size_t g = 0; g < o.groups; ++g) {
    total += 1.0 / std::pow(static_cast<double>(g + 1), 2.3 * o.skew);
    cumulative.push_back(total);
  }
  std::vector<RegionModel> models;
  for (std::size_t g = 0; g < o.groups; ++g) {
    models.push_back({rng.uniform(-0.5, 0.5), rng.uniform(0.2, 1.5), rng.uniform(-3, 3),
                      rng.uniform(0.5, 4), rng.uniform(10, 60)});
  }
  const RegionModel no_region{0.1, 0.8, 1.0, 2.0, 35};
  const int width = o.groups >= 100 ? static_cast<int>(std::to_string(o.groups).size()) : 2;

  fmt::memory_buffer buf;
  auto flush = [&] {
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  fmt::format_to(std::back_inserter(buf),
                 "SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,year,"
                 "month,habitat,substrate\n");
  for (std::uint64_t r = 0; r < o.rows; ++r) {
    const bool no_group = rng.chance(o.missing_group_fraction);
    const double pick = rng.uniform() * total;
    const std::size_t g = std::min<std::size_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin(),
        o.groups - 1);
    const RegionModel& m = no_group ? no_region : models[g];

    const double depth = std::exp(rng.uniform(0, 5.5));  // 1 to ~250 m, most shallow
    const double temperature = rng.uniform(8, 31);
    const double ph = 6.5 + 2.0 * rng.uniform();
    const double conductivity = rng.uniform(100, 55000);
    const int year = 2010 + static_cast<int>(rng.below(15));
    const int month = 1 + static_cast<int>(rng.below(12));
    const std::size_t habitat = rng.below(kHabitats.size());
    const std::size_t substrate = rng.below(kSubstrates);
    const double target = m.base + m.depth * std::log1p(depth) * 4 + m.temperature * temperature +
                          m.ph_curve * (ph - 7.5) * (ph - 7.5) * 4 +
                          m.habitat_scale * static_cast<double>(habitat % 4) +
                          0.3 * static_cast<double>(substrate % 5) +
                          2.0 * std::sin(static_cast<double>(month) * 0.5236) +
                          0.2 * (year - 2010) + rng.normal() * 1.5;

    auto it = std::back_inserter(buf);
    fmt::format_to(it, "SO-{:07},", r + 1);
    if (!no_group) fmt::format_to(it, "Region-{:0{}}", g + 1, width);
    buf.push_back(',');
    if (!rng.chance(o.unlabeled_fraction)) fmt::format_to(it, "{:.6g}", target);
    buf.push_back(',');
    if (!rng.chance(0.05)) fmt::format_to(it, "{:.6g}", depth);
    fmt::format_to(it, ",{:.6g},", temperature);
    if (!rng.chance(0.05)) fmt::format_to(it, "{:.4g}", ph);
    fmt::format_to(it, ",{:.6g},{},{},", conductivity, year, month);
    if (!rng.chance(0.03)) fmt::format_to(it, "{}", kHabitats[habitat]);
    fmt::format_to(it, ",S{:02}\n", substrate + 1);
    if (buf.size() > (1 << 20)) flush();
  }
  flush();
}

}  // namespace groupfit
