// `groupfit bench`: measures every way of running one table's training on this machine.
#include <fmt/format.h>

#include "commands.hpp"
#include "groupfit/tools.hpp"

namespace groupfit::cli {

Command add_bench_command(CLI::App& app) {
  auto config = std::make_shared<BenchConfig>();
  CLI::App* sub = app.add_subcommand(
      "bench", "Time sequential, threads and processes over workers x threads, and auto");
  sub->add_option("input", config->input, "CSV file to train on")->required();
  sub->add_option("--group", config->group_column, "Group column")->required();
  sub->add_option("--target", config->target_column, "Target column")->required();
  sub->add_option("--id", config->id_column, "Id column");
  sub->add_option("--rounds", config->rounds, "Boosting rounds per model")->capture_default_str();
  sub->add_option("--runs", config->runs, "Runs of each configuration")->capture_default_str();
  sub->add_option("--out", config->out_dir, "Folder for bench.csv, bench.md and the runs")
      ->capture_default_str();
  sub->add_option("--param", config->params, "Model parameter name=value (repeatable)");
  sub->add_option("--simulate-cores", config->simulate_cores,
                  "Also simulate the auto plan on these core counts (8,16,64)")
      ->delimiter(',');
  return {sub, [config] {
            const BenchReport report = bench(*config, print_warning, [](const std::string& line) {
              fmt::print(stderr, "{}\n", line);
            });
            fmt::print("{}", report.markdown);
            return 0;
          }};
}

}  // namespace groupfit::cli
