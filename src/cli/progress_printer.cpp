// ProgressPrinter: see progress_printer.hpp.
#include "progress_printer.hpp"

#include <fmt/format.h>

#include <unistd.h>
#include <cmath>

namespace groupfit::cli {
namespace {

std::string clock_text(double seconds) {
  const long s = std::lround(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

constexpr double kLogEverySeconds = 5;

}  // namespace

ProgressPrinter::ProgressPrinter() : tty_(::isatty(STDERR_FILENO) != 0) {}

void ProgressPrinter::update(const Progress& p) {
  const std::string line = fmt::format(
      "{} {}/{}  failed {}  elapsed {}  eta {}", p.tuning ? "tuning folds" : "groups", p.done,
      p.total, p.failed, clock_text(p.elapsed_seconds), clock_text(p.eta_seconds));
  if (tty_) {
    fmt::print(stderr, "\r{}\x1b[K", line);
    printed_ = true;
  } else if (p.elapsed_seconds - last_log_ >= kLogEverySeconds || p.done == p.total) {
    fmt::print(stderr, "{}\n", line);
    last_log_ = p.elapsed_seconds;
  }
}

void ProgressPrinter::finish() {
  if (tty_ && printed_) fmt::print(stderr, "\n");
}

}  // namespace groupfit::cli
