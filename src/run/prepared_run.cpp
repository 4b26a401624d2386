// prepare_run: see prepared_run.hpp.
#include "run/prepared_run.hpp"

#include <cmath>

#include "exec/core_count.hpp"
#include "plan/grouping.hpp"
#include "plan/id_check.hpp"
#include "plan/target.hpp"
#include "run/table_columns.hpp"
#include "table/finite_values.hpp"
#include "table/table_from_input.hpp"
#include "table/utf8_values.hpp"

namespace groupfit {
namespace {

// The columns whose text is written into an output: they must be valid UTF-8.
std::vector<std::string> written_text_columns(const TrainConfig& config,
                                              const ObjectiveInfo& objective,
                                              const std::vector<FeatureSpec>& features) {
  std::vector<std::string> names = {config.columns.group_column};
  if (objective.kind != TaskKind::Regression)
    names.push_back(config.columns.target_column);  // classes
  if (!config.columns.id_column.empty()) names.push_back(config.columns.id_column);
  for (const FeatureSpec& f : features) {
    if (f.categorical) names.push_back(f.name);
  }
  return names;
}

std::vector<std::string> numeric_features(const std::vector<FeatureSpec>& features) {
  std::vector<std::string> names;
  for (const FeatureSpec& f : features) {
    if (!f.categorical && f.part == DatePart::None) names.push_back(f.name);
  }
  return names;
}

}  // namespace

PreparedRun prepare_run(TrainConfig config, const WarningSink& warn, const RunClock& clock) {
  PreparedRun run;
  run.timings.cores = available_cores();
  // The search space is checked before the table is read: a bad value fails in a moment.
  if (config.tuning.active()) {
    run.search_space = parse_search_space(config.tuning);
    run.candidates =
        search_candidates(run.search_space, config.model, config.tuning.trials, config.split.seed);
  }
  // A table handed over in memory (a DataFrame) instead of a file; the rest is the same code.
  const bool parquet = !config.read.table && is_parquet_file(config.read.input);
  Table table = config.read.table
                    ? table_from_input(*config.read.table, config.read.input)
                    : read_table(config.read.input,
                                 read_options_for(config.read, config.columns, run.timings.cores));
  for (const auto& note : table.notes) warn(note);
  run.timings.read_seconds = clock.seconds();

  run.selection = select_features(table, as_read(config.columns, table, parquet));
  for (const auto& w : run.selection.warnings) warn(w);
  run.objective = *find_objective(config.model.booster.at("objective"));
  require_utf8_values(table, written_text_columns(config, run.objective, run.selection.features),
                      config.read.input, config.read.delimiter);
  require_finite_values(table, numeric_features(run.selection.features), config.read.input,
                        config.read.delimiter);
  if (!config.columns.id_column.empty()) {
    if (auto w = repeated_id_warning(table.column(config.columns.id_column))) warn(*w);
  }
  run.matrix = encode_features(table, run.selection.features);
  // From here on the features live in the matrix: their columns are given back now, so the
  // table and the matrix are never both whole beside the models' own memory.
  for (const FeatureSpec& feature : run.selection.features) {
    table.columns[static_cast<std::size_t>(table.find(feature.source()))].release();
  }
  EncodedTarget target = encode_target(
      table, {config.columns.target_column, config.columns.weight_column, run.objective},
      config.read.input, config.read.delimiter);
  run.matrix.labels = std::move(target.labels);
  run.matrix.weights = std::move(target.weights);
  run.classes = std::move(target.classes);
  if (run.objective.kind == TaskKind::Multiclass) {
    config.model.booster["num_class"] = std::to_string(run.classes.size());
  }

  const std::vector<Group> groups = group_rows(table.column(config.columns.group_column));
  run.tasks = plan_tasks(
      groups, run.matrix.labels,
      {config.split.valid_fraction, config.split.seed, config.split.min_rows, config.model.rounds});
  if (config.split.fallback_global) {
    run.skipped_splits.resize(run.tasks.size());
    for (std::size_t g = 0; g < run.tasks.size(); ++g) {
      if (run.tasks[g].trainable()) continue;
      std::vector<std::uint32_t> labeled;
      for (std::uint32_t r : groups[g].rows) {
        if (!std::isnan(run.matrix.labels[r])) labeled.push_back(r);
      }
      run.skipped_splits[g] =
          split_rows(labeled, config.split.valid_fraction, config.split.seed, run.tasks[g].key);
    }
  }
  // What is left of the table goes with it: the group, target and weight columns live on in
  // the tasks and the matrix's labels and weights, the ids predictions.csv needs in `ids`.
  if (!config.columns.id_column.empty()) {
    run.ids = PredictionIds(table.column(config.columns.id_column), run.tasks);
  }
  table = Table();
  run.plan = plan_execution(config, run.tasks, run.data(), run.timings.cores);
  run.timings.workers = run.plan.workers;
  run.timings.plan_seconds = clock.seconds() - run.timings.read_seconds;
  run.config = std::move(config);
  return run;
}

}  // namespace groupfit
