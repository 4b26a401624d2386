// encode_target: see target.hpp.
#include "plan/target.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "groupfit/error.hpp"
#include "table/message_text.hpp"
#include "table/row_lines.hpp"

namespace groupfit {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The classes of a classification target, sorted, and each row's class index.
std::vector<std::string> classes_of(const Column& target_column, std::vector<float>& labels) {
  std::vector<std::string> classes;
  Column encoded;
  const Column& target = with_dictionary(target_column, encoded);
  if (target.type == ColumnType::String) {
    std::vector<bool> used(target.dictionary.size(), false);
    for (std::size_t r = 0; r < target.size(); ++r) {
      if (target.is_valid(r)) used[target.codes[r]] = true;
    }
    std::vector<std::uint32_t> codes;
    for (std::uint32_t d = 0; d < used.size(); ++d) {
      if (used[d]) codes.push_back(d);
    }
    std::sort(codes.begin(), codes.end(), [&](std::uint32_t a, std::uint32_t b) {
      return target.dictionary[a] < target.dictionary[b];
    });
    std::vector<float> index_of(target.dictionary.size(), kNaN);
    for (std::size_t i = 0; i < codes.size() && i <= kMaxClasses; ++i) {
      index_of[codes[i]] = static_cast<float>(i);
      classes.emplace_back(target.dictionary[codes[i]]);
    }
    if (codes.size() > kMaxClasses) classes.emplace_back();  // only counted, never used
    for (std::size_t r = 0; r < target.size(); ++r) {
      labels[r] = target.is_valid(r) ? index_of[target.codes[r]] : kNaN;
    }
    return classes;
  }
  std::map<double, std::size_t> index;
  for (std::size_t r = 0; r < target.size() && index.size() <= kMaxClasses; ++r) {
    if (target.is_valid(r)) index.emplace(target.numeric_at(r), 0);
  }
  if (index.size() > kMaxClasses) return std::vector<std::string>(index.size());
  std::size_t next = 0;
  for (auto& [value, i] : index) i = next++;
  std::vector<std::size_t> row_of_value(index.size(), 0);
  for (std::size_t r = 0; r < target.size(); ++r) {
    if (!target.is_valid(r)) {
      labels[r] = kNaN;
      continue;
    }
    const std::size_t i = index.at(target.numeric_at(r));
    labels[r] = static_cast<float>(i);
    row_of_value[i] = r;
  }
  for (std::size_t row : row_of_value) classes.push_back(target.text_at(row));
  return classes;
}

void check_classes(const TargetSpec& spec, const std::vector<std::string>& classes) {
  const bool binary = spec.objective.kind == TaskKind::Binary;
  if (classes.size() > kMaxClasses) {
    throw InputError(fmt::format(
        "target column '{}' has more than {} distinct values: too many classes for {} (is it a "
        "number to predict with a regression objective?)",
        spec.column, kMaxClasses, spec.objective.name));
  }
  if (classes.size() < 2 || (binary && classes.size() > 2)) {
    std::vector<std::string> shown(classes.begin(),
                                   classes.begin() + std::min<std::size_t>(classes.size(), 5));
    for (auto& c : shown) c = excerpt(c, 20);
    throw InputError(fmt::format(
        "objective {} needs a target with {} distinct values; '{}' has {}: {}{}",
        spec.objective.name, binary ? "two" : "at least two", spec.column, classes.size(),
        fmt::join(shown, ", "), classes.size() > shown.size() ? ", ..." : ""));
  }
}

// Refuses the first row (in order) whose target is not finite or is outside the objective's
// domain (classes accept any finite number).
void check_domain(const TargetSpec& spec, const Column& target, const std::string& path,
                  char delimiter) {
  for (std::size_t r = 0; r < target.size(); ++r) {
    if (!target.is_valid(r)) continue;
    const double v = target.numeric_at(r);
    if (!std::isfinite(v) || !in_domain(v, spec.objective.domain)) {
      throw InputError(fmt::format(
          "{}: target '{}' is {}: objective {} needs {}", row_location(path, delimiter, r),
          spec.column, target.text_at(r), spec.objective.name,
          std::isfinite(v) ? domain_text(spec.objective.domain) : "a finite number"));
    }
  }
}

std::vector<float> encode_weights(const Table& table, const TargetSpec& spec,
                                  const std::vector<float>& labels, const std::string& path,
                                  char delimiter) {
  const Column& column = table.column(spec.weight_column);
  if (!column.is_numeric()) {
    std::size_t r = 0;
    while (r < column.size() && !column.is_valid(r)) ++r;
    throw InputError(fmt::format("{}: weight column '{}' is not numeric ('{}')",
                                 row_location(path, delimiter, r), spec.weight_column,
                                 excerpt(column.text_at(r))));
  }
  std::vector<float> weights(column.size(), 0.0f);
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (std::isnan(labels[r])) continue;  // a row to score: its weight is not used
    const double w = column.numeric_at(r);
    if (!column.is_valid(r) || !std::isfinite(w) || w < 0) {
      throw InputError(fmt::format(
          "{}: weight '{}' is {} on a row with a target: weights must be finite numbers >= 0",
          row_location(path, delimiter, r), spec.weight_column,
          column.is_valid(r) ? fmt::format("'{}'", column.text_at(r)) : "missing"));
    }
    weights[r] = static_cast<float>(w);
  }
  return weights;
}

}  // namespace

EncodedTarget encode_target(const Table& table, const TargetSpec& spec, const std::string& path,
                            char delimiter) {
  const Column& target = table.column(spec.column);
  // Every group would be skipped for want of labels and the run "succeed" with nothing
  // trained: almost surely the wrong column, so say so.
  if (target.validity.count_valid() == 0) {
    throw InputError(
        fmt::format("target column '{}' has no values: it is missing on every row", spec.column));
  }
  EncodedTarget out;
  out.labels.resize(target.size());
  if (target.is_numeric()) check_domain(spec, target, path, delimiter);
  if (spec.objective.kind != TaskKind::Regression) {
    out.classes = classes_of(target, out.labels);
    check_classes(spec, out.classes);
  } else {
    if (!target.is_numeric()) {
      std::size_t r = 0;
      for (; r < target.size(); ++r) {
        if (!target.is_valid(r)) continue;
        const std::string text = target.text_at(r);
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size()) break;
      }
      throw InputError(
          fmt::format("{}: target column '{}' is not numeric ('{}'); for classes, use objective "
                      "binary:logistic or multi:softprob",
                      row_location(path, delimiter, r), spec.column, excerpt(target.text_at(r))));
    }
    for (std::size_t r = 0; r < target.size(); ++r) {
      out.labels[r] = static_cast<float>(target.numeric_at(r));
    }
  }
  if (!spec.weight_column.empty()) {
    out.weights = encode_weights(table, spec, out.labels, path, delimiter);
  }
  return out;
}

}  // namespace groupfit
