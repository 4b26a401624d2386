// write_trace_json: see trace_json.hpp.
#include "report/trace_json.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "base/atomic_file.hpp"

namespace groupfit {

using nlohmann::json;

void write_trace_json(const std::filesystem::path& path, const std::string& executor,
                      const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                      const std::vector<bool>& ran) {
  json events = json::array();
  std::set<int> workers;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!ran[i]) continue;
    const GroupResult& r = results[i];
    workers.insert(r.worker);
    const std::string name = tasks[i].key.missing ? "(missing)" : tasks[i].key.text;
    events.push_back({{"name", name},
                      {"cat", "group"},
                      {"ph", "X"},
                      {"pid", 1},
                      {"tid", r.worker},
                      {"ts", r.start_seconds * 1e6},
                      {"dur", (r.end_seconds - r.start_seconds) * 1e6},
                      {"args",
                       {{"rows", tasks[i].rows},
                        {"train_rows", tasks[i].train_rows.size()},
                        {"status", std::string(to_string(r.status))},
                        {"best_iteration", r.best_iteration},
                        {"cpu_seconds", r.cpu_seconds}}}});
  }
  events.push_back({{"name", "process_name"},
                    {"ph", "M"},
                    {"pid", 1},
                    {"args", {{"name", fmt::format("groupfit ({})", executor)}}}});
  for (int w : workers) {
    events.push_back({{"name", "thread_name"},
                      {"ph", "M"},
                      {"pid", 1},
                      {"tid", w},
                      {"args", {{"name", fmt::format("worker {}", w)}}}});
  }
  const json doc = {{"traceEvents", events}, {"displayTimeUnit", "ms"}};
  write_file_atomically(path, doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace groupfit
