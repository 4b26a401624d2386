// PredictionColumns: see prediction_columns.hpp.
#include "report/prediction_columns.hpp"

#include <algorithm>

namespace groupfit {

PredictionColumns::PredictionColumns(TaskKind kind, std::vector<std::string> classes)
    : kind_(kind), classes_(std::move(classes)) {}

std::size_t PredictionColumns::outputs_per_row() const {
  return kind_ == TaskKind::Multiclass ? classes_.size() : 1;
}

std::vector<std::string> PredictionColumns::names() const {
  std::vector<std::string> names = {"prediction"};
  if (kind_ != TaskKind::Multiclass) return names;
  for (const std::string& c : classes_) names.push_back("probability_" + c);
  return names;
}

void PredictionColumns::write_header(CsvWriter& csv) const {
  for (const std::string& name : names()) csv.text(name);
}

void PredictionColumns::write_cells(CsvWriter& csv, std::span<const float> outputs) const {
  if (kind_ != TaskKind::Multiclass) {
    outputs.empty() ? csv.empty() : csv.number(outputs[0]);
    return;
  }
  if (outputs.empty()) {
    for (std::size_t i = 0; i <= classes_.size(); ++i) csv.empty();
    return;
  }
  const auto best =
      static_cast<std::size_t>(std::max_element(outputs.begin(), outputs.end()) - outputs.begin());
  csv.text(classes_[best]);
  for (float p : outputs) csv.number(p);
}

}  // namespace groupfit
