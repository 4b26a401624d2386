// to_string(GroupStatus) and failure_of_current_exception: see group_result.hpp.
#include "train/group_result.hpp"

#include <exception>
#include <new>

namespace groupfit {

std::string_view to_string(GroupStatus status) {
  switch (status) {
    case GroupStatus::Ok:
      return "ok";
    case GroupStatus::Skipped:
      return "skipped";
    case GroupStatus::Failed:
      return "failed";
  }
  return "failed";
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
