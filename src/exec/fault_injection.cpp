// fault_plan_from_environment and inject_fault: see fault_injection.hpp.
#include "exec/fault_injection.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace groupfit {

FaultPlan fault_plan_from_environment() {
  const char* value = std::getenv("GROUPFIT_TEST_FAULT");
  if (value == nullptr) return {};
  const std::string text(value);
  const auto colon = text.find(':');
  if (colon == std::string::npos) return {};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

void inject_fault(const FaultPlan& plan, const GroupKey& key) {
  if (plan.fault.empty() || key.missing || key.text != plan.group) return;
  if (plan.fault == "crash") {
    std::raise(SIGSEGV);
  } else if (plan.fault == "abort") {
    std::abort();
  } else if (plan.fault == "hang") {
    for (;;) ::pause();
  } else if (plan.fault == "alloc") {
    std::vector<std::unique_ptr<char[]>> hog;
    for (;;) {
      auto block = std::make_unique<char[]>(64 << 20);
      std::memset(block.get(), 1, 64 << 20);
      hog.push_back(std::move(block));
    }
  }
}

}  // namespace groupfit
