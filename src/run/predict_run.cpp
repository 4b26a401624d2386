// groupfit::predict: applies a training run's models/ to a CSV of new rows. The rows are
// encoded with the saved schema (same features, same category codes) and each group's rows go
// through that group's model, so on the training file it reproduces predictions.csv exactly.
// Output keeps the input's row order; a row whose group has no model gets an empty prediction.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/atomic_file.hpp"
#include "exec/core_count.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"
#include "report/csv_writer.hpp"
#include "report/model_store.hpp"
#include "report/prediction_columns.hpp"
#include "table/csv_reader.hpp"
#include "table/utf8_values.hpp"
#include "train/model_predictor.hpp"

namespace groupfit {

PredictReport predict(const PredictConfig& config, const WarningSink& warn) {
  if (config.output.empty()) throw InputError("--out is required");
  // Resolved once: a run's models/ is a symlink into its current result (report/output_stage.hpp),
  // and a training run publishing meanwhile must not give us its schema and another's models.
  std::error_code ec;
  std::filesystem::path models_dir = std::filesystem::canonical(config.models_dir, ec);
  if (ec) models_dir = config.models_dir;
  const ModelSet set = read_model_set(models_dir);
  CsvReadOptions reading;
  reading.delimiter = config.delimiter;
  reading.decimal = config.decimal.value_or(set.schema.decimal);
  reading.na_values = config.na_values.value_or(set.schema.na_values);
  reading.threads = available_cores();
  const Table table = read_csv_file(config.input, reading);
  for (const auto& note : table.notes) warn(note);
  // The group and id values are written out: like train, refuse text that is not UTF-8.
  std::vector<std::string> written = {set.schema.group_column};
  if (table.find(set.schema.id_column) >= 0) written.push_back(set.schema.id_column);
  require_utf8_values(table, written, config.input, config.delimiter);
  const FeatureMatrix matrix = encode_features(table, set.schema.features);
  const auto objective = find_objective(set.schema.objective);
  if (!objective) {
    throw InputError(fmt::format("{}: unknown objective '{}' in the model schema",
                                 (models_dir / "schema.json").string(), set.schema.objective));
  }
  const PredictionColumns columns(objective->kind, set.schema.classes);
  const std::size_t per_row = columns.outputs_per_row();
  const MatrixView data = view_of(matrix, set.schema.features);
  const Column* id_column = nullptr;
  if (!set.schema.id_column.empty() && table.find(set.schema.id_column) >= 0) {
    id_column = &table.column(set.schema.id_column);
  }

  std::map<std::pair<bool, std::string>, std::string> file_of;
  for (const auto& m : set.models) file_of[{m.key.missing, m.key.text}] = m.file;

  PredictReport report;
  report.rows = table.num_rows();
  std::vector<float> predictions(table.num_rows() * per_row, 0.0f);
  std::vector<bool> predicted(table.num_rows(), false);
  const std::vector<Group> groups = group_rows(table.column(set.schema.group_column));
  for (const Group& g : groups) {
    auto it = file_of.find({g.key.missing, g.key.text});
    if (it == file_of.end()) {
      ++report.groups_without_model;
      report.rows_without_model += g.rows.size();
      continue;
    }
    const std::vector<float> out = predict_rows(models_dir / it->second, data, g.rows);
    if (out.size() != g.rows.size() * per_row) {
      throw InputError(fmt::format("model '{}' does not match the schema's objective {}",
                                   (models_dir / it->second).string(), set.schema.objective));
    }
    for (std::size_t k = 0; k < g.rows.size(); ++k) {
      std::copy_n(out.begin() + static_cast<std::ptrdiff_t>(k * per_row), per_row,
                  predictions.begin() + static_cast<std::ptrdiff_t>(g.rows[k] * per_row));
      predicted[g.rows[k]] = true;
    }
    report.predicted += g.rows.size();
  }
  if (report.groups_without_model > 0) {
    warn(fmt::format("{} rows in {} groups have no model; their predictions are empty",
                     report.rows_without_model, report.groups_without_model));
  }

  const Column& group_column = table.column(set.schema.group_column);
  AtomicFile file(config.output);
  CsvWriter csv(file.stream());
  csv.text(id_column ? id_column->name : "row").text("group");
  columns.write_header(csv);
  csv.end_row();
  for (std::size_t r = 0; r < table.num_rows(); ++r) {
    if (id_column) {
      csv.text(id_column->text_at(r));
    } else {
      csv.integer(static_cast<std::int64_t>(r));
    }
    csv.text(group_column.text_at(r));
    columns.write_cells(csv, predicted[r]
                                 ? std::span<const float>(predictions).subspan(r * per_row, per_row)
                                 : std::span<const float>());
    csv.end_row();
  }
  file.commit();
  return report;
}

}  // namespace groupfit
