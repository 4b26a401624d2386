// The subcommands of `groupfit`. Each registers its flags on the CLI11 app and returns the
// action to run once the flags are parsed. Commands hold no logic: they fill a config, call the
// library and print what it returns.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace groupfit::cli {

struct Command {
  CLI::App* app = nullptr;   // the subcommand, to ask whether it was given
  std::function<int()> run;  // returns the exit status
};

Command add_train_command(CLI::App& app);
Command add_predict_command(CLI::App& app);
Command add_inspect_command(CLI::App& app);
Command add_gen_command(CLI::App& app);
Command add_bench_command(CLI::App& app);
Command add_measure_command(CLI::App& app);
Command add_simulate_command(CLI::App& app);

// Reads `flag`'s size such as 512M, 2G or 1048576 (bytes): at least a byte, finite, under
// 8 EiB; InputError naming the flag and the text otherwise.
std::uint64_t parse_size(const std::string& flag, const std::string& text);

// Reads `flag`'s number of seconds: positive and finite; InputError naming the flag otherwise.
double parse_seconds(const std::string& flag, const std::string& text);

// Turns --delimiter's text (",", ";", "tab", "\t", "auto") into a char (0: detect).
char parse_delimiter(const std::string& text);

// Turns --decimal's text (".", ",", "auto") into a char (0: auto).
char parse_decimal(const std::string& text);

// Prints a warning line on stderr.
void print_warning(const std::string& message);

}  // namespace groupfit::cli
