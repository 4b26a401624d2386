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
  ModelSchema schema{"Region",
                     "IBD",
                     "id",
                     {{"x", false, {}}, {"kind", true, {"a", "b"}}},
                     "reg:squarederror",
                     {},
                     0,
                     {},
                     {},
                     {}};
  std::vector<ModelToWrite> first(2);  // filled one by one: brace lists of these trip GCC 12
  first[0].key = {false, "../up"};
  first[0].json = "{}";
  first[1].key = {true, ""};
  first[1].json = "{}";
  write_models(dir / "models", schema, std::move(first));
  const ModelSet set = read_model_set(dir / "models");
  ASSERT_EQ(set.models.size(), 2u);
  EXPECT_EQ(set.models[0].key.text, "../up");
  EXPECT_TRUE(set.models[1].key.missing);
  EXPECT_EQ(set.schema.features[1].categories, (std::vector<std::string>{"a", "b"}));
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "models")) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 4u);  // two models, index.csv, schema.json
  // "../up" stayed inside models/.
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename(), "models");
  }
}

}  // namespace
}  // namespace groupfit

namespace groupfit {
namespace {

// Replacing an earlier run's models as a whole is the output stage's job (a run's result is
// published or removed together): tests/cli/publish_kill_test.cpp checks it end to end.
TEST(ModelWriter, WritesOnAddSortsIndex) {
  const auto dir = std::filesystem::path(testing::TempDir()) / "model_writer_test";
  std::filesystem::remove_all(dir);
  {
    ModelWriter writer(dir / "models");
    writer.add(2, {false, "b"}, "{\"b\":1}");
    writer.add(0, {false, "a"}, "{\"a\":1}");
    std::size_t written = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      written += e.path().extension() == ".json" ? 1 : 0;
    }
    EXPECT_EQ(written, 2u) << "models are on disk before finish";
    writer.finish({"g", "y", "", {{"x", false, {}}}, "reg:squarederror", {}, 0, {}, {}, {}});
  }
  const ModelSet set = read_model_set(dir / "models");
  ASSERT_EQ(set.models.size(), 2u);
  EXPECT_EQ(set.models[0].key.text, "a");  // sorted by order, not by arrival
}

}  // namespace
}  // namespace groupfit
