// write_metrics_csv and write_predictions_csv: see result_tables.hpp.
#include "report/result_tables.hpp"

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "report/csv_writer.hpp"

namespace groupfit {

void write_metrics_csv(const std::filesystem::path& path, TaskKind kind,
                       const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                       const ChosenParams& chosen) {
  AtomicFile file(path);
  CsvWriter csv(file.stream());
  const std::vector<std::string>& metrics = metric_names(kind);
  for (const char* name :
       {"group", "rows", "train_rows", "valid_rows", "unlabeled_rows", "best_iteration"}) {
    csv.text(name);
  }
  for (const std::string& name : chosen.names) csv.text(name);
  for (const std::string& name : metrics) csv.text(name);
  for (const char* name : {"train_seconds", "status", "message", "warning"}) csv.text(name);
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
    for (std::size_t k = 0; k < chosen.names.size(); ++k) {
      const bool tuned = i < chosen.values.size() && !chosen.values[i].empty();
      tuned ? csv.text(chosen.values[i][k]) : csv.empty();
    }
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      r.scores.size() == metrics.size() ? csv.number(r.scores[m]) : csv.empty();
    }
    // A fallback group's message keeps why it has no model of its own.
    csv.text(fmt::format("{:.3f}", r.train_seconds))
        .text(r.fallback ? "fallback" : to_string(r.status))
        .text(r.fallback ? fmt::format("{}: {}", to_string(r.status), r.message) : r.message);
    csv.text(r.warning);
    csv.end_row();
  }
  file.commit();
}

void write_predictions_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                           const std::vector<GroupResult>& results, const PredictionIds& ids,
                           const PredictionColumns& columns) {
  AtomicFile file(path);
  CsvWriter csv(file.stream());
  csv.text(ids.empty() ? "row" : ids.column_name()).text("group");
  columns.write_header(csv);
  csv.end_row();
  const std::size_t per_row = columns.outputs_per_row();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const GroupTask& t = tasks[i];
    const GroupResult& r = results[i];
    const bool has_predictions = r.predictions.size() == t.unlabeled_rows.size() * per_row;
    for (std::size_t k = 0; k < t.unlabeled_rows.size(); ++k) {
      const std::uint32_t row = t.unlabeled_rows[k];
      if (!ids.empty()) {
        csv.text(ids.of(i, k));
      } else {
        csv.integer(std::int64_t{row} + 1);  // data rows count from 1, as in messages
      }
      csv.text(t.key.display());
      columns.write_cells(
          csv, has_predictions ? std::span<const float>(r.predictions).subspan(k * per_row, per_row)
                               : std::span<const float>());
      csv.end_row();
    }
  }
  file.commit();
}

}  // namespace groupfit
