// The contract every executor honours, checked with a fake training function (no XGBoost):
// each trainable task is trained exactly once, every result reaches the sink, a throwing
// training function costs only its group, a stop or a failing sink starts no more tasks. The
// processes executor runs this test program as its worker (tests/test_main.cpp), whose fake
// training behaves as the in-process ones here do; what only the parent can count (calls of
// the training function) is checked for the in-process executors.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "exec/mpi/mpi_world.hpp"
#include "exec/mpi_executor.hpp"
#include "exec/mpi_transport.hpp"
#include "exec/process_executor.hpp"
#include "exec/sequential_executor.hpp"
#include "exec/thread_executor.hpp"
#include "team_spin.hpp"

namespace groupfit {
namespace {

struct Factory {
  std::string name;
  std::function<std::unique_ptr<Executor>(TrainFunction)> make;
  bool in_process = true;  // the training function given to make() is the one that runs
  bool mpi = false;        // runs only under mpirun (ctest's mpi_executor_contract)
};

// Names the case in test listings (ctest's names), instead of the parameter's bytes.
void PrintTo(const Factory& factory, std::ostream* os) {
  *os << factory.name;
}

class ExecutorContract : public ::testing::TestWithParam<Factory> {
 protected:
  void SetUp() override {
    if (GetParam().mpi && !launched_by_mpi()) {
      GTEST_SKIP() << "needs mpirun: ctest -R mpi_executor_contract runs it";
    }
  }
  const std::atomic<bool> never_{false};
};

// The MPI executor as a test uses it: each run ends with the ranks released for the next one,
// as groupfit's train() releases them once its one run is over (run/mpi_rank_run.hpp).
class MpiRunForTest : public Executor {
 public:
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override {
    static const FeatureMatrix matrix;
    static const std::vector<FeatureSpec> features;
    static const MatrixView view = view_of(matrix, features);
    static const ModelParams params;
    try {
      MpiExecutor(view, params).run(tasks, order, on_result, stop);
    } catch (...) {
      release_mpi_ranks(MpiWorld::get());
      throw;
    }
    release_mpi_ranks(MpiWorld::get());
  }
};

std::vector<GroupTask> make_tasks(std::size_t n) {
  std::vector<GroupTask> tasks(n);
  for (std::size_t i = 0; i < n; ++i) {
    tasks[i].index = static_cast<std::uint32_t>(i);
    tasks[i].key = {false, "g" + std::to_string(i)};
    tasks[i].cost = static_cast<double>(i % 7);
  }
  return tasks;
}

// An ok result for `t`, what every fake training here returns unless it fails on purpose.
GroupResult ok_for(const GroupTask& t) {
  GroupResult r;
  r.index = t.index;
  r.status = GroupStatus::Ok;
  return r;
}

// A training function that counts its calls and takes 5 ms, long enough for the consumer to
// keep up, as real training is.
TrainFunction counted_slow_training(std::atomic<int>& started) {
  return [&started](const GroupTask& t, const std::atomic<bool>&) {
    ++started;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return ok_for(t);
  };
}

TEST_P(ExecutorContract, EveryTaskOnceEveryResultDelivered) {
  const auto tasks = make_tasks(200);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::mutex mutex;
  std::multiset<std::uint32_t> trained;
  auto executor = GetParam().make([&](const GroupTask& t, const std::atomic<bool>&) {
    {
      std::lock_guard lock(mutex);
      trained.insert(t.index);
    }
    GroupResult r;
    r.index = t.index;
    r.status = GroupStatus::Ok;
    r.scores = {t.index * 2.0};
    return r;
  });
  std::set<std::uint32_t> delivered;
  executor->run(
      tasks, order,
      [&](GroupResult&& r) {
        EXPECT_TRUE(delivered.insert(r.index).second) << "delivered twice: " << r.index;
        EXPECT_EQ(r.scores.at(0), r.index * 2.0);
        EXPECT_LE(r.start_seconds, r.end_seconds);
      },
      never_);
  EXPECT_EQ(delivered.size(), 200u);
  if (!GetParam().in_process) return;
  EXPECT_EQ(trained.size(), 200u);
  EXPECT_EQ(std::set<std::uint32_t>(trained.begin(), trained.end()).size(), 200u);
}

TEST_P(ExecutorContract, OnlyTheOrderedTasksRun) {
  const auto tasks = make_tasks(10);
  const std::vector<std::size_t> order = {7, 3, 5};
  std::vector<std::uint32_t> delivered;
  GetParam()
      .make([](const GroupTask& t, const std::atomic<bool>&) {
        GroupResult r;
        r.index = t.index;
        return r;
      })
      ->run(
          tasks, order, [&](GroupResult&& r) { delivered.push_back(r.index); }, never_);
  std::sort(delivered.begin(), delivered.end());
  EXPECT_EQ(delivered, (std::vector<std::uint32_t>{3, 5, 7}));
}

TEST_P(ExecutorContract, ThrowingTrainingFailsOnlyItsGroup) {
  auto tasks = make_tasks(20);
  tasks[4].key.text = "throw";
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::size_t failed = 0, ok = 0;
  GetParam()
      .make([](const GroupTask& t, const std::atomic<bool>&) {
        if (t.key.text == "throw") throw std::runtime_error("boom");
        return ok_for(t);
      })
      ->run(
          tasks, order,
          [&](GroupResult&& r) {
            if (r.status == GroupStatus::Failed) {
              ++failed;
              EXPECT_EQ(r.index, 4u);
              EXPECT_EQ(r.message, "boom");
            } else {
              ++ok;
            }
          },
          never_);
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(ok, 19u);
}

TEST_P(ExecutorContract, StopStartsNoMoreTasks) {
  const auto tasks = make_tasks(100);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::atomic<bool> stop{false};
  std::atomic<int> started{0};
  std::size_t delivered = 0;
  GetParam()
      .make(counted_slow_training(started))
      ->run(
          tasks, order,
          [&](GroupResult&&) {
            if (++delivered == 5) stop = true;
          },
          stop);
  EXPECT_GE(delivered, 5u);
  EXPECT_LT(delivered, 40u) << "kept starting tasks after the stop";
  if (GetParam().in_process) {
    EXPECT_LT(started.load(), 20) << "kept starting tasks after the stop";
  }
}

// A sink that throws (the disk filled while writing a result) ends the run with that error, and
// no new task starts: the remaining groups must not keep training for nothing.
TEST_P(ExecutorContract, ThrowingSinkStopsTheRun) {
  const auto tasks = make_tasks(100);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::atomic<int> started{0};
  auto executor = GetParam().make(counted_slow_training(started));
  EXPECT_THROW(
      executor->run(
          tasks, order, [](GroupResult&&) { throw std::runtime_error("disk full"); }, never_),
      std::runtime_error);
  if (GetParam().in_process) {
    EXPECT_LT(started.load(), 20) << "kept training after the sink failed";
  }
}

// CPU seconds mean one thing whatever the executor: the CPU time of every thread that trained
// the group. Each task here spins 0.1 s of CPU on each of 2 OpenMP threads (in the worker
// processes too: tests/test_main.cpp), so it used at least 0.2 s; the calling thread's clock
// alone, as the threads executor used, saw half of that.
TEST_P(ExecutorContract, CpuSecondsCountTheWholeTeam) {
  auto tasks = make_tasks(6);
  for (auto& t : tasks) {
    t.key.text = "spin2";
    t.threads = 2;
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::size_t delivered = 0;
  GetParam()
      .make([](const GroupTask& t, const std::atomic<bool>&) {
        spin_team(2, 0.1);
        return ok_for(t);
      })
      ->run(
          tasks, order,
          [&](GroupResult&& r) {
            ++delivered;
            EXPECT_GE(r.cpu_seconds, 0.19) << "group " << r.index;
          },
          never_);
  EXPECT_EQ(delivered, 6u);
}

TEST(ThreadExecutorBudget, NeverMoreModelThreadsThanCores) {
  auto tasks = make_tasks(40);
  for (auto& t : tasks) t.threads = t.index % 3 == 0 ? 2 : 1;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) order.push_back(i);
  std::atomic<int> in_flight{0}, peak{0};
  const std::atomic<bool> never{false};
  ThreadExecutor executor(
      [&](const GroupTask& t, const std::atomic<bool>&) {
        const int now = in_flight += t.threads;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        in_flight -= t.threads;
        GroupResult r;
        r.index = t.index;
        return r;
      },
      4, 1, 2);
  std::size_t delivered = 0;
  executor.run(
      tasks, order, [&](GroupResult&&) { ++delivered; }, never);
  EXPECT_EQ(delivered, 40u);
  EXPECT_EQ(peak.load(), 2) << "4 workers, but only 2 cores' worth of model threads at once";
}

INSTANTIATE_TEST_SUITE_P(
    Executors, ExecutorContract,
    ::testing::Values(
        Factory{"sequential",
                [](TrainFunction f) { return std::make_unique<SequentialExecutor>(std::move(f)); }},
        Factory{"threads1",
                [](TrainFunction f) { return std::make_unique<ThreadExecutor>(std::move(f), 1); }},
        Factory{"threads4",
                [](TrainFunction f) { return std::make_unique<ThreadExecutor>(std::move(f), 4); }},
        // Worker processes running this test program's fake training (tests/test_main.cpp).
        Factory{"processes2",
                [](TrainFunction) -> std::unique_ptr<Executor> {
                  static const FeatureMatrix matrix = [] {
                    FeatureMatrix m;
                    m.rows = 1;
                    m.cols = 1;
                    m.values = {0.0f};
                    m.labels = {0.0f};
                    return m;
                  }();
                  static const ModelParams params;
                  ProcessOptions options;
                  options.workers = 2;
                  return std::make_unique<ProcessExecutor>(
                      matrix, std::vector<FeatureSpec>{{"x", false, {}}}, params, options);
                },
                false},
        // Training ranks of `mpirun -n 3` running this test program's fake training.
        Factory{"mpi",
                [](TrainFunction) -> std::unique_ptr<Executor> {
                  return std::make_unique<MpiRunForTest>();
                },
                false, true}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace groupfit
