// groupfit simulate's table with tuning: one giant group's candidates and folds are tasks of
// their own, so adding nodes shortens the tuning stage although one group holds most rows.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "groupfit/tools.hpp"

namespace groupfit {
namespace {

// The table's rows, each as its cells.
std::vector<std::vector<std::string>> table_rows(const std::string& md) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(md);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0 || line.find("nodes") != std::string::npos) continue;
    std::vector<std::string> cells;
    std::istringstream cols(line.substr(1));
    std::string cell;
    while (std::getline(cols, cell, '|')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

ClusterSimulationConfig one_giant_group() {
  ClusterSimulationConfig c;
  c.rows = 100000;
  c.groups = 1;
  c.rounds = 100;
  c.nodes = {1, 4};
  c.cores_per_node = 2;
  c.speedup_2_threads = 1.0;  // no gain from threads: only more tasks side by side can help
  c.result_seconds = 0;
  return c;
}

TEST(ClusterReport, UntunedOneGroupGainsNothingFromNodes) {
  const auto rows = table_rows(simulate_clusters(one_giant_group()));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][2], rows[1][2]) << "one task cannot use a second node";
}

TEST(ClusterReport, TuningSpreadsOneGroupsFoldsOverNodes) {
  ClusterSimulationConfig c = one_giant_group();
  c.cv = 3;
  c.candidates = 4;
  const std::string md = simulate_clusters(c);
  EXPECT_NE(md.find("12 fold tasks"), std::string::npos) << md;
  const auto rows = table_rows(md);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_GE(rows[0].size(), 4u) << md;
  const double tuning_1_node = std::stod(rows[0][3]);
  const double tuning_4_nodes = std::stod(rows[1][3]);
  // 12 equal folds: 6 rounds of 2 on one node, 2 rounds of 8 on 4 nodes (of 2 cores each).
  EXPECT_NEAR(tuning_1_node / tuning_4_nodes, 3.0, 0.1) << md;
}

}  // namespace
}  // namespace groupfit
