// Model file names can never leave models/ or collide, whatever the group value.
#include "report/model_store.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <set>

namespace groupfit {
namespace {

bool is_safe(const std::string& name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (unsigned char c : name) {
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.')) return false;
  }
  return name.find("..") == std::string::npos;
}

TEST(ModelStore, HostileGroupValuesGiveSafeDistinctNames) {
  const std::vector<GroupKey> keys = {{false, "../../etc/passwd"},
                                      {false, "a/b"},
                                      {false, "a\\b"},
                                      {false, ".."},
                                      {false, "."},
                                      {false, std::string(300, 'x')},
                                      {false, std::string(300, 'x') + "y"},
                                      {false, "Region"},
                                      {false, "region"},
                                      {false, "line\nbreak"},
                                      {false, "\x01\x02"},
                                      {false, "caf\xc3\xa9"},
                                      {false, "caf_"},
                                      {true, ""},
                                      {false, "missing"}};
  std::set<std::string> lowered;
  for (const auto& key : keys) {
    const std::string name = model_file_name(key);
    EXPECT_TRUE(is_safe(name)) << name;
    EXPECT_EQ(std::filesystem::path(name).filename().string(), name);
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(lowered.insert(lower).second) << "collision: " << name;
  }
}

TEST(ModelStore, WritesIndexSchemaAndReadsThemBack) {
  const auto dir = std::filesystem::path(testing::TempDir()) / "model_store_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ModelSchema schema{
      "Region",           "IBD", "id", {{"x", false, {}}, {"kind", true, {"a", "b"}}},
      "reg:squarederror", {}};
  std::vector<ModelToWrite> first(2);  // filled one by one: brace lists of these trip GCC 12
  first[0].key = {false, "../up"};
  first[0].json = "{}";
  first[1].key = {true, ""};
  first[1].json = "{}";
  write_models(dir, schema, std::move(first));
  // A second run replaces the folder as a whole: no stale model remains.
  std::vector<ModelToWrite> second(1);
  second[0].key = {true, ""};
  second[0].json = "{\"x\":1}";
  write_models(dir, schema, std::move(second));
  const ModelSet set = read_model_set(dir / "models");
  ASSERT_EQ(set.models.size(), 1u);
  EXPECT_TRUE(set.models[0].key.missing);
  EXPECT_EQ(set.schema.features[1].categories, (std::vector<std::string>{"a", "b"}));
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "models")) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 3u);  // one model, index.csv, schema.json
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename(), "models");  // no staging folder left
  }
}

}  // namespace
}  // namespace groupfit

namespace groupfit {
namespace {

TEST(ModelWriter, WritesOnAddSortsIndexAndCleansUpWithoutCommit) {
  const auto dir = std::filesystem::path(testing::TempDir()) / "model_writer_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    ModelWriter writer(dir);
    writer.add(2, {false, "b"}, "{\"b\":1}");
    writer.add(0, {false, "a"}, "{\"a\":1}");
    std::size_t staged = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      staged += e.path().extension() == ".json" ? 1 : 0;
    }
    EXPECT_EQ(staged, 2u) << "models are on disk before commit";
    writer.commit({"g", "y", "", {{"x", false, {}}}, "reg:squarederror", {}});
  }
  const ModelSet set = read_model_set(dir / "models");
  ASSERT_EQ(set.models.size(), 2u);
  EXPECT_EQ(set.models[0].key.text, "a");  // sorted by order, not by arrival
  {
    ModelWriter abandoned(dir);
    abandoned.add(0, {false, "c"}, "{}");
  }
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename(), "models") << "staging left behind";
  }
}

}  // namespace
}  // namespace groupfit
