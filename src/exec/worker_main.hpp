// The body of a worker process (`groupfit __worker`): receive the setup, map the shared matrix,
// then train each task received and send its result back, until told to stop or the parent
// goes away. Returns the process's exit status.
#pragma once

#include <cstdint>

namespace groupfit {

int run_worker(std::uint64_t memory_limit_bytes);

}  // namespace groupfit
