// PredictionIds: see prediction_ids.hpp.
#include "report/prediction_ids.hpp"

namespace groupfit {

PredictionIds::PredictionIds(const Column& id, const std::vector<GroupTask>& tasks)
    : name_(id.name) {
  ids_.reserve(tasks.size());
  for (const GroupTask& task : tasks) {
    TextRows& ids = ids_.emplace_back();
    for (std::uint32_t row : task.unlabeled_rows) {
      if (id.type == ColumnType::String) {
        ids.push_back(id.is_valid(row) ? id.text_view(row) : std::string_view());
      } else {
        ids.push_back(id.text_at(row));
      }
    }
  }
}

}  // namespace groupfit
