// --fallback global: a pooled model for the groups that get no model of their own. Trained once
// the groups are done, on the training rows of every group with the group as one more
// categorical feature (plan/pooled_matrix.hpp), early stopping on the trainable groups'
// validation rows; a skipped group's labeled rows are split as a trained group's would be, and
// its training part joins. Then each skipped or failed group's unlabeled rows get its
// predictions, and the group its metrics on its own validation rows, which the pooled model has
// not trained on.
// metrics.csv then says `fallback` for them; predict uses the model for groups without one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "run/prepared_run.hpp"
#include "train/group_result.hpp"

namespace groupfit {

struct FallbackStage {
  bool trained = false;
  std::string message;     // why the pooled model could not be trained, when it could not
  std::size_t groups = 0;  // groups given its predictions
  double seconds = 0;
};

// Writes the pooled model to `model_file` and marks the results it stands in for (fallback,
// scores, predictions).
FallbackStage apply_fallback(const PreparedRun& run, std::vector<GroupResult>& results,
                             const std::filesystem::path& model_file);

}  // namespace groupfit
