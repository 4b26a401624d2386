// The processes executor leaves nothing behind: after a run of 10,000 tiny groups through worker
// processes, and after one interrupted halfway, the calling process holds the same file
// descriptors as before (sockets and the shared-memory file closed), has no child process left
// (every worker reaped), and /dev/shm holds the same files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <cerrno>
#include <set>

#include "cli/run_program.hpp"
#include "groupfit/groupfit.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

std::set<std::string> entries(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.insert(e.path().filename().string());
  }
  return names;
}

// fd -> what it points at; the listing's own descriptor differs between calls, so drop it.
std::map<std::string, std::string> open_descriptors() {
  std::map<std::string, std::string> fds;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(e.path(), ec);
    if (!ec) fds[e.path().filename().string()] = target.string();
  }
  std::erase_if(fds, [](const auto& fd) { return fd.second.find("/proc/") == 0; });
  return fds;
}

bool has_children() {
  int status = 0;
  return !(::waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD);
}

class ProcessResources : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("resources");
    ASSERT_TRUE(generate_csv(dir_, 60000, 10000, 4, 0));
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static TrainConfig config(const std::string& out) {
    TrainConfig c;
    c.read.input = (dir_ / "data.csv").string();
    c.columns.group_column = "Region";
    c.columns.target_column = "IBD";
    c.output.out_dir = (dir_ / out).string();
    c.exec.executor = ExecutorKind::Processes;
    c.exec.workers = 2;
    c.split.min_rows = 3;
    c.model.rounds = 2;
    c.exec.worker_executable = GROUPFIT_BINARY;
    return c;
  }

  static inline std::filesystem::path dir_;
};

TEST_F(ProcessResources, NothingLeftAfterTenThousandGroups) {
  const auto fds = open_descriptors();
  const auto shm = entries("/dev/shm");
  const TrainReport report = train(config("full"), [](const std::string&) {});
  EXPECT_GT(report.ok, 9000u);
  EXPECT_EQ(report.failed, 0u);
  EXPECT_EQ(open_descriptors(), fds);
  EXPECT_FALSE(has_children());
  EXPECT_EQ(entries("/dev/shm"), shm);
}

TEST_F(ProcessResources, NothingLeftAfterAnInterruptedRun) {
  const auto fds = open_descriptors();
  const auto shm = entries("/dev/shm");
  std::atomic<bool> stop{false};
  TrainConfig c = config("interrupted");
  c.stop = &stop;
  const TrainReport report = train(
      c, [](const std::string&) {},
      [&](const Progress& p) {
        if (p.done >= 2000) stop = true;
      });
  EXPECT_TRUE(report.interrupted);
  EXPECT_EQ(open_descriptors(), fds);
  EXPECT_FALSE(has_children());
  EXPECT_EQ(entries("/dev/shm"), shm);
}

}  // namespace
}  // namespace groupfit
