// check_param_value: see param_checks.hpp. The ranges are XGBoost 1.7's documented ones, made
// strict where XGBoost accepts a value that cannot train anything useful (eta 0, NaN).
#include "plan/param_checks.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "groupfit/error.hpp"
#include "plan/objective.hpp"

namespace groupfit {
namespace {

enum class Kind { Real, Integer, Choice, Objective, Metric, Constraints };

constexpr double kInf = std::numeric_limits<double>::infinity();

struct ParamRule {
  std::string_view key;
  Kind kind;
  double min = -kInf;
  bool min_open = false;  // min itself excluded
  double max = kInf;
  bool max_open = false;
  std::string_view choices = "";  // Kind::Choice: comma-separated
};

constexpr std::array<ParamRule, 28> kRules = {{
    {"alpha", Kind::Real, 0},
    {"base_score", Kind::Real},  // against the objective in validate_params
    {"colsample_bylevel", Kind::Real, 0, true, 1},
    {"colsample_bynode", Kind::Real, 0, true, 1},
    {"colsample_bytree", Kind::Real, 0, true, 1},
    {"eta", Kind::Real, 0, true},
    {"eval_metric", Kind::Metric},
    {"gamma", Kind::Real, 0},
    {"grow_policy", Kind::Choice, -kInf, false, kInf, false, "depthwise,lossguide"},
    {"huber_slope", Kind::Real, 0, true},
    {"interaction_constraints", Kind::Constraints},
    {"lambda", Kind::Real, 0},
    {"max_bin", Kind::Integer, 2, false, 1 << 24},
    {"max_cat_threshold", Kind::Integer, 1},
    {"max_cat_to_onehot", Kind::Integer, 1},
    {"max_delta_step", Kind::Real, 0},
    {"max_depth", Kind::Integer, 0, false, 64},
    {"max_leaves", Kind::Integer, 0},
    {"min_child_weight", Kind::Real, 0},
    {"monotone_constraints", Kind::Constraints},
    {"num_parallel_tree", Kind::Integer, 1, false, 10000},
    {"objective", Kind::Objective},
    {"sampling_method", Kind::Choice, -kInf, false, kInf, false, "uniform"},
    {"scale_pos_weight", Kind::Real, 0, true},
    {"seed", Kind::Integer, 0, false, 2147483647},
    {"subsample", Kind::Real, 0, true, 1},
    {"tree_method", Kind::Choice, -kInf, false, kInf, false, "hist"},
    {"tweedie_variance_power", Kind::Real, 1, false, 2, true},
}};

std::string range_text(const ParamRule& r, bool integer) {
  std::string what = integer ? "an integer" : "a finite number";
  auto num = [](double v) { return fmt::format("{}", v); };
  if (r.min != -kInf && r.max != kInf) {
    return fmt::format("{} in {}{}, {}{}", what, r.min_open ? "(" : "[", num(r.min), num(r.max),
                       r.max_open ? ")" : "]");
  }
  if (r.min != -kInf) return fmt::format("{} {} {}", what, r.min_open ? ">" : ">=", num(r.min));
  if (r.max != kInf) return fmt::format("{} {} {}", what, r.max_open ? "<" : "<=", num(r.max));
  return what;
}

bool in_range(const ParamRule& r, double v) {
  if (r.min_open ? !(v > r.min) : !(v >= r.min)) return false;
  if (r.max_open ? !(v < r.max) : !(v <= r.max)) return false;
  return true;
}

void check_number(const ParamRule& rule, const std::string& name, const std::string& value) {
  const bool integer = rule.kind == Kind::Integer;
  double number = 0;
  bool parsed = false;
  if (integer) {
    long long i = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
    parsed = ec == std::errc() && end == value.data() + value.size();
    number = static_cast<double>(i);
  } else {
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    parsed = ec == std::errc() && end == value.data() + value.size() && std::isfinite(number);
  }
  if (!parsed || !in_range(rule, number)) {
    throw InputError(fmt::format("parameter '{}': expected {}, got '{}'", name,
                                 range_text(rule, integer), value));
  }
}

// "(1,-1,0)" or "[1,-1,0]": each entry -1, 0 or 1. interaction_constraints: a nested list of
// feature indices or names, "[[0, 1], [2]]"; only its brackets are checked here.
void check_constraints(std::string_view key, const std::string& name, const std::string& value) {
  if (key == "monotone_constraints") {
    std::string_view v = value;
    const bool wrapped = v.size() >= 2 && ((v.front() == '(' && v.back() == ')') ||
                                           (v.front() == '[' && v.back() == ']'));
    bool ok = wrapped;
    if (ok) {
      v = v.substr(1, v.size() - 2);
      while (ok && !v.empty()) {
        const std::size_t comma = v.find(',');
        std::string_view item = v.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        ok = item == "-1" || item == "0" || item == "1";
        v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
      }
    }
    if (!ok) {
      throw InputError(
          fmt::format("parameter '{}': expected a list of -1, 0 and 1 such as '(1,0,-1)', got '{}'",
                      name, value));
    }
    return;
  }
  int depth = 0, max_depth = 0;
  for (char c : value) {
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    max_depth = std::max(max_depth, depth);
    if (depth < 0) break;
  }
  if (depth != 0 || max_depth != 2) {
    throw InputError(fmt::format(
        "parameter '{}': expected a list of lists of features such as '[[0, 1], [2]]', got '{}'",
        name, value));
  }
}

}  // namespace

std::vector<std::string> checked_param_names() {
  std::vector<std::string> names;
  for (const ParamRule& r : kRules) names.emplace_back(r.key);
  return names;
}

void check_param_value(std::string_view key, const std::string& name, const std::string& value) {
  const auto rule =
      std::find_if(kRules.begin(), kRules.end(), [&](const ParamRule& r) { return r.key == key; });
  if (rule == kRules.end()) throw InputError(fmt::format("unknown parameter '{}'", name));
  switch (rule->kind) {
    case Kind::Real:
    case Kind::Integer:
      check_number(*rule, name, value);
      return;
    case Kind::Choice: {
      const std::string choices(rule->choices);
      const std::string padded = "," + choices + ",";
      if (value.empty() || value.find(',') != std::string::npos ||
          padded.find("," + value + ",") == std::string::npos) {
        throw InputError(
            fmt::format("parameter '{}': expected one of {}, got '{}'", name, choices, value));
      }
      return;
    }
    case Kind::Objective: {
      if (find_objective(value)) return;
      const std::string reason = refused_objective_reason(value);
      throw InputError(fmt::format("parameter '{}': '{}' is not supported{}; supported: {}", name,
                                   value, reason.empty() ? "" : " (" + reason + ")",
                                   fmt::join(supported_objectives(), ", ")));
    }
    case Kind::Metric: {
      // Against the objective's kind in validate_params; here only that XGBoost knows it.
      for (TaskKind kind : {TaskKind::Regression, TaskKind::Binary, TaskKind::Multiclass}) {
        if (metric_accepted(value, kind)) return;
      }
      std::vector<std::string> all;
      for (TaskKind kind : {TaskKind::Regression, TaskKind::Binary, TaskKind::Multiclass}) {
        for (auto& m : accepted_metrics(kind)) all.push_back(std::move(m));
      }
      throw InputError(fmt::format("parameter '{}': unknown metric '{}'; accepted: {}", name, value,
                                   fmt::join(all, ", ")));
    }
    case Kind::Constraints:
      check_constraints(key, name, value);
      return;
  }
}

}  // namespace groupfit
