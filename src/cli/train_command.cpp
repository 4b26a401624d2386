// `groupfit train`: flags -> TrainConfig, then a per-group summary table on stdout.
#include <fmt/format.h>

#include <cmath>

#include "commands.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "interrupt.hpp"
#include "progress_printer.hpp"

namespace groupfit::cli {
namespace {

struct TrainFlags {
  TrainConfig config;
  std::string delimiter = "auto";
  std::string executor = "auto";
  std::string decimal = "auto";
  std::vector<std::string> params;
  std::string params_file;
  std::string fallback = "none";
  int threads_per_model = 0;
  bool quiet = false;
  std::string memory_limit;
  std::string group_timeout;
};

std::string fixed_or_blank(double value, int digits) {
  return std::isnan(value) ? "" : fmt::format("{:.{}f}", value, digits);
}

// The first two metrics of the run's kind: rmse and mae, logloss and auc, mlogloss and accuracy.
void print_report(const TrainReport& report) {
  const auto name_of = [&](std::size_t m) {
    return m < report.metric_names.size() ? report.metric_names[m] : "";
  };
  fmt::print("{:<24} {:>8} {:>7} {:>6} {:>10} {:>10} {:>8}  {}\n", "group", "rows", "status",
             "trees", name_of(0), name_of(1), "seconds", "message");
  for (const auto& g : report.groups) {
    std::string name = g.group.empty() ? "(missing)" : g.group;
    if (name.size() > 24) name = name.substr(0, 21) + "...";
    const auto metric = [&](std::size_t m) {
      return m < g.metrics.size() ? fixed_or_blank(g.metrics[m], 4) : "";
    };
    const std::string& note = g.message.empty() ? g.warning : g.message;
    fmt::print("{:<24} {:>8} {:>7} {:>6} {:>10} {:>10} {:>8.2f}  {}\n", name, g.rows,
               to_string(g.status),
               g.best_iteration >= 0 ? std::to_string(g.best_iteration + 1) : "", metric(0),
               metric(1), g.seconds, note);
  }
  if (report.resumed > 0) fmt::print("{} groups taken from the checkpoint\n", report.resumed);
  fmt::print(
      "{} groups: {} ok, {} skipped, {} failed; read {:.2f} s, train {:.2f} s, total {:.2f} s\n",
      report.groups.size(), report.ok, report.skipped, report.failed, report.read_seconds,
      report.train_seconds, report.wall_seconds);
}

// How to go on after an interrupted run, or failed groups (`to_retrain`: "the failed groups"):
// train again with --resume, unless the run read standard input, which cannot be resumed
// (TrainConfig::validate says why).
std::string resume_hint(const TrainConfig& config, std::string_view to_retrain = {}) {
  if (config.read.input == "-") {
    return "a run that read standard input cannot be resumed: train again";
  }
  if (to_retrain.empty()) return "run again with --resume";
  return fmt::format("train again with --resume to retrain only {}", to_retrain);
}

}  // namespace

Command add_train_command(CLI::App& app) {
  auto flags = std::make_shared<TrainFlags>();
  TrainConfig& c = flags->config;
  CLI::App* sub = app.add_subcommand("train", "Train one model per group of a CSV table");
  sub->add_option("input", c.read.input, "CSV file to train on (gzip, zstd; - reads stdin)")
      ->required();
  sub->add_option("--group", c.columns.group_column, "Column that defines the groups")->required();
  sub->add_option("--target", c.columns.target_column,
                  "Column to predict (numbers; classes with a classification objective)")
      ->required();
  sub->add_option("--id", c.columns.id_column, "Column that identifies rows in predictions.csv");
  sub->add_option("--weight", c.columns.weight_column,
                  "Column of sample weights (>= 0; used in training and validation metrics)");
  sub->add_option("--out", c.output.out_dir, "Output folder (created if needed)")->required();
  sub->add_option("--features", c.columns.features, "Only these columns are features (a,b,c)")
      ->delimiter(',');
  sub->add_option("--drop", c.columns.drop, "Columns not to use as features (a,b)")->delimiter(',');
  sub->add_option("--categorical", c.columns.categorical,
                  "Columns to use as categorical features even when they hold numbers (a,b)")
      ->delimiter(',');
  sub->add_flag("--date-parts", c.columns.date_parts,
                "Date features also give their year, month, day of week and hour (UTC)");
  sub->add_option("--decimal", flags->decimal,
                  "Decimal mark: . or , (auto: '.', and ',' where a ';'-separated file needs it)")
      ->capture_default_str();
  sub->add_option("--na-values", c.read.na_values,
                  "More spellings of a missing value, besides pandas' defaults (a,b)")
      ->delimiter(',');
  sub->add_option("--delimiter", flags->delimiter, "Field delimiter: , ; tab or auto")
      ->capture_default_str();
  sub->add_option("--max-categories", c.columns.max_categories,
                  "Drop a text column with more distinct values than this")
      ->capture_default_str();
  sub->add_option("--valid-fraction", c.split.valid_fraction, "Share of labeled rows held out")
      ->capture_default_str();
  sub->add_option("--seed", c.split.seed, "Seed of the train/validation split")
      ->capture_default_str();
  sub->add_option("--min-rows", c.split.min_rows, "Skip groups with fewer labeled rows")
      ->capture_default_str();
  sub->add_option("--early-stopping-rounds", c.model.early_stopping_rounds,
                  "Stop after this many rounds without improvement")
      ->capture_default_str();
  sub->add_option("--param", flags->params,
                  "Model parameter name=value (XGBoost or CatBoost names; repeatable)");
  sub->add_option("--params", flags->params_file, "JSON file of model parameters");
  sub->add_option("--fallback", flags->fallback,
                  "Groups without a model of their own (skipped, failed): none, or global (a "
                  "pooled model of all groups, the group as a feature, predicts for them)");
  sub->add_option("--search", c.tuning.search,
                  "Tune each group: a parameter and its candidate values, name=v1,v2 "
                  "(repeatable; the grid of all of them is searched)");
  sub->add_option("--search-file", c.tuning.search_file,
                  "JSON file of the search space: {\"name\": [v1, v2], ...}");
  sub->add_option("--search-trials", c.tuning.trials,
                  "Try N candidates drawn from the grid (by --seed) instead of all of it");
  sub->add_option("--cv", c.tuning.cv,
                  "Folds of the cross-validation inside each group's training rows (default 3)");
  sub->add_option(
         "--executor", flags->executor,
         "How to run the groups: auto (workers, threads per group and order planned "
         "from a calibration), sequential, threads, processes, or mpi (under mpirun: rank 0 "
         "coordinates, the other ranks train)")
      ->capture_default_str();
  sub->add_option("--group-timeout", flags->group_timeout,
                  "processes: kill a worker stuck this many seconds on one group");
  sub->add_option("--worker-memory-limit", flags->memory_limit,
                  "processes: address space each worker may use beyond the shared data (2G)");
  sub->add_option("--workers", c.exec.workers, "Models trained at once (default: available cores)");
  sub->add_flag("--mpi-ranks-read", c.exec.mpi_ranks_read,
                "mpi: every rank reads the input itself (same path on every node) instead of "
                "receiving each task's rows");
  sub->add_option("--threads-per-model", flags->threads_per_model,
                  "XGBoost threads per model (default 1; auto chooses per group)");
  sub->add_flag("--resume", c.output.resume,
                "Keep the groups an interrupted run in --out finished; train the rest");
  sub->add_option("--trace", c.output.trace_file, "Write the run as Chrome trace-event JSON");
  sub->add_flag("--quiet", flags->quiet, "Print nothing but errors");

  return {
      sub, [flags] {
        TrainConfig config = flags->config;
        config.read.delimiter = parse_delimiter(flags->delimiter);
        config.read.decimal = parse_decimal(flags->decimal);
        const auto executor = executor_kind_named(flags->executor);
        if (!executor) {
          throw InputError(fmt::format(
              "--executor must be auto, sequential, threads, processes or mpi, got '{}'",
              flags->executor));
        }
        config.exec.executor = *executor;
        if (flags->fallback != "none" && flags->fallback != "global") {
          throw InputError(
              fmt::format("--fallback must be none or global, got '{}'", flags->fallback));
        }
        config.split.fallback_global = flags->fallback == "global";
        if (!flags->params_file.empty()) apply_params_file(config.model, flags->params_file);
        for (const auto& p : flags->params) {
          const auto eq = p.find('=');
          if (eq == std::string::npos || eq == 0) {
            throw InputError(fmt::format("--param expects name=value, got '{}'", p));
          }
          apply_param(config.model, p.substr(0, eq), p.substr(eq + 1));
        }
        // Checked here, before any work: given, each must be a real limit, never a silent
        // "none" (0, -1, nan) nor one past what the system can hold (1e30G).
        if (!flags->memory_limit.empty()) {
          config.exec.worker_memory_limit =
              parse_size("--worker-memory-limit", flags->memory_limit);
        }
        if (!flags->group_timeout.empty()) {
          config.exec.group_timeout_seconds =
              parse_seconds("--group-timeout", flags->group_timeout);
        }
        if (flags->threads_per_model > 0) config.model.threads_per_model = flags->threads_per_model;
        const bool quiet = flags->quiet;
        config.stop = &install_interrupt_handlers();
        ProgressPrinter printer;
        const TrainReport report = train(
            config,
            [quiet](const std::string& w) {
              if (!quiet) print_warning(w);
            },
            [quiet, &printer](const Progress& p) {
              if (!quiet) printer.update(p);
            });
        printer.finish();
        if (report.mpi_rank > 0) return kExitOk;  // the coordinator reports the run
        if (!quiet) print_report(report);
        if (report.interrupted) {
          print_warning("interrupted: outputs hold the finished groups; " + resume_hint(config));
          return kExitInterrupted;
        }
        if (report.failed > 0 && !quiet) {
          print_warning(fmt::format("{} groups failed; the others are kept in the checkpoint: {}",
                                    report.failed, resume_hint(config, "the failed groups")));
        }
        return report.failed > 0 ? kExitSomeGroupsFailed : kExitOk;
      }};
}

}  // namespace groupfit::cli
