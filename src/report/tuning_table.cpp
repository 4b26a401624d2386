// write_tuning_csv: see tuning_table.hpp.
#include "report/tuning_table.hpp"

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "report/csv_writer.hpp"

namespace groupfit {

void write_tuning_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                      const std::vector<SearchDimension>& space,
                      const std::vector<Candidate>& candidates, const TuningOutcome& outcome,
                      const std::string& metric, int folds) {
  AtomicFile file(path);
  CsvWriter csv(file.stream());
  csv.text("group").text("candidate");
  for (const SearchDimension& d : space) csv.text(d.name);
  csv.text("folds");
  for (int f = 1; f <= folds; ++f) csv.text(fmt::format("{}_fold{}", metric, f));
  csv.text("mean_" + metric).text("best_iterations").text("chosen");
  csv.end_row();
  for (std::size_t g = 0; g < tasks.size(); ++g) {
    if (g >= outcome.fold_scores.size() || outcome.fold_scores[g].empty()) continue;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      const std::vector<double>& scores = outcome.fold_scores[g][c];
      csv.text(tasks[g].key.display()).integer(static_cast<std::int64_t>(c + 1));
      for (const std::string& value : candidates[c].values) csv.text(value);
      csv.integer(static_cast<std::int64_t>(scores.size()));
      double sum = 0;
      for (int f = 0; f < folds; ++f) {
        if (static_cast<std::size_t>(f) < scores.size()) {
          csv.number(scores[static_cast<std::size_t>(f)]);
          sum += scores[static_cast<std::size_t>(f)];
        } else {
          csv.empty();
        }
      }
      csv.number(sum / static_cast<double>(scores.size()));  // NaN (empty) if a fold failed
      std::string iterations;
      for (int it : outcome.fold_best_iterations[g][c]) {
        iterations += (iterations.empty() ? "" : " ") + std::to_string(it);
      }
      csv.text(iterations).text(outcome.chosen[g] == static_cast<int>(c) ? "true" : "false");
      csv.end_row();
    }
  }
  file.commit();
}

}  // namespace groupfit
