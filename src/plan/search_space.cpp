// parse_search_space and search_candidates: see search_space.hpp.
#include "plan/search_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

#include "base/split_mix.hpp"
#include "groupfit/error.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kMaxCandidates = 10000;

std::vector<std::string> split_values(const std::string& text) {
  std::vector<std::string> values;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    values.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) return values;
    start = comma + 1;
  }
}

std::string json_value_text(const nlohmann::json& value, const std::string& where) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return fmt::format("{}", value.get<double>());
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  throw InputError(fmt::format("{}: values must be numbers, strings or bools", where));
}

std::vector<SearchDimension> dimensions_of_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("--search-file: cannot open '{}'", path));
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    throw InputError(fmt::format("--search-file {}: not valid JSON", path));
  }
  if (!doc.is_object()) {
    throw InputError(
        fmt::format("--search-file {}: expected a JSON object {{\"name\": [values...]}}", path));
  }
  std::vector<SearchDimension> dims;
  for (const auto& [name, values] : doc.items()) {
    const std::string where = fmt::format("--search-file {}: '{}'", path, name);
    SearchDimension d{name, {}};
    if (!values.is_array()) throw InputError(where + ": expected a list of values");
    for (const auto& v : values) d.values.push_back(json_value_text(v, where));
    dims.push_back(std::move(d));
  }
  return dims;
}

}  // namespace

std::vector<SearchDimension> parse_search_space(const TuningOptions& options) {
  std::vector<SearchDimension> dims;
  for (const std::string& entry : options.search) {
    const std::size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(fmt::format("--search '{}': expected name=value,value,...", entry));
    }
    dims.push_back({entry.substr(0, eq), split_values(entry.substr(eq + 1))});
  }
  if (!options.search_file.empty()) {
    for (auto& d : dimensions_of_file(options.search_file)) dims.push_back(std::move(d));
  }
  std::set<std::string> seen;
  for (const SearchDimension& d : dims) {
    if (!seen.insert(d.name).second) {
      throw InputError(fmt::format("--search: '{}' is given twice", d.name));
    }
    if (d.values.empty() || std::any_of(d.values.begin(), d.values.end(),
                                        [](const std::string& v) { return v.empty(); })) {
      throw InputError(fmt::format("--search '{}': a value is empty", d.name));
    }
    if (std::set<std::string>(d.values.begin(), d.values.end()).size() != d.values.size()) {
      throw InputError(fmt::format("--search '{}': a value is repeated", d.name));
    }
  }
  return dims;
}

std::vector<Candidate> search_candidates(const std::vector<SearchDimension>& space,
                                         const ModelParams& base, int trials, std::uint64_t seed) {
  std::size_t grid = 1;
  for (const SearchDimension& d : space) {
    grid *= d.values.size();
    if (grid > kMaxCandidates) {
      throw InputError(
          fmt::format("--search: the grid has more than {} candidates; narrow it or draw some with "
                      "--search-trials",
                      kMaxCandidates));
    }
  }
  std::vector<std::size_t> chosen(grid);
  std::iota(chosen.begin(), chosen.end(), 0);
  if (trials > 0 && static_cast<std::size_t>(trials) < grid) {
    // The first `trials` places of a Fisher-Yates shuffle, then back in grid order.
    SplitMix64 rng(seed);
    for (std::size_t i = 0; i < static_cast<std::size_t>(trials); ++i) {
      std::swap(chosen[i], chosen[i + rng.next() % (grid - i)]);
    }
    chosen.resize(static_cast<std::size_t>(trials));
    std::sort(chosen.begin(), chosen.end());
  }
  std::vector<Candidate> candidates;
  for (std::size_t index : chosen) {
    Candidate c;
    ModelParams params = base;
    params.given.clear();  // a searched value replaces the --param one of the same parameter
    std::size_t rest = index;
    for (std::size_t k = space.size(); k-- > 0;) {
      c.values.insert(c.values.begin(), space[k].values[rest % space[k].values.size()]);
      rest /= space[k].values.size();
    }
    for (std::size_t k = 0; k < space.size(); ++k) apply_param(params, space[k].name, c.values[k]);
    validate_params(params);
    if (params.rounds != base.rounds ||
        params.early_stopping_rounds != base.early_stopping_rounds ||
        params.threads_per_model != base.threads_per_model) {
      throw InputError(
          "--search: iterations, early stopping and threads cannot be searched (early stopping "
          "chooses the rounds in each fold); search booster parameters such as max_depth");
    }
    for (const auto& [name, value] : params.booster) {
      const auto was = base.booster.find(name);
      if (was == base.booster.end() || was->second != value) c.booster[name] = value;
    }
    candidates.push_back(std::move(c));
  }
  return candidates;
}

}  // namespace groupfit
