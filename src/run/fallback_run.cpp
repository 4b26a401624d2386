// apply_fallback: see fallback_run.hpp.
#include "run/fallback_run.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "base/atomic_file.hpp"
#include "base/run_clock.hpp"
#include "plan/pooled_matrix.hpp"
#include "train/group_trainer.hpp"
#include "train/metrics.hpp"
#include "train/model_predictor.hpp"

namespace groupfit {
namespace {

bool falls_back(const GroupResult& r) {
  return r.status == GroupStatus::Skipped || r.status == GroupStatus::Failed;
}

}  // namespace

FallbackStage apply_fallback(const PreparedRun& run, std::vector<GroupResult>& results,
                             const std::filesystem::path& model_file) {
  const RunClock clock;
  FallbackStage stage;
  const MatrixView data = run.data();
  // The pooled rows: every group's training rows, then the trainable groups' validation rows
  // (for early stopping). A skipped group's labeled rows are split as a trained group's would
  // be: its training part teaches the pooled model the group, its validation part scores it.
  std::vector<std::uint32_t> rows;
  std::vector<float> codes;
  GroupTask pooled;
  pooled.key = {false, "(pooled)"};
  for (int part = 0; part < 2; ++part) {
    for (std::size_t g = 0; g < run.tasks.size(); ++g) {
      const GroupTask& t = run.tasks[g];
      if (!t.trainable() && (part == 1 || run.skipped_splits.empty())) continue;
      for (std::uint32_t r : !t.trainable() ? run.skipped_splits[g].train
                             : part == 0    ? t.train_rows
                                            : t.valid_rows) {
        (part == 0 ? pooled.train_rows : pooled.valid_rows)
            .push_back(static_cast<std::uint32_t>(rows.size()));
        rows.push_back(r);
        codes.push_back(static_cast<float>(g));
      }
    }
  }
  std::vector<GroupKey> keys;
  for (const GroupTask& t : run.tasks) keys.push_back(t.key);
  const std::vector<FeatureSpec> features =
      pooled_features(run.selection.features, run.config.columns.group_column, keys);
  if (pooled.train_rows.empty() || pooled.valid_rows.empty()) {
    stage.message = "no group has rows to train the pooled model on";
    return stage;
  }
  pooled.rows = rows.size();
  pooled.threads = static_cast<int>(std::max(run.timings.cores, 1u));
  GroupResult model;
  {
    const FeatureMatrix matrix = pooled_rows(data, rows, codes);
    model = train_group(pooled, view_of(matrix, features), run.config.model);
  }
  if (model.status != GroupStatus::Ok) {
    stage.message = "the pooled model failed: " + model.message;
    return stage;
  }
  write_file_atomically(model_file, model.model_json);
  stage.trained = true;

  // Every fallback group's rows in one matrix and one prediction: the pooled model is loaded
  // once (with thousands of groups its categorical splits make it tens of megabytes).
  struct Span {
    std::size_t group, start, scored, unlabeled;
  };
  std::vector<Span> spans;
  std::vector<std::uint32_t> scored_rows;
  std::vector<float> scored_codes;
  for (std::size_t g = 0; g < run.tasks.size(); ++g) {
    if (!falls_back(results[g])) continue;
    const GroupTask& t = run.tasks[g];
    // The group's labeled rows the pooled model did not train on, then its unlabeled ones.
    const std::vector<std::uint32_t>& labeled =
        t.trainable() ? t.valid_rows : run.skipped_splits[g].valid;
    spans.push_back({g, scored_rows.size(), labeled.size(), t.unlabeled_rows.size()});
    scored_rows.insert(scored_rows.end(), labeled.begin(), labeled.end());
    scored_rows.insert(scored_rows.end(), t.unlabeled_rows.begin(), t.unlabeled_rows.end());
    scored_codes.resize(scored_rows.size(), static_cast<float>(g));
  }
  if (spans.empty()) {
    stage.seconds = clock.seconds();
    return stage;
  }
  const std::vector<float> out =
      predict_pooled(model_file, data, features, scored_rows, scored_codes);
  const std::size_t per_row = out.size() / std::max<std::size_t>(scored_rows.size(), 1);
  const int num_class =
      run.objective.kind == TaskKind::Multiclass ? static_cast<int>(run.classes.size()) : 1;
  for (const Span& span : spans) {
    GroupResult& r = results[span.group];
    r.fallback = true;
    r.scores.clear();
    const auto at = [&](std::size_t row) {
      return out.begin() + static_cast<std::ptrdiff_t>(row * per_row);
    };
    if (span.scored > 0) {
      std::vector<float> labels, weights;
      for (std::size_t k = span.start; k < span.start + span.scored; ++k) {
        labels.push_back(data.labels[scored_rows[k]]);
        if (!data.weights.empty()) weights.push_back(data.weights[scored_rows[k]]);
      }
      r.scores = score_predictions(run.objective.kind,
                                   std::span<const float>(&*at(span.start), span.scored * per_row),
                                   labels, weights, num_class);
    }
    r.predictions.assign(at(span.start + span.scored),
                         at(span.start + span.scored + span.unlabeled));
    ++stage.groups;
  }
  stage.seconds = clock.seconds();
  return stage;
}

}  // namespace groupfit
