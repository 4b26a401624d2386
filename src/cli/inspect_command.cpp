// `groupfit inspect`: what training would see, printed as two small tables.
#include <fmt/format.h>

#include "commands.hpp"
#include "groupfit/groupfit.hpp"

namespace groupfit::cli {

Command add_inspect_command(CLI::App& app) {
  auto config = std::make_shared<InspectConfig>();
  auto delimiter = std::make_shared<std::string>("auto");
  auto decimal = std::make_shared<std::string>("auto");
  CLI::App* sub =
      app.add_subcommand("inspect", "Show column types, roles and group sizes before training");
  sub->add_option("input", config->input, "CSV file (gzip or zstd too; - reads stdin)")->required();
  sub->add_option("--group", config->group_column, "Group column: also show group sizes");
  sub->add_option("--target", config->target_column, "Target column: show feature roles");
  sub->add_option("--id", config->id_column, "Id column");
  sub->add_option("--features", config->features, "Only these columns are features")
      ->delimiter(',');
  sub->add_option("--drop", config->drop, "Columns not to use as features")->delimiter(',');
  sub->add_option("--categorical", config->categorical,
                  "Columns to use as categorical features even when they hold numbers")
      ->delimiter(',');
  sub->add_option("--max-categories", config->max_categories,
                  "Drop a text column with more distinct values than this")
      ->capture_default_str();
  sub->add_option("--decimal", *decimal, "Decimal mark: . , or auto")->capture_default_str();
  sub->add_option("--na-values", config->na_values, "More spellings of a missing value (a,b)")
      ->delimiter(',');
  sub->add_option("--delimiter", *delimiter, "Field delimiter: , ; tab or auto")
      ->capture_default_str();
  return {sub, [config, delimiter, decimal] {
            InspectConfig c = *config;
            c.delimiter = parse_delimiter(*delimiter);
            c.decimal = parse_decimal(*decimal);
            const InspectReport report = inspect(c, print_warning);
            fmt::print("{} rows, {} columns (read in {:.2f} s)\n\n", report.rows,
                       report.columns.size(), report.read_seconds);
            fmt::print("{:<28} {:<8} {:>10} {:>9}  {}\n", "column", "type", "missing", "distinct",
                       "role");
            for (const auto& col : report.columns) {
              fmt::print("{:<28} {:<8} {:>10} {:>9}  {}\n", col.name, to_string(col.type),
                         col.missing,
                         col.type == ValueType::String ? std::to_string(col.distinct) : "",
                         to_string(col.role));
            }
            if (!report.groups.empty()) {
              fmt::print("\n{} groups\n{:<28} {:>10} {:>10} {:>10}\n", report.groups.size(),
                         "group", "rows", "labeled", "unlabeled");
              for (const auto& g : report.groups) {
                fmt::print("{:<28} {:>10} {:>10} {:>10}\n", g.group.empty() ? "(missing)" : g.group,
                           g.rows, g.labeled, g.rows - g.labeled);
              }
            }
            return 0;
          }};
}

}  // namespace groupfit::cli
