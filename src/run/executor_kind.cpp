// to_string(ExecutorKind) and executor_kind_named: see groupfit/groupfit.hpp.
#include <array>
#include <utility>

#include "groupfit/groupfit.hpp"

namespace groupfit {
namespace {

constexpr std::array<std::pair<ExecutorKind, std::string_view>, 4> kNames = {{
    {ExecutorKind::Auto, "auto"},
    {ExecutorKind::Sequential, "sequential"},
    {ExecutorKind::Threads, "threads"},
    {ExecutorKind::Processes, "processes"},
}};

}  // namespace

std::string_view to_string(ExecutorKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "auto";
}

std::optional<ExecutorKind> executor_kind_named(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace groupfit
