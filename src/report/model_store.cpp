// model_store: see model_store.hpp.
#include "report/model_store.hpp"

#include <fmt/format.h>

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
    json entry = {{"name", f.name},
                  {"type", f.categorical              ? "categorical"
                           : f.date                   ? "date"
                           : f.part != DatePart::None ? "date_part"
                                                      : "numeric"}};
    if (f.categorical) entry["categories"] = f.categories;
    if (f.part != DatePart::None) {
      entry["column"] = f.column;
      entry["part"] = to_string(f.part);
    }
    features.push_back(std::move(entry));
  }
  json groups = json::array();
  for (const auto& m : models) {
    groups.push_back({{"group", m.key.text}, {"missing", m.key.missing}, {"file", m.file}});
  }
  json doc = {{"format", "groupfit-models/1"},
              {"group_column", schema.group_column},
              {"target_column", schema.target_column},
              {"id_column", schema.id_column},
              {"objective", schema.objective},
              {"classes", schema.classes},
              {"decimal", schema.decimal ? std::string(1, schema.decimal) : std::string()},
              {"na_values", schema.na_values},
              {"features", features},
              {"groups", groups}};
  if (!schema.fallback_file.empty()) {
    json coded = json::array();
    for (const GroupKey& key : schema.fallback_groups) {
      coded.push_back({{"group", key.text}, {"missing", key.missing}});
    }
    doc["fallback"] = {{"file", schema.fallback_file}, {"groups", coded}};
  }
  return doc;
}

}  // namespace

ModelWriter::ModelWriter(const fs::path& models_dir) : dir_(models_dir) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw OutputError(fmt::format("cannot create '{}': {}", dir_.string(), ec.message()));
}

void ModelWriter::add(std::size_t order, const GroupKey& key, std::string_view json) {
  std::string file = model_file_name(key);
  std::string lower = file;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!taken_.insert(lower).second) {  // a 64-bit hash collision: vanishingly rare, still safe
    file = fmt::format("{}.{}.json", file.substr(0, file.size() - 5), stored_.size());
  }
  write_file_atomically(dir_ / file, json);
  stored_.push_back({order, {key, file}});
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
  write_file_atomically(dir_ / "index.csv", index.str());
  write_file_atomically(
      dir_ / "schema.json",
      schema_to_json(schema, stored).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void write_models(const fs::path& models_dir, const ModelSchema& schema,
                  std::vector<ModelToWrite> models) {
  ModelWriter writer(models_dir);
  for (std::size_t i = 0; i < models.size(); ++i) writer.add(i, models[i].key, models[i].json);
  writer.finish(schema);
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
    const std::string decimal = doc.value("decimal", std::string());
    set.schema.decimal = decimal.empty() ? 0 : decimal[0];
    set.schema.na_values = doc.value("na_values", std::vector<std::string>());
    for (const auto& f : doc.at("features")) {
      FeatureSpec spec{f.at("name").get<std::string>(),
                       f.at("type") == "categorical",
                       {},
                       f.at("type") == "date",
                       DatePart::None,
                       {}};
      if (spec.categorical) spec.categories = f.at("categories").get<std::vector<std::string>>();
      if (f.at("type") == "date_part") {
        spec.column = f.at("column").get<std::string>();
        spec.part = date_part_named(f.at("part").get<std::string>());
        if (spec.part == DatePart::None) {
          throw InputError(fmt::format("{}: unknown date part '{}' of feature '{}'", path.string(),
                                       f.at("part").get<std::string>(), spec.name));
        }
      }
      set.schema.features.push_back(std::move(spec));
    }
    if (doc.contains("fallback")) {
      const auto& fallback = doc.at("fallback");
      set.schema.fallback_file = fallback.at("file").get<std::string>();
      if (set.schema.fallback_file.find('/') != std::string::npos ||
          set.schema.fallback_file.find("..") != std::string::npos) {
        throw InputError(fmt::format("{}: unsafe model file name '{}'", path.string(),
                                     set.schema.fallback_file));
      }
      for (const auto& g : fallback.at("groups")) {
        set.schema.fallback_groups.push_back(
            GroupKey{g.at("missing").get<bool>(), g.at("group").get<std::string>()});
      }
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
