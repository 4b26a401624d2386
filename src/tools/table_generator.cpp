// generate_table: see table_generator.hpp. Every value is an integer in fixed-point units
// (centimetres, hundredths of a degree, thousandths of the target) drawn and combined with
// integer arithmetic only, then printed with a fixed number of decimals, the way instruments
// export measurements. Floating point would make the bytes depend on the machine: libm's exp or
// sin and fused multiply-add differ in the last bit, and a last bit can move a printed digit.
// The only floating point left is the group weights' std::pow, rounded to 32-bit thresholds
// once, where a last-bit difference would have to land exactly on a rounding boundary to matter.
// Rows are formatted by hand into a large buffer: the generator must write gigabyte tables for
// the benchmarks at disk speed.
#include "groupfit/tools.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/atomic_file.hpp"
#include "groupfit/error.hpp"
#include "tools/random_draws.hpp"

namespace groupfit {
namespace {

using gen::RandomDraws;

constexpr std::string_view kHeader =
    "SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,year,month,habitat,"
    "substrate\n";

constexpr std::array<std::string_view, 8> kHabitats = {"lagoon",      "estuary",   "reef",
                                                       "mangrove",    "seagrass",  "rocky_shore",
                                                       "sandy_shore", "open_water"};
constexpr std::array<std::string_view, 20> kSubstrates = {
    "boulders", "cobbles",     "gravel", "sand",     "silt",       "clay",         "mud",
    "bedrock",  "macrophytes", "algae",  "moss",     "roots",      "woody_debris", "litter",
    "shells",   "marl",        "peat",   "concrete", "artificial", "mixed"};

// Warmth of each month (January first) in thousandths: a sine sampled at the months, written out
// so that no libm call is involved.
constexpr std::array<std::int64_t, 12> kSeason = {-1000, -866, -500, 0, 500,  866,
                                                  1000,  866,  500,  0, -500, -866};

constexpr std::size_t kMaxGroups = 100000;

// Exponent of the group weights 1 / (g+1)^(kZipf * skew): with 12 groups and skew 1 the largest
// group is about 300 times the smallest, as in the reference workload's regions.
constexpr double kZipf = 2.3;

// What makes one region's target differ from another's; units as in Row.
struct RegionModel {
  std::int64_t base;           // target at the reference conditions
  std::int64_t temp_slope;     // per degree away from 17 °C
  std::int64_t ph_optimum;     // hundredths
  std::int64_t ph_curvature;   // lost per pH unit squared away from the optimum
  std::int64_t depth_slope;    // per 10 m, up to depth_cap
  std::int64_t depth_cap;      // cm
  std::int64_t salinity_gain;  // at full saturation of the conductivity curve
  std::int64_t season_amplitude;
  std::int64_t year_trend;
  std::array<std::int64_t, kHabitats.size()> habitat;
};

// One sampled row in fixed point: depth in cm, temperature and pH in hundredths, conductivity in
// tenths of µS/cm, the target (IBD, a 1-20 index) in thousandths.
struct Row {
  std::int64_t depth, temperature, ph, conductivity, year, month, target;
  std::size_t habitat, substrate;
};

RegionModel draw_model(RandomDraws& r) {
  RegionModel m{};
  m.base = r.between(11000, 15000);
  m.temp_slope = r.between(-250, 250);
  m.ph_optimum = r.between(680, 820);
  m.ph_curvature = r.between(300, 1500);
  m.depth_slope = r.between(-400, 400);
  m.depth_cap = r.between(500, 6000);
  m.salinity_gain = r.between(-2500, 2500);
  m.season_amplitude = r.between(0, 800);
  m.year_trend = r.between(-80, 80);
  for (auto& h : m.habitat) h = r.between(-1500, 1500);
  return m;
}

// Cumulative group weights as thresholds on [0, 2^32): a row whose 32 random bits fall below
// thresholds[g] and not below thresholds[g-1] belongs to group g.
std::vector<std::uint64_t> group_thresholds(std::size_t groups, double skew) {
  std::vector<double> cumulative;
  double total = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    total += std::pow(static_cast<double>(g + 1), -kZipf * skew);
    cumulative.push_back(total);
  }
  std::vector<std::uint64_t> thresholds;
  for (double c : cumulative) {
    thresholds.push_back(static_cast<std::uint64_t>(c / total * 4294967296.0));
  }
  thresholds.back() = std::uint64_t{1} << 32;
  return thresholds;
}

Row draw_row(RandomDraws& r, const RegionModel& m,
             const std::array<std::int64_t, kSubstrates.size()>& substrate_effect) {
  Row row{};
  // Cubes of uniform draws: most sites are shallow and fresh, a few deep or brackish.
  const auto d = static_cast<std::int64_t>(r.below(100000));
  row.depth = 20 + d * d * d / 40'000'000'000;  // 0.2 to 250 m
  const auto c = static_cast<std::int64_t>(r.below(100000));
  row.conductivity = 1000 + r.between(0, 2000) + c * c * c / 1'820'000'000;  // 100 to 55000
  row.month = r.between(1, 12);
  row.year = r.between(2007, 2023);
  // Features are correlated as in the field: warmer in summer, colder at depth.
  row.temperature = 1800 + kSeason[row.month - 1] * 7 / 10 -
                    std::min<std::int64_t>(row.depth, 5000) / 10 + r.between(-450, 450);
  row.ph = r.between(640, 860);
  row.habitat = r.below(kHabitats.size());
  row.substrate = r.below(kSubstrates.size());

  const std::int64_t ph_off = row.ph - m.ph_optimum;
  const std::int64_t salinity = 1000 * row.conductivity / (row.conductivity + 200000);
  // Irwin-Hall: a sum of four uniforms is close enough to normal noise.
  std::int64_t noise = 0;
  for (int i = 0; i < 4; ++i) noise += r.between(-700, 700);
  const std::int64_t target =
      m.base + m.temp_slope * (row.temperature - 1700) / 100 -
      m.ph_curvature * ph_off * ph_off / 10000 +
      m.depth_slope * std::min(row.depth, m.depth_cap) / 1000 + m.salinity_gain * salinity / 1000 +
      m.season_amplitude * kSeason[row.month - 1] / 1000 + m.year_trend * (row.year - 2015) +
      m.habitat[row.habitat] + substrate_effect[row.substrate] + noise;
  row.target = std::clamp<std::int64_t>(target, 1000, 20000);
  return row;
}

// Appends decimal text to a cursor in the row buffer; the caller guarantees the room.
class Cursor {
 public:
  explicit Cursor(char* at) : at_(at) {}
  char* at() const { return at_; }

  void text(std::string_view s) {
    std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
  }
  void put(char c) { *at_++ = c; }

  // At least `width` digits, zero-padded.
  void unsigned_integer(std::uint64_t v, int width = 1) {
    char digits[20];
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (; n < width; --width) put('0');
    while (n > 0) put(digits[--n]);
  }

  // `v` / 10^decimals with exactly `decimals` digits after the point.
  void fixed(std::int64_t v, int decimals) {
    if (v < 0) {
      put('-');
      v = -v;
    }
    std::uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const auto u = static_cast<std::uint64_t>(v);
    unsigned_integer(u / scale);
    if (decimals > 0) {
      put('.');
      unsigned_integer(u % scale, decimals);
    }
  }

 private:
  char* at_;
};

void check(const GeneratorOptions& o) {
  if (o.rows == 0) throw InputError("gen: --rows must be at least 1");
  if (o.groups == 0 || o.groups > kMaxGroups) {
    throw InputError("gen: --groups must be between 1 and " + std::to_string(kMaxGroups));
  }
  if (!(o.skew >= 0 && o.skew <= 100)) throw InputError("gen: --skew must be between 0 and 100");
  for (double f : {o.unlabeled_fraction, o.missing_group_fraction}) {
    if (!(f >= 0 && f <= 1)) throw InputError("gen: fractions must be between 0 and 1");
  }
}

}  // namespace

std::vector<double> group_shares(std::size_t groups, double skew) {
  std::vector<double> shares;
  double total = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    shares.push_back(std::pow(static_cast<double>(g + 1), -kZipf * skew));
    total += shares.back();
  }
  for (double& share : shares) share /= total;
  return shares;
}

void generate_table(std::ostream& out, const GeneratorOptions& o) {
  check(o);
  // Models come from their own stream, so region g has the same model whatever the number of
  // groups, and the row stream does not shift when a model gains a coefficient.
  RandomDraws model_rng(gen::derive_seed(o.seed, 1));
  std::array<std::int64_t, kSubstrates.size()> substrate_effect{};
  for (auto& s : substrate_effect) s = model_rng.between(-600, 600);
  std::vector<RegionModel> models;
  models.reserve(o.groups);
  for (std::size_t g = 0; g < o.groups; ++g) models.push_back(draw_model(model_rng));
  const std::vector<std::uint64_t> thresholds = group_thresholds(o.groups, o.skew);
  const int name_width = std::max<int>(2, static_cast<int>(std::to_string(o.groups).size()));

  const std::uint64_t unlabeled = gen::chance_threshold(o.unlabeled_fraction);
  const std::uint64_t no_region = gen::chance_threshold(o.missing_group_fraction);
  const std::uint64_t five_percent = gen::chance_threshold(0.05);
  const std::uint64_t rare = gen::chance_threshold(0.01);
  const std::uint64_t some = gen::chance_threshold(0.03);

  // Written in 1 MiB blocks; kMaxRow bounds one row (the longest id, region and names).
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  constexpr std::size_t kMaxRow = 512;
  std::vector<char> buffer(kBlock + kMaxRow);
  auto flush = [&](const char* end) {
    out.write(buffer.data(), end - buffer.data());
    if (!out) throw OutputError("gen: could not write the table");
  };
  Cursor w(buffer.data());
  w.text(kHeader);

  RandomDraws rng(gen::derive_seed(o.seed, 2));
  for (std::uint64_t r = 0; r < o.rows; ++r) {
    // Every draw happens on every row, whatever the options, so that the fractions blank fields
    // without changing any value.
    const std::uint64_t pick = rng.next() >> 32;
    const auto g = static_cast<std::size_t>(
        std::upper_bound(thresholds.begin(), thresholds.end(), pick) - thresholds.begin());
    const Row row = draw_row(rng, models[g], substrate_effect);
    const bool region_missing = rng.chance(no_region);
    const bool target_missing = rng.chance(unlabeled);
    const bool depth_missing = rng.chance(five_percent);
    const bool temperature_missing = rng.chance(rare);
    const bool ph_missing = rng.chance(five_percent);
    const bool conductivity_missing = rng.chance(some);
    const bool habitat_missing = rng.chance(some);
    const bool substrate_missing = rng.chance(rare);

    w.text("SO-");
    w.unsigned_integer(r + 1, 7);
    w.put(',');
    if (!region_missing) {
      w.text("Region-");
      w.unsigned_integer(g + 1, name_width);
    }
    w.put(',');
    if (!target_missing) w.fixed((row.target + 5) / 10, 2);  // rounded to hundredths
    w.put(',');
    if (!depth_missing) w.fixed(row.depth, 2);
    w.put(',');
    if (!temperature_missing) w.fixed(row.temperature, 2);
    w.put(',');
    if (!ph_missing) w.fixed(row.ph, 2);
    w.put(',');
    if (!conductivity_missing) w.fixed(row.conductivity, 1);
    w.put(',');
    w.unsigned_integer(static_cast<std::uint64_t>(row.year));
    w.put(',');
    w.unsigned_integer(static_cast<std::uint64_t>(row.month));
    w.put(',');
    if (!habitat_missing) w.text(kHabitats[row.habitat]);
    w.put(',');
    if (!substrate_missing) w.text(kSubstrates[row.substrate]);
    w.put('\n');
    if (static_cast<std::size_t>(w.at() - buffer.data()) >= kBlock) {
      flush(w.at());
      w = Cursor(buffer.data());
    }
  }
  flush(w.at());
}

void generate_table_file(const std::string& path, const GeneratorOptions& options) {
  AtomicFile file(path);
  generate_table(file.stream(), options);
  file.commit();
}

}  // namespace groupfit
