// Makes the process give large freed blocks back to the system at once. glibc serves blocks
// below a threshold from its heaps, and that threshold rises to the size of any mapped block
// freed (up to 32 MiB): after the reader frees its first column piece, pieces of 32 MiB and less
// stay in the heap when freed and the process keeps their pages. On a run over 8 million rows
// that kept a freed copy of the table resident beside the models (peak 1.53 GB instead of 1.33).
// Fixing the threshold at 1 MiB maps every large block, so freeing it unmaps it. Small blocks
// are untouched. Called by the library's entry points (train, predict, inspect, the worker): it
// changes only where the process's allocator puts large blocks, never what a program computes.
#pragma once

namespace groupfit {

void return_freed_memory_promptly();

}  // namespace groupfit
