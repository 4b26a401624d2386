// groupfit::predict: applies a training run's models/ to a CSV of new rows. The rows are
// encoded with the saved schema (same features, same category codes) and each group's rows go
// through that group's model, so on the training file it reproduces predictions.csv exactly.
// Output keeps the input's row order; a row whose group has no model gets an empty prediction.
// Each row starts with its id, or without --id its `row`: the data row's number counted from 1
// (the first row after the header), as in train's predictions.csv and in messages' "data row
// N". --keep copies input columns in, so the output joins back to the input without an id.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "base/atomic_file.hpp"
#include "base/freed_memory.hpp"
#include "exec/core_count.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"
#include "plan/pooled_matrix.hpp"
#include "report/csv_writer.hpp"
#include "report/model_store.hpp"
#include "report/prediction_columns.hpp"
#include "table/message_text.hpp"
#include "table/table_from_input.hpp"
#include "table/table_reader.hpp"
#include "table/utf8_values.hpp"
#include "train/model_predictor.hpp"

namespace groupfit {
namespace {

// The input columns to copy (PredictConfig::keep), in the input's order; not the id and group
// columns, which lead every row already. A kept column may not take an output column's name:
// two columns of one name would not read back.
std::vector<const Column*> kept_columns(const Table& table, const PredictConfig& config,
                                        const std::string& group_column, const Column* id_column,
                                        const std::vector<std::string>& output_names) {
  for (const std::string& name : config.keep) table.column(name);  // throws with suggestions
  const std::set<std::string> wanted(config.keep.begin(), config.keep.end());
  std::vector<const Column*> kept;
  for (const Column& column : table.columns) {
    if (!config.keep_all && wanted.count(column.name) == 0) continue;
    if (&column == id_column || column.name == group_column) continue;
    if (std::find(output_names.begin(), output_names.end(), column.name) != output_names.end()) {
      throw InputError(fmt::format(
          "{}: input column '{}' has the name of an output column ({}); keep the other columns "
          "with --keep",
          config.keep_all ? "--keep-all" : "--keep", column.name, fmt::join(output_names, ", ")));
    }
    kept.push_back(&column);
  }
  return kept;
}

std::string count_of(std::size_t n, std::string_view thing) {
  return fmt::format("{} {}{}", n, thing, n == 1 ? "" : "s");
}

// One warning for every categorical feature holding values no model saw in training, counted
// over the rows a model scored: such a value is scored as missing (XGBoost sends it down each
// split's default branch), which is right for a category that is new but hides a misspelling.
std::optional<std::string> unseen_categories_warning(const Table& table,
                                                     const FeatureMatrix& matrix,
                                                     const std::vector<FeatureSpec>& features,
                                                     const std::vector<bool>& scored) {
  std::vector<std::string> parts;
  for (std::size_t f = 0; f < features.size(); ++f) {
    if (!features[f].categorical) continue;
    const Column& column = table.column(features[f].name);
    std::size_t rows = 0;
    std::set<std::string> values;
    for (std::size_t r = 0; r < table.num_rows(); ++r) {
      // A value the schema does not know is encoded NaN although present.
      if (scored[r] && column.is_valid(r) && std::isnan(matrix.values[r * matrix.cols + f])) {
        ++rows;
        values.insert(column.text_at(r));
      }
    }
    if (rows == 0) continue;
    std::vector<std::string> examples;
    for (const std::string& v : values) {
      if (examples.size() == 3) break;
      examples.push_back("'" + excerpt(v, 30) + "'");
    }
    parts.push_back(fmt::format("column '{}' in {} ({}: {}{})", column.name, count_of(rows, "row"),
                                count_of(values.size(), "value"), fmt::join(examples, ", "),
                                values.size() > examples.size() ? ", ..." : ""));
  }
  if (parts.empty()) return std::nullopt;
  return fmt::format("categories not seen in training are scored as missing: {}",
                     fmt::join(parts, "; "));
}

}  // namespace

PredictReport predict(const PredictConfig& config, const WarningSink& warn) {
  return_freed_memory_promptly();
  if (config.output.empty()) throw InputError("--out is required");
  // Resolved once: a run's models/ is a symlink into its current result (report/output_stage.hpp),
  // and a training run publishing meanwhile must not give us its schema and another's models.
  std::error_code ec;
  std::filesystem::path models_dir = std::filesystem::canonical(config.models_dir, ec);
  if (ec) models_dir = config.models_dir;
  const ModelSet set = read_model_set(models_dir);
  TableReadOptions reading;
  reading.csv.delimiter = config.delimiter;
  reading.csv.decimal = config.decimal.value_or(set.schema.decimal);
  reading.csv.na_values = config.na_values.value_or(set.schema.na_values);
  reading.csv.threads = available_cores();
  if (!config.keep_all) {
    // Parquet: only what scoring and the output use (a CSV file is read whole anyway).
    reading.columns = {set.schema.group_column};
    // A date part feature reads its date column; columns named twice are read once.
    for (const FeatureSpec& f : set.schema.features) reading.columns.push_back(f.source());
    reading.columns.insert(reading.columns.end(), config.keep.begin(), config.keep.end());
    if (!set.schema.id_column.empty()) reading.optional_columns = {set.schema.id_column};
  }
  // New rows handed over in memory (a DataFrame) instead of a file: named in messages by input.
  const std::string source = config.table && config.input.empty() ? "<memory>" : config.input;
  const Table table =
      config.table ? table_from_input(*config.table, source) : read_table(config.input, reading);
  for (const auto& note : table.notes) warn(note);
  const auto objective = find_objective(set.schema.objective);
  if (!objective) {
    throw InputError(fmt::format("{}: unknown objective '{}' in the model schema",
                                 (models_dir / "schema.json").string(), set.schema.objective));
  }
  const PredictionColumns columns(objective->kind, set.schema.classes);
  const std::size_t per_row = columns.outputs_per_row();
  const Column* id_column = nullptr;
  if (!set.schema.id_column.empty() && table.find(set.schema.id_column) >= 0) {
    id_column = &table.column(set.schema.id_column);
  }
  std::vector<std::string> output_names = {id_column ? id_column->name : "row", "group"};
  for (const std::string& name : columns.names()) output_names.push_back(name);
  const std::vector<const Column*> kept =
      kept_columns(table, config, set.schema.group_column, id_column, output_names);
  // The group, id and kept values are written out: like train, refuse text that is not UTF-8.
  std::vector<std::string> written = {set.schema.group_column};
  if (id_column) written.push_back(id_column->name);
  for (const Column* column : kept) written.push_back(column->name);
  require_utf8_values(table, written, source, config.delimiter);
  const FeatureMatrix matrix = encode_features(table, set.schema.features);
  const MatrixView data = view_of(matrix, set.schema.features);

  std::map<std::pair<bool, std::string>, std::string> file_of;
  for (const auto& m : set.models) file_of[{m.key.missing, m.key.text}] = m.file;

  PredictReport report;
  report.rows = table.num_rows();
  std::vector<float> predictions(table.num_rows() * per_row, 0.0f);
  std::vector<bool> predicted(table.num_rows(), false);
  const std::vector<Group> groups = group_rows(table.column(set.schema.group_column));
  const auto check_stop = [&config] {
    if (config.stop != nullptr && *config.stop) {
      throw Interrupted("predict interrupted: nothing was written");
    }
  };
  // With a pooled model (--fallback global), the groups without a model of their own are
  // gathered and predicted by it in one call; a group training never saw is coded missing.
  std::map<std::pair<bool, std::string>, float> pooled_code;
  for (std::size_t c = 0; c < set.schema.fallback_groups.size(); ++c) {
    const GroupKey& key = set.schema.fallback_groups[c];
    pooled_code[{key.missing, key.text}] = static_cast<float>(c);
  }
  std::vector<std::uint32_t> pooled_rows_wanted;
  std::vector<float> pooled_codes;
  for (const Group& g : groups) {
    check_stop();
    auto it = file_of.find({g.key.missing, g.key.text});
    if (it == file_of.end() && !set.schema.fallback_file.empty()) {
      const auto code = pooled_code.find({g.key.missing, g.key.text});
      pooled_rows_wanted.insert(pooled_rows_wanted.end(), g.rows.begin(), g.rows.end());
      pooled_codes.resize(pooled_rows_wanted.size(), code == pooled_code.end()
                                                         ? std::numeric_limits<float>::quiet_NaN()
                                                         : code->second);
      continue;
    }
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
  if (!pooled_rows_wanted.empty()) {
    check_stop();
    const std::vector<FeatureSpec> features =
        pooled_features(set.schema.features, set.schema.group_column, set.schema.fallback_groups);
    const std::filesystem::path file = models_dir / set.schema.fallback_file;
    const std::vector<float> out =
        predict_pooled(file, data, features, pooled_rows_wanted, pooled_codes);
    const std::vector<std::uint32_t>& all = pooled_rows_wanted;
    if (out.size() != all.size() * per_row) {
      throw InputError(fmt::format("model '{}' does not match the schema's objective {}",
                                   file.string(), set.schema.objective));
    }
    for (std::size_t k = 0; k < all.size(); ++k) {
      std::copy_n(
          out.begin() + static_cast<std::ptrdiff_t>(k * per_row), per_row,
          predictions.begin() + static_cast<std::ptrdiff_t>(pooled_rows_wanted[k] * per_row));
      predicted[pooled_rows_wanted[k]] = true;
    }
    report.predicted += all.size();
    report.rows_by_fallback = all.size();
  }
  if (report.groups_without_model > 0) {
    warn(fmt::format("{} rows in {} groups have no model; their predictions are empty",
                     report.rows_without_model, report.groups_without_model));
  }
  if (auto w = unseen_categories_warning(table, matrix, set.schema.features, predicted)) warn(*w);

  const Column& group_column = table.column(set.schema.group_column);
  AtomicFile file(config.output);
  CsvWriter csv(file.stream());
  csv.text(output_names[0]).text("group");
  for (const Column* column : kept) csv.text(column->name);
  columns.write_header(csv);
  csv.end_row();
  constexpr std::size_t kRowsBetweenStopChecks = 65536;
  for (std::size_t r = 0; r < table.num_rows(); ++r) {
    if (r % kRowsBetweenStopChecks == 0) check_stop();
    if (id_column) {
      csv.text(id_column->text_at(r));
    } else {
      csv.integer(static_cast<std::int64_t>(r) + 1);  // data rows count from 1
    }
    csv.text(group_column.text_at(r));
    for (const Column* column : kept) csv.text(column->text_at(r));
    columns.write_cells(csv, predicted[r]
                                 ? std::span<const float>(predictions).subspan(r * per_row, per_row)
                                 : std::span<const float>());
    csv.end_row();
  }
  file.commit();
  return report;
}

}  // namespace groupfit
