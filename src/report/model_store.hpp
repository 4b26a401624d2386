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
};

struct StoredModel {
  GroupKey key;
  std::string file;  // relative to models/
};

// Writes models/ under `out_dir` as a whole: each model goes into a staging folder as soon as it
// is added (so finished models do not pile up in memory), and commit() writes the index and the
// schema and swaps the folder in, so stale models of an earlier run never mix with this run's.
// Without commit(), the staging folder is removed.
class ModelWriter {
 public:
  explicit ModelWriter(const std::filesystem::path& out_dir);
  ModelWriter(const ModelWriter&) = delete;
  ModelWriter& operator=(const ModelWriter&) = delete;
  ~ModelWriter();

  // `order` sorts the index (the group's position in the sorted group list), so the index is
  // the same whatever order groups finish in.
  void add(std::size_t order, const GroupKey& key, std::string_view json);
  // finish() then publish().
  void commit(const ModelSchema& schema);
  // Writes the index and the schema into the staging folder: the step that can fail for want
  // of space, done before anything of the run is moved into place.
  void finish(const ModelSchema& schema);
  // Swaps the staging folder in as models/ (renames only).
  void publish();

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path staging_;
  std::vector<std::pair<std::size_t, StoredModel>> stored_;
  std::set<std::string> taken_;  // lower-cased names, for case-insensitive file systems
  bool committed_ = false;
};

struct ModelToWrite {
  GroupKey key;
  std::string json;
};
// All at once, in the given order: a ModelWriter for callers that hold every model already.
void write_models(const std::filesystem::path& out_dir, const ModelSchema& schema,
                  std::vector<ModelToWrite> models);

struct ModelSet {
  ModelSchema schema;
  std::vector<StoredModel> models;
};
// Reads schema.json from a models/ folder; InputError when it is missing or malformed.
ModelSet read_model_set(const std::filesystem::path& models_dir);

}  // namespace groupfit
