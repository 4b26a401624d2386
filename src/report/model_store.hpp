// The models/ folder: one XGBoost JSON model per trained group, index.csv (group -> file, for
// people and pandas) and schema.json (features, their categories and the group list: what
// `groupfit predict` needs to encode a new file exactly as training did).
// File names come from the group key but can never escape models/ or collide: only
// [A-Za-z0-9_-] survive (others become '_'), the name is cut to 64 bytes and always ends
// with the key's 64-bit hash, so two keys differing only by case or by a dropped character
// still get different names.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plan/feature_matrix.hpp"
#include "plan/grouping.hpp"

namespace groupfit {

std::string model_file_name(const GroupKey& key);

struct ModelSchema {
  std::string group_column;
  std::string target_column;
  std::string id_column;
  std::vector<FeatureSpec> features;
  std::string objective = "reg:squarederror";  // decides what a prediction is
  std::vector<std::string> classes;            // classification: index -> class, sorted
  char decimal = 0;                            // how the training file was read
  std::vector<std::string> na_values;
  // --fallback global: the pooled model's file and the groups its group feature codes (in
  // order); empty without it.
  std::string fallback_file;
  std::vector<GroupKey> fallback_groups;
};

struct StoredModel {
  GroupKey key;
  std::string file;  // relative to models/
};

// Writes a models/ folder: each model goes to disk as soon as it is added (so finished models
// do not pile up in memory), and finish() writes the index and the schema. The folder is a staged
// result's (report/output_stage.hpp), which is published or removed as a whole: models of an
// earlier run never mix with this run's.
class ModelWriter {
 public:
  // Creates `models_dir`; OutputError if it cannot.
  explicit ModelWriter(const std::filesystem::path& models_dir);
  ModelWriter(const ModelWriter&) = delete;
  ModelWriter& operator=(const ModelWriter&) = delete;

  // `order` sorts the index (the group's position in the sorted group list), so the index is
  // the same whatever order groups finish in.
  void add(std::size_t order, const GroupKey& key, std::string_view json);
  // Writes the index and the schema.
  void finish(const ModelSchema& schema);

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::size_t, StoredModel>> stored_;
  std::set<std::string> taken_;  // lower-cased names, for case-insensitive file systems
};

struct ModelToWrite {
  GroupKey key;
  std::string json;
};
// All at once, in the given order: a ModelWriter for callers that hold every model already.
void write_models(const std::filesystem::path& models_dir, const ModelSchema& schema,
                  std::vector<ModelToWrite> models);

struct ModelSet {
  ModelSchema schema;
  std::vector<StoredModel> models;
};
// Reads schema.json from a models/ folder; InputError when it is missing or malformed.
ModelSet read_model_set(const std::filesystem::path& models_dir);

}  // namespace groupfit
