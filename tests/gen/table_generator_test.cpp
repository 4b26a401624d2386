// The generator: deterministic for a seed, the promised shape (header, fractions, skew).
#include "gen/table_generator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

std::string generate(std::uint64_t rows, std::uint64_t seed, std::size_t groups = 12) {
  std::ostringstream out;
  GeneratorOptions o;
  o.rows = rows;
  o.seed = seed;
  o.groups = groups;
  generate_table(out, o);
  return out.str();
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

TEST(TableGenerator, SameSeedSameBytesOtherSeedOtherBytes) {
  EXPECT_EQ(generate(2000, 7), generate(2000, 7));
  EXPECT_NE(generate(2000, 7), generate(2000, 8));
}

TEST(TableGenerator, ShapeOfTheReferenceWorkload) {
  std::istringstream in(generate(200000, 42));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line,
            "SamplingOperations_code,Region,IBD,depth_m,temperature,ph,conductivity,year,month,"
            "habitat,substrate");
  std::size_t rows = 0, unlabeled = 0, no_region = 0;
  std::map<std::string, std::size_t> sizes;
  while (std::getline(in, line)) {
    ASSERT_EQ(line.find('"'), std::string::npos) << "no quoted fields expected";
    const auto f = split(line);
    ASSERT_EQ(f.size(), 11u) << line;
    ++rows;
    unlabeled += f[2].empty() ? 1 : 0;
    if (f[1].empty()) {
      ++no_region;
    } else {
      ++sizes[f[1]];
    }
  }
  EXPECT_EQ(rows, 200000u);
  EXPECT_NEAR(static_cast<double>(unlabeled) / rows, 0.10, 0.01);
  EXPECT_GT(no_region, 100u);
  EXPECT_EQ(sizes.size(), 12u);
  std::size_t smallest = rows, largest = 0;
  for (const auto& [_, n] : sizes) {
    smallest = std::min(smallest, n);
    largest = std::max(largest, n);
  }
  EXPECT_GT(smallest, 200u);
  EXPECT_GT(largest, 80000u);
  EXPECT_GT(largest / smallest, 50u);
}

TEST(TableGenerator, BadOptionsAreInputErrors) {
  std::ostringstream out;
  GeneratorOptions o;
  o.rows = 0;
  EXPECT_THROW(generate_table(out, o), InputError);
  o.rows = 10;
  o.groups = 0;
  EXPECT_THROW(generate_table(out, o), InputError);
}

}  // namespace
}  // namespace groupfit
