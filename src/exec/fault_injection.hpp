// A switch for tests only: GROUPFIT_TEST_FAULT="<fault>:<group>" makes a worker process fail in
// the named way when it reaches that group — crash (SIGSEGV), abort (SIGABRT), hang (sleeps
// until killed), alloc (allocates without bound until the memory limit stops it). It lets the
// fault tests prove that one group's failure costs only that group. Read only in worker
// processes; the training code never sees it.
#pragma once

#include <string>

#include "plan/grouping.hpp"

namespace groupfit {

struct FaultPlan {
  std::string fault;  // empty: none
  std::string group;
};

FaultPlan fault_plan_from_environment();

// Does nothing unless `plan` targets `key`; may not return.
void inject_fault(const FaultPlan& plan, const GroupKey& key);

}  // namespace groupfit
