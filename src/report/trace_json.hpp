// --trace FILE: the run as Chrome trace-event JSON, which Perfetto and chrome://tracing open:
// one lane (thread) per worker, one complete event ("ph": "X") per group with its rows and
// status. It shows at a glance which worker trained which group when, and where cores sat idle.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

void write_trace_json(const std::filesystem::path& path, const std::string& executor,
                      const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                      const std::vector<bool>& ran);

}  // namespace groupfit
