// rounds_trained, failure_of_current_exception: see group_result.hpp.
#include "train/group_result.hpp"

#include <algorithm>
#include <exception>
#include <new>

namespace groupfit {

int rounds_trained(const GroupResult& result, int rounds, int early_stopping_rounds) {
  if (result.status != GroupStatus::Ok) return 0;
  return std::min(rounds, result.best_iteration + early_stopping_rounds + 1);
}

GroupResult failure_of_current_exception(std::uint32_t index) {
  GroupResult result;
  result.index = index;
  result.status = GroupStatus::Failed;
  try {
    throw;
  } catch (const std::bad_alloc&) {
    result.message = kOutOfMemoryMessage;
  } catch (const std::exception& e) {
    result.message = e.what();
  } catch (...) {
    result.message = "unknown error";
  }
  return result;
}

}  // namespace groupfit
