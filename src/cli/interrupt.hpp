// SIGINT and SIGTERM ask a training run to stop cleanly (write what finished, keep the
// checkpoint) instead of killing it. A second signal kills the process at once, the usual
// behaviour of a program that is taking too long to stop.
#pragma once

#include <atomic>

namespace groupfit::cli {

// Installs the handlers and returns the flag they set.
const std::atomic<bool>& install_interrupt_handlers();

}  // namespace groupfit::cli
