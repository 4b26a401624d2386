// `groupfit predict`: applies a training run's models/ to new rows.
#include <fmt/format.h>

#include "commands.hpp"
#include "groupfit/groupfit.hpp"
#include "interrupt.hpp"

namespace groupfit::cli {

Command add_predict_command(CLI::App& app) {
  auto config = std::make_shared<PredictConfig>();
  auto delimiter = std::make_shared<std::string>("auto");
  auto decimal = std::make_shared<std::string>();
  auto na_values = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = app.add_subcommand("predict", "Apply saved group models to a CSV of rows");
  sub->add_option("input", config->input,
                  "CSV file of rows to score (gzip or zstd too; - reads stdin)")
      ->required();
  sub->add_option("--models", config->models_dir, "The models/ folder of a training run")
      ->required();
  sub->add_option("--out", config->output,
                  "CSV file to write (id or row, group, kept columns, prediction)")
      ->required();
  sub->add_option("--delimiter", *delimiter, "Field delimiter: , ; tab or auto")
      ->capture_default_str();
  CLI::Option* decimal_flag = sub->add_option(
      "--decimal", *decimal, "Decimal mark: . , or auto (default: as the training file)");
  CLI::Option* na_flag =
      sub->add_option("--na-values", *na_values,
                      "More spellings of a missing value (default: as the training file)")
          ->delimiter(',');
  CLI::Option* keep =
      sub->add_option("--keep", config->keep, "Input columns to copy into the output (a,b)")
          ->delimiter(',');
  sub->add_flag("--keep-all", config->keep_all, "Copy every input column into the output")
      ->excludes(keep);
  return {sub, [config, delimiter, decimal, na_values, decimal_flag, na_flag] {
            PredictConfig c = *config;
            c.delimiter = parse_delimiter(*delimiter);
            if (decimal_flag->count() > 0) c.decimal = parse_decimal(*decimal);
            if (na_flag->count() > 0) c.na_values = *na_values;
            c.stop = &install_interrupt_handlers();  // Ctrl-C: exit 130, no output file
            const PredictReport report = predict(c, print_warning);
            fmt::print("{} rows, {} predicted, {} without a model\n", report.rows, report.predicted,
                       report.rows_without_model);
            return 0;
          }};
}

}  // namespace groupfit::cli
