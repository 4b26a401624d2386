// model_store: see model_store.hpp.
#include "report/model_store.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/atomic_file.hpp"
#include "groupfit/error.hpp"
#include "report/csv_writer.hpp"

namespace groupfit {

namespace fs = std::filesystem;
using nlohmann::json;

std::string model_file_name(const GroupKey& key) {
  std::string slug;
  if (key.missing) {
    slug = "missing";
  } else {
    for (unsigned char c : key.text) {
      if (slug.size() >= 64) break;
      const bool safe = std::isalnum(c) || c == '_' || c == '-';
      slug.push_back(safe && c < 128 ? static_cast<char>(c) : '_');
    }
    if (slug.empty()) slug = "_";
  }
  return fmt::format("{}.{:016x}.json", slug, hash_key(key));
}

namespace {

json schema_to_json(const ModelSchema& schema, const std::vector<StoredModel>& models) {
  json features = json::array();
  for (const auto& f : schema.features) {
    json entry = {{"name", f.name}, {"type", f.categorical ? "categorical" : "numeric"}};
    if (f.categorical) entry["categories"] = f.categories;
    features.push_back(std::move(entry));
  }
  json groups = json::array();
  for (const auto& m : models) {
    groups.push_back({{"group", m.key.text}, {"missing", m.key.missing}, {"file", m.file}});
  }
  return {{"format", "groupfit-models/1"},
          {"group_column", schema.group_column},
          {"target_column", schema.target_column},
          {"id_column", schema.id_column},
          {"objective", schema.objective},
          {"classes", schema.classes},
          {"features", features},
          {"groups", groups}};
}

}  // namespace

ModelWriter::ModelWriter(const fs::path& out_dir)
    : out_dir_(out_dir), staging_(out_dir / fmt::format("models.tmp-{}", ::getpid())) {
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_, ec);
  if (ec) throw OutputError(fmt::format("cannot create '{}': {}", staging_.string(), ec.message()));
}

ModelWriter::~ModelWriter() {
  if (!committed_) {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
  }
}

void ModelWriter::add(std::size_t order, const GroupKey& key, std::string_view json) {
  std::string file = model_file_name(key);
  std::string lower = file;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!taken_.insert(lower).second) {  // a 64-bit hash collision: vanishingly rare, still safe
    file = fmt::format("{}.{}.json", file.substr(0, file.size() - 5), stored_.size());
  }
  write_file_atomically(staging_ / file, json);
  stored_.push_back({order, {key, file}});
}

void ModelWriter::commit(const ModelSchema& schema) {
  finish(schema);
  publish();
}

void ModelWriter::finish(const ModelSchema& schema) {
  std::stable_sort(stored_.begin(), stored_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<StoredModel> stored;
  for (auto& [_, m] : stored_) stored.push_back(m);
  std::ostringstream index;
  CsvWriter csv(index);
  csv.text("group").text("file");
  csv.end_row();
  for (const auto& m : stored) {
    csv.text(m.key.display()).text(m.file);
    csv.end_row();
  }
  write_file_atomically(staging_ / "index.csv", index.str());
  write_file_atomically(
      staging_ / "schema.json",
      schema_to_json(schema, stored).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void ModelWriter::publish() {
  const fs::path final_dir = out_dir_ / "models";
  const fs::path old_dir = out_dir_ / fmt::format("models.old-{}", ::getpid());
  std::error_code ec;
  if (fs::exists(final_dir, ec)) fs::rename(final_dir, old_dir, ec);
  if (ec) {
    throw OutputError(fmt::format("cannot replace '{}': {}", final_dir.string(), ec.message()));
  }
  fs::rename(staging_, final_dir, ec);
  if (ec) throw OutputError(fmt::format("cannot write '{}': {}", final_dir.string(), ec.message()));
  committed_ = true;
  fs::remove_all(old_dir, ec);
}

void write_models(const fs::path& out_dir, const ModelSchema& schema,
                  std::vector<ModelToWrite> models) {
  ModelWriter writer(out_dir);
  for (std::size_t i = 0; i < models.size(); ++i) writer.add(i, models[i].key, models[i].json);
  writer.commit(schema);
}

ModelSet read_model_set(const fs::path& models_dir) {
  const fs::path path = models_dir / "schema.json";
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("no model schema at '{}'", path.string()));
  try {
    const json doc = json::parse(in);
    ModelSet set;
    set.schema.group_column = doc.at("group_column").get<std::string>();
    set.schema.target_column = doc.at("target_column").get<std::string>();
    set.schema.id_column = doc.at("id_column").get<std::string>();
    // Folders written before classification existed have neither: regression.
    set.schema.objective = doc.value("objective", std::string("reg:squarederror"));
    set.schema.classes = doc.value("classes", std::vector<std::string>());
    for (const auto& f : doc.at("features")) {
      FeatureSpec spec{f.at("name").get<std::string>(), f.at("type") == "categorical", {}};
      if (spec.categorical) spec.categories = f.at("categories").get<std::vector<std::string>>();
      set.schema.features.push_back(std::move(spec));
    }
    for (const auto& g : doc.at("groups")) {
      const std::string file = g.at("file").get<std::string>();
      if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) {
        throw InputError(fmt::format("{}: unsafe model file name '{}'", path.string(), file));
      }
      set.models.push_back(
          {GroupKey{g.at("missing").get<bool>(), g.at("group").get<std::string>()}, file});
    }
    return set;
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}: malformed model schema ({})", path.string(), e.what()));
  }
}

}  // namespace groupfit
