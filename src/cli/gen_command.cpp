// `groupfit gen`: writes a synthetic table shaped like the reference workload.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "groupfit/error.hpp"
#include "groupfit/tools.hpp"

namespace groupfit::cli {

Command add_gen_command(CLI::App& app) {
  auto options = std::make_shared<GeneratorOptions>();
  auto out = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("gen",
                                     "Write a synthetic table (CSV) shaped like the "
                                     "reference workload, deterministic for a seed");
  sub->add_option("--rows", options->rows, "Rows to write")->capture_default_str();
  sub->add_option("--seed", options->seed, "Random seed")->capture_default_str();
  sub->add_option("--groups", options->groups, "Groups (plus a few rows with none)")
      ->capture_default_str();
  sub->add_option("--skew", options->skew, "0: equal group sizes, 1: Zipf-like")
      ->capture_default_str();
  sub->add_option("--unlabeled-fraction", options->unlabeled_fraction,
                  "Share of rows with an empty target")
      ->capture_default_str();
  sub->add_option("--missing-group-fraction", options->missing_group_fraction,
                  "Share of rows with an empty group")
      ->capture_default_str();
  sub->add_option("--out", *out, "File to write (- for stdout)")->required();
  return {sub, [options, out] {
            if (*out == "-") {
              generate_table(std::cout, *options);
              std::cout.flush();
              return 0;
            }
            generate_table_file(*out, *options);
            return 0;
          }};
}

}  // namespace groupfit::cli
