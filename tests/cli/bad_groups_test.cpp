// Hostile group values through the real program: 100,000 distinct groups, and values made of
// path characters. Both must train (exit 0), and model files must stay inside out/models with
// distinct, safe names that `predict` finds again.
#include <gtest/gtest.h>

#include <set>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

// 100,000 groups of one row each are skipped (too few rows); one group of 40 rows trains. The
// run must not fail or slow to a crawl on the number of groups.
TEST(BadGroups, HundredThousandGroups) {
  const auto dir = fresh_dir("bad-groups-100k");
  std::string csv = "Region,IBD,x\n";
  csv.reserve(2'500'000);
  for (int i = 0; i < 100'000; ++i) {
    csv.append("g").append(std::to_string(i)).append(",").append(std::to_string(i % 7));
    csv.append(",").append(std::to_string(i % 13)).append("\n");
  }
  for (int i = 0; i < 40; ++i) csv.append("big,").append(std::to_string(i % 5)).append(",1\n");
  write_text(dir / "data.csv", csv);
  const ProgramResult r =
      run_groupfit({"train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
                    "--out", (dir / "out").string(), "--quiet", "--param", "iterations=1"},
                   dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto status = status_by_group(dir / "out" / "metrics.csv");
  EXPECT_EQ(status.size(), 100'001u);
  EXPECT_EQ(status.at("big").substr(0, 3), "ok,");
  EXPECT_EQ(status.at("g99999").substr(0, 8), "skipped,");
  EXPECT_EQ(list_tree(dir / "out" / "models").size(), 3u);  // big's model, index, schema
  fs::remove_all(dir);
}

// Group values a careless program would turn into paths: separators, dot-dot, a back-slash,
// names longer than a file name may be, names that differ only by case, a dot file name.
TEST(BadGroups, PathCharactersStayInsideModels) {
  const auto dir = fresh_dir("bad-groups-paths");
  std::vector<std::string> names;
  names.push_back("/");
  names.push_back("..");
  names.push_back(".");
  names.push_back("../../escaped");
  names.push_back("/tmp/absolute");
  names.push_back("a\\b\\..\\c");
  names.push_back(std::string(300, 'n'));
  names.push_back(std::string(300, 'n') + "/x");
  names.push_back("Case");
  names.push_back("case");
  names.push_back("CASE");
  names.push_back("models");
  names.push_back("index.csv");
  names.push_back("\"quoted, with comma\"");
  std::string csv = "Region,IBD,x\n";
  for (const auto& name : names) {
    // Quoted as CSV: the value itself may hold quotes and commas.
    std::string quoted = "\"";
    for (char c : name) quoted.append(c == '"' ? "\"\"" : std::string(1, c));
    quoted += "\"";
    for (int i = 0; i < 12; ++i) {
      const std::string target = i == 11 ? "" : std::to_string(i % 4);
      csv += quoted + "," + target + "," + std::to_string(i) + "\n";
    }
  }
  write_text(dir / "data.csv", csv);
  const ProgramResult r = run_groupfit(
      {"train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD", "--out",
       (dir / "out").string(), "--quiet", "--min-rows", "5", "--param", "iterations=2"},
      dir);
  ASSERT_EQ(r.status, 0) << r.err;

  // Every group trained, under its own name.
  const auto status = status_by_group(dir / "out" / "metrics.csv");
  // status_by_group splits at the first comma: the quoted name with a comma is checked apart.
  for (const auto& name : names) {
    if (name.find(',') != std::string::npos || name.find('"') != std::string::npos) continue;
    ASSERT_TRUE(status.count(name)) << name;
    EXPECT_EQ(status.at(name).substr(0, 3), "ok,") << name;
  }

  // Nothing outside out/, only plain files directly inside the result's models/ (out/models is
  // a symlink into out/.result-<n>/, written out/R here), distinct ignoring case.
  const std::set<std::string> expected = {
      "data.csv",       "out",         "out/.current", "out/metrics.csv",   "out/predictions.csv",
      "out/run.json",   "out/models",  "out/R",        "out/R/metrics.csv", "out/R/predictions.csv",
      "out/R/run.json", "out/R/models"};
  for (std::string entry : list_tree(dir)) {
    if (entry.rfind("out/.result-", 0) == 0) {
      const auto slash = entry.find('/', 4);
      entry = "out/R" + (slash == std::string::npos ? "" : entry.substr(slash));
    }
    const bool in_models = entry.rfind("out/R/models/", 0) == 0;
    EXPECT_TRUE(expected.count(entry) || (in_models && entry.find('/', 13) == std::string::npos))
        << "unexpected " << entry;
  }
  std::set<std::string> lower_names;
  std::size_t model_files = 0;
  for (const auto& e : fs::directory_iterator(dir / "out" / "models")) {
    EXPECT_TRUE(e.is_regular_file()) << e.path();
    std::string name = e.path().filename().string();
    EXPECT_LE(name.size(), 255u);
    EXPECT_EQ(
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-."),
        std::string::npos)
        << name;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    lower_names.insert(name);
    if (name != "index.csv" && name != "schema.json") ++model_files;
  }
  EXPECT_EQ(model_files, names.size());
  EXPECT_EQ(lower_names.size(), names.size() + 2);

  // predict finds every group's model again through schema.json.
  const ProgramResult p =
      run_groupfit({"predict", (dir / "data.csv").string(), "--models",
                    (dir / "out" / "models").string(), "--out", (dir / "scored.csv").string()},
                   dir);
  ASSERT_EQ(p.status, 0) << p.err;
  const std::string scored = read_file(dir / "scored.csv");
  EXPECT_EQ(std::count(scored.begin(), scored.end(), '\n'),
            static_cast<long>(names.size() * 12 + 1));
  EXPECT_EQ(scored.find(",\n"), std::string::npos) << "a row without a prediction:\n" << scored;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
