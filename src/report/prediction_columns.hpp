// The prediction columns of predictions.csv (train) and of `groupfit predict`'s output, written
// by one piece of code so the two files always have the same layout:
// - regression: `prediction`, the predicted value;
// - binary:logistic: `prediction`, the probability of the positive class (the second of the
//   two sorted classes, run.json's `classes`);
// - multi-class: `prediction`, the most probable class, then `probability_<class>` for each
//   class in sorted order.
// A row without a model gets empty prediction cells.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "plan/objective.hpp"
#include "report/csv_writer.hpp"

namespace groupfit {

class PredictionColumns {
 public:
  PredictionColumns(TaskKind kind, std::vector<std::string> classes);

  // Values per row a model gives: num_class for multi-class, else 1.
  std::size_t outputs_per_row() const;
  // The column names: prediction, then probability_<class> for multi-class.
  std::vector<std::string> names() const;
  void write_header(CsvWriter& csv) const;
  // One row's cells from its model's outputs (outputs_per_row() values), or empty cells when
  // `outputs` is empty.
  void write_cells(CsvWriter& csv, std::span<const float> outputs) const;

 private:
  TaskKind kind_;
  std::vector<std::string> classes_;
};

}  // namespace groupfit
