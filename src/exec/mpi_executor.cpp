// MpiExecutor: see mpi_executor.hpp.
#include "exec/mpi_executor.hpp"

#include "exec/dispatcher.hpp"
#include "exec/mpi_transport.hpp"
#include "exec/wire_format.hpp"

namespace groupfit {

void MpiExecutor::run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
                      const ResultSink& on_result, const std::atomic<bool>& stop) {
  MpiWorld& world = MpiWorld::get();
  WorkerSetup setup;
  setup.rows = data_.labels.size();
  setup.cols = data_.cols;
  setup.weights = !data_.weights.empty();
  setup.features.assign(data_.features.begin(), data_.features.end());
  setup.params = params_;
  MpiTransport transport(world, data_, encode_setup(setup), send_rows_);
  // One task trains at a time on each rank, whatever its threads: the cores are the ranks'.
  dispatch(transport, {.default_threads = 1}, tasks, order, on_result, stop);
}

}  // namespace groupfit
