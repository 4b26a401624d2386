// The names of the public API's enums (groupfit/groupfit.hpp): what the CLI prints and run.json
// records.
#include <array>
#include <utility>

#include "groupfit/groupfit.hpp"

namespace groupfit {
namespace {

constexpr std::array<std::pair<ExecutorKind, std::string_view>, 5> kNames = {{
    {ExecutorKind::Auto, "auto"},
    {ExecutorKind::Sequential, "sequential"},
    {ExecutorKind::Threads, "threads"},
    {ExecutorKind::Processes, "processes"},
    {ExecutorKind::Mpi, "mpi"},
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

std::string_view to_string(GroupStatus status) {
  switch (status) {
    case GroupStatus::Ok:
      return "ok";
    case GroupStatus::Skipped:
      return "skipped";
    case GroupStatus::Failed:
      break;
  }
  return "failed";
}

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::Bool:
      return "bool";
    case ValueType::Int64:
      return "int64";
    case ValueType::Float64:
      return "float64";
    case ValueType::Date:
      return "date";
    case ValueType::String:
      break;
  }
  return "string";
}

std::string_view to_string(ColumnRole role) {
  switch (role) {
    case ColumnRole::Group:
      return "group";
    case ColumnRole::Target:
      return "target";
    case ColumnRole::Id:
      return "id";
    case ColumnRole::Weight:
      return "weight";
    case ColumnRole::Feature:
      return "feature";
    case ColumnRole::CategoricalFeature:
      return "categorical feature";
    case ColumnRole::Dropped:
      return "dropped";
    case ColumnRole::None:
      break;
  }
  return "";
}

}  // namespace groupfit
