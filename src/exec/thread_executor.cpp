// ThreadExecutor and SequentialExecutor: the dispatcher over an in-process transport.
#include "exec/thread_executor.hpp"

#include "exec/dispatcher.hpp"
#include "exec/sequential_executor.hpp"
#include "exec/thread_transport.hpp"

namespace groupfit {

void ThreadExecutor::run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
                         const ResultSink& on_result, const std::atomic<bool>& stop) {
  ThreadTransport transport(train_, workers_, default_threads_, stop);
  dispatch(transport, {.default_threads = default_threads_, .cores = cores_}, tasks, order,
           on_result, stop);
}

void SequentialExecutor::run(const std::vector<GroupTask>& tasks,
                             const std::vector<std::size_t>& order, const ResultSink& on_result,
                             const std::atomic<bool>& stop) {
  InlineTransport transport(train_, default_threads_, stop);
  dispatch(transport, {.default_threads = default_threads_}, tasks, order, on_result, stop);
}

}  // namespace groupfit
