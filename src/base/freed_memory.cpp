// return_freed_memory_promptly: see freed_memory.hpp.
#include "base/freed_memory.hpp"

#include <malloc.h>

#include <mutex>

namespace groupfit {

void return_freed_memory_promptly() {
  static std::once_flag once;
  std::call_once(once, [] { mallopt(M_MMAP_THRESHOLD, 1 << 20); });
}

}  // namespace groupfit
