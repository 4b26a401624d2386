// groupfit's public API: train one model per group of a table, apply saved models to new rows,
// and inspect a table before training. The `groupfit` program is a thin layer over these calls.
// Library calls never print or exit: warnings go to the caller's WarningSink, errors are thrown
// as groupfit::Error (groupfit/error.hpp), and a group that fails is a result, not an error.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groupfit/input_table.hpp"
#include "groupfit/model_params.hpp"

namespace groupfit {

using WarningSink = std::function<void(const std::string&)>;

// How the groups run: planned from a calibration (Auto), one after another, on threads of this
// process, or in worker processes (groupfit/worker.hpp).
enum class ExecutorKind { Auto, Sequential, Threads, Processes, Mpi };
std::string_view to_string(ExecutorKind kind);
// "auto", "sequential", "threads", "processes" or "mpi"; nullopt for anything else.
std::optional<ExecutorKind> executor_kind_named(std::string_view name);

// A training run's configuration, in parts that each check themselves (validate() throws
// InputError with the user's one-line message); TrainConfig::validate checks them all and how
// they fit together. train() validates, so callers need not.
struct ReadOptions {
  std::string input;  // CSV file, plain, gzip or zstd; "-": standard input (no --resume)
  // A table in memory to train on instead of reading `input` (groupfit/input_table.hpp),
  // kept alive by the caller until train() returns; `input` then only names it in messages
  // and run.json ("<DataFrame>: data row 7: ..."; "<memory>" when empty), and the delimiter,
  // decimal and na_values below do not apply to it.
  const InputTable* table = nullptr;
  char delimiter = 0;  // 0: detect
  // '.', ',' (decimal commas), or 0: '.', and decimal commas in a ';'-separated file where a
  // column's values are numbers only with them (a warning says so).
  char decimal = 0;
  std::vector<std::string> na_values;  // spellings of a missing value besides pandas' defaults
  void validate() const;
};

struct FeatureOptions {
  std::string group_column;
  std::string target_column;
  std::string id_column;              // optional: predictions are keyed by `row` without it
  std::string weight_column;          // optional: sample weights (>= 0, not a feature)
  std::vector<std::string> features;  // only these (empty: every other column)
  std::vector<std::string> drop;      // never these
  // Categorical features whatever their values look like (numeric codes of schools, teachers):
  // a number's category is its text form ("12").
  std::vector<std::string> categorical;
  std::size_t max_categories = 1024;  // a text column with more distinct values is dropped
  // Each date feature also gives its calendar parts, UTC, as numeric features named
  // "<column>.year", ".month", ".day_of_week" (Monday 0) and ".hour": what a tree needs to
  // split on a season or a weekday, which the seconds since the epoch hide.
  bool date_parts = false;
  void validate() const;
};

struct SplitOptions {
  double valid_fraction = 0.2;  // of each group's labeled rows, held out for validation
  std::uint64_t seed = 0;
  std::size_t min_rows = 20;  // fewer labeled rows: the group is skipped
  // --fallback global: a pooled model (every group's training rows, the group as a feature)
  // predicts for the groups skipped or failed, and for groups predict has no model for.
  bool fallback_global = false;
  void validate() const;
};

struct ExecOptions {
  ExecutorKind executor = ExecutorKind::Auto;
  unsigned workers = 0;                   // 0: the available cores
  double group_timeout_seconds = 0;       // processes: kill a worker stuck this long on a group
  std::uint64_t worker_memory_limit = 0;  // processes: bytes of address space per worker
  // processes: the program started as a worker; it must hand `--groupfit-worker` arguments to
  // run_worker (groupfit/worker.hpp). Default: this program.
  std::string worker_executable = "/proc/self/exe";
  // mpi: every rank reads the input itself and is sent only row numbers, instead of each task
  // carrying its rows from rank 0 (the input must be at the same path on every node).
  bool mpi_ranks_read = false;
  void validate() const;
};

struct OutputOptions {
  std::string out_dir;     // metrics.csv, predictions.csv, run.json, models/ (one run at a time)
  bool resume = false;     // keep the groups a checkpoint in out_dir holds, train the rest
  std::string trace_file;  // Chrome trace-event JSON of the run, when not empty
  void validate() const;
};

// Per-group tuning: each group's booster parameters chosen among the candidates of a search
// space by K-fold cross-validation inside its training rows (its validation rows stay unseen),
// then its model trained with the winner. No search: one fixed parameter set, as before.
struct TuningOptions {
  std::vector<std::string> search;  // "name=v1,v2,..." in --param's names (CatBoost's mapped)
  std::string search_file;          // a JSON object {"name": [v1, v2, ...], ...}
  int trials = 0;                   // 0: the full grid; N: N candidates drawn from it by the seed
  int cv = 3;                       // folds
  bool active() const { return !search.empty() || !search_file.empty(); }
  void validate() const;
};

struct TrainConfig {
  ReadOptions read;
  FeatureOptions columns;
  SplitOptions split;
  ModelParams model;
  TuningOptions tuning;
  ExecOptions exec;
  OutputOptions output;
  // Set to true (from a signal handler, say) to stop: no new groups start, groups in flight are
  // abandoned, outputs and the checkpoint are written for what finished.
  const std::atomic<bool>* stop = nullptr;
  void validate() const;
};

struct Progress {
  std::size_t done = 0;  // groups finished (ok or failed), of `total` to train
  std::size_t failed = 0;
  std::size_t total = 0;
  double elapsed_seconds = 0;
  double eta_seconds = 0;  // from the expected cost of the groups still ahead
  // True while --search's folds train (done/total count folds, not groups); the groups follow.
  bool tuning = false;
};
using ProgressSink = std::function<void(const Progress&)>;

// What became of one group: a model (Ok), too few labeled rows (Skipped), or an error that
// cost only this group (Failed).
enum class GroupStatus { Ok, Skipped, Failed };
std::string_view to_string(GroupStatus status);  // "ok", "skipped", "failed"

struct GroupSummary {
  std::string group;
  GroupStatus status = GroupStatus::Failed;
  std::string message;
  std::string warning;  // an `ok` model that may not deserve trust: why
  std::uint64_t rows = 0;
  int best_iteration = -1;
  std::vector<double> metrics;  // TrainReport::metric_names' values; empty unless ok
  double seconds = 0;
};

struct TrainReport {
  std::vector<std::string> metric_names;  // rmse, mae, r2; logloss, auc, accuracy; ...
  std::vector<GroupSummary> groups;       // sorted by key
  std::size_t ok = 0, skipped = 0, failed = 0;
  std::size_t resumed = 0;   // groups taken from the checkpoint, not trained again
  bool interrupted = false;  // stopped before every group was trained
  double read_seconds = 0;
  double train_seconds = 0;
  double wall_seconds = 0;
  // The data row (0-based) each line of predictions.csv predicts, in the file's order: what
  // joins the predictions back to the input when they are keyed by an id.
  std::vector<std::size_t> prediction_rows;
  // Under --executor mpi, this process's rank. A rank above 0 only trained what the coordinator
  // (rank 0) sent it: its report is empty, and the coordinator's holds the run.
  int mpi_rank = 0;
};

TrainReport train(const TrainConfig& config, const WarningSink& warn,
                  const ProgressSink& progress = {});

struct PredictConfig {
  std::string input;  // CSV of new rows ("-": standard input; gzip or zstd are read too)
  // New rows in memory instead of `input`, as ReadOptions::table (`input` names them).
  const InputTable* table = nullptr;
  // How the new file spells decimals and missing values; empty: as the training file did
  // (recorded in models/schema.json).
  std::optional<char> decimal;
  std::optional<std::vector<std::string>> na_values;
  std::string models_dir;  // a training run's models/ folder
  std::string output;      // CSV to write: id (or row), group, kept columns, prediction
  char delimiter = 0;
  // Input columns copied into the output, in the input's order, after id and group: these, or
  // every column with keep_all. The id and group columns are there already.
  std::vector<std::string> keep;
  bool keep_all = false;
  // Set to true (from a signal handler, say) to stop: predict throws Interrupted before the next
  // group or the next block of output rows, and writes nothing.
  const std::atomic<bool>* stop = nullptr;
};

struct PredictReport {
  std::size_t rows = 0;
  std::size_t predicted = 0;
  std::size_t rows_without_model = 0;
  std::size_t groups_without_model = 0;
  std::size_t rows_by_fallback = 0;  // of `predicted`, by the pooled model (--fallback global)
};

PredictReport predict(const PredictConfig& config, const WarningSink& warn);

struct InspectConfig {
  std::string input;
  char delimiter = 0;
  char decimal = 0;  // as ReadOptions
  std::vector<std::string> na_values;
  std::string group_column;   // optional: show group sizes
  std::string target_column;  // optional: needed for labeled/unlabeled counts
  std::string id_column;
  std::vector<std::string> features;
  std::vector<std::string> drop;
  std::vector<std::string> categorical;  // as FeatureOptions::categorical
  std::size_t max_categories = 1024;
};

// Date: ISO 8601 dates and times, a numeric feature of seconds since 1970-01-01 UTC.
enum class ValueType { Bool, Int64, Float64, Date, String };
std::string_view to_string(ValueType type);  // "bool", "int64", "float64", "date", "string"

enum class ColumnRole { Group, Target, Id, Weight, Feature, CategoricalFeature, Dropped, None };
// "group", "target", "id", "weight", "feature", "categorical feature", "dropped", ""
std::string_view to_string(ColumnRole role);

struct ColumnSummary {
  std::string name;
  ValueType type = ValueType::String;
  std::size_t missing = 0;
  std::size_t distinct = 0;            // text columns only
  ColumnRole role = ColumnRole::None;  // None when inspect was given no group and target
};

struct GroupSize {
  std::string group;
  std::size_t rows = 0;
  std::size_t labeled = 0;
};

struct InspectReport {
  std::size_t rows = 0;
  std::vector<ColumnSummary> columns;
  std::vector<GroupSize> groups;  // when a group column was given
  double read_seconds = 0;
};

InspectReport inspect(const InspectConfig& config, const WarningSink& warn);

}  // namespace groupfit
