// The `groupfit` program: parses the command line, runs one subcommand, and is the only place
// where errors become messages on stderr and exit statuses (groupfit/error.hpp lists them).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <string>

#include "commands.hpp"
#include "groupfit/error.hpp"
#include "groupfit/worker.hpp"

namespace {

// The message as one line, whatever it quotes: a value from the data or a flag may hold a line
// break, and the contract is one line on stderr per error.
std::string one_line(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace groupfit;
  // Started as a worker process of the processes executor: nothing else to do.
  if (is_worker_invocation(argc, argv)) return run_worker(argc, argv);
  CLI::App app{"groupfit: train one gradient-boosted model per group of a table"};
  app.require_subcommand(1);
  app.set_version_flag("--version", GROUPFIT_VERSION);
  const std::vector<cli::Command> commands = {
      cli::add_train_command(app),   cli::add_predict_command(app), cli::add_inspect_command(app),
      cli::add_gen_command(app),     cli::add_bench_command(app),   cli::add_measure_command(app),
      cli::add_simulate_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitBadInput;
  }
  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    return kExitBadInput;
  } catch (const Error& e) {
    fmt::print(stderr, "groupfit: error: {}\n", one_line(e.what()));
    return e.exit_code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "groupfit: internal error: {}\n", one_line(e.what()));
    return kExitInternal;
  }
}
