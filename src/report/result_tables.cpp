// write_metrics_csv and write_predictions_csv: see result_tables.hpp.
#include "report/result_tables.hpp"

#include <fmt/format.h>

#include "report/atomic_file.hpp"
#include "report/csv_writer.hpp"

namespace groupfit {

void write_metrics_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                       const std::vector<GroupResult>& results) {
  AtomicFile file(path);
  CsvWriter csv(file.stream());
  for (const char* name :
       {"group", "rows", "train_rows", "valid_rows", "unlabeled_rows", "best_iteration", "rmse",
        "mae", "r2", "train_seconds", "status", "message"}) {
    csv.text(name);
  }
  csv.end_row();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupTask& t = tasks[i];
    const GroupResult& r = results[i];
    csv.text(t.key.display())
        .integer(static_cast<std::int64_t>(t.rows))
        .integer(static_cast<std::int64_t>(t.train_rows.size()))
        .integer(static_cast<std::int64_t>(t.valid_rows.size()))
        .integer(static_cast<std::int64_t>(t.unlabeled_rows.size()));
    if (r.status == GroupStatus::Ok) {
      csv.integer(r.best_iteration);
    } else {
      csv.empty();
    }
    csv.number(r.rmse).number(r.mae).number(r.r2);
    csv.text(fmt::format("{:.3f}", r.train_seconds)).text(to_string(r.status)).text(r.message);
    csv.end_row();
  }
  file.commit();
}

void write_predictions_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                           const std::vector<GroupResult>& results, const Column* id_column) {
  AtomicFile file(path);
  CsvWriter csv(file.stream());
  csv.text(id_column ? id_column->name : "row").text("group").text("prediction");
  csv.end_row();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupTask& t = tasks[i];
    const GroupResult& r = results[i];
    const bool has_predictions = r.predictions.size() == t.unlabeled_rows.size();
    for (std::size_t k = 0; k < t.unlabeled_rows.size(); ++k) {
      const std::uint32_t row = t.unlabeled_rows[k];
      if (id_column) {
        csv.text(id_column->text_at(row));
      } else {
        csv.integer(row);
      }
      csv.text(t.key.display());
      if (has_predictions) {
        csv.number(r.predictions[k]);
      } else {
        csv.empty();
      }
      csv.end_row();
    }
  }
  file.commit();
}

}  // namespace groupfit
