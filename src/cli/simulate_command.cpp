// `groupfit simulate`: the auto plan on clusters that are not here (groupfit/tools.hpp's
// simulate_clusters), printed as a Markdown table.
#include <fmt/format.h>

#include "commands.hpp"
#include "groupfit/tools.hpp"

namespace groupfit::cli {

Command add_simulate_command(CLI::App& app) {
  auto c = std::make_shared<ClusterSimulationConfig>();
  CLI::App* sub = app.add_subcommand(
      "simulate", "Simulate the auto plan on clusters of N nodes (a gen-shaped workload)");
  sub->add_option("--rows", c->rows, "Rows of the workload")->capture_default_str();
  sub->add_option("--groups", c->groups, "Groups")->capture_default_str();
  sub->add_option("--skew", c->skew, "0: equal sizes, 1: gen's Zipf-like")->capture_default_str();
  sub->add_option("--rounds", c->rounds, "Boosting rounds per model")->capture_default_str();
  sub->add_option("--nodes", c->nodes, "Node counts to simulate")
      ->delimiter(',')
      ->capture_default_str();
  sub->add_option("--cores-per-node", c->cores_per_node, "Cores of each node")
      ->capture_default_str();
  sub->add_option("--once-seconds", c->once_seconds, "Cost model: seconds once per training")
      ->capture_default_str();
  sub->add_option("--round-seconds", c->round_seconds, "Cost model: seconds per round")
      ->capture_default_str();
  sub->add_option("--row-seconds", c->row_seconds, "Cost model: seconds per row and round")
      ->capture_default_str();
  sub->add_option("--speedup-2-threads", c->speedup_2_threads,
                  "One model's speed-up with 2 threads (and per doubling)")
      ->capture_default_str();
  sub->add_option("--latency", c->latency_seconds, "Network: seconds per task sent")
      ->capture_default_str();
  sub->add_option("--bandwidth", c->bytes_per_second, "Network: the coordinator's bytes/s")
      ->capture_default_str();
  sub->add_option("--result-seconds", c->result_seconds, "The coordinator's seconds per result")
      ->capture_default_str();
  sub->add_option("--cv", c->cv, "Tuning: folds per candidate (0: no tuning)")
      ->capture_default_str();
  sub->add_option("--candidates", c->candidates, "Tuning: candidates searched per group")
      ->capture_default_str();
  return {sub, [c] {
            fmt::print("{}", simulate_clusters(*c));
            return 0;
          }};
}

}  // namespace groupfit::cli
