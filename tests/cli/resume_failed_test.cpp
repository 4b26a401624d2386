// --resume after a run that ended with failed groups (exit 3): the checkpoint is kept, and the
// resumed run trains only the failed group, taking the others from it — also when the input's
// path is spelled differently (relative, with "./", absolute), since the input's identity is
// the file itself. The failure is injected with GROUPFIT_TEST_FAULT (src/exec/fault_injection.hpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/expect_group_status.hpp"
#include "cli/out_folder.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

class ResumeFailed : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_dir("resume-failed");
    ASSERT_TRUE(generate_csv(dir_, 3000, 4, 5));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Trains `input` (as spelled, from `cwd`) with Region-02's worker crashing every time.
  ProgramResult train_with_crash(const std::string& input, const fs::path& cwd) {
    ::setenv("GROUPFIT_TEST_FAULT", "crash:Region-02", 1);
    const ProgramResult r = run_groupfit(args(input), dir_, cwd);
    ::unsetenv("GROUPFIT_TEST_FAULT");
    return r;
  }
  std::vector<std::string> args(const std::string& input) const {
    return {"train",      input,       "--group",      "Region",  "--target",
            "IBD",        "--out",     out().string(), "--param", "iterations=20",
            "--executor", "processes", "--workers",    "2"};
  }
  fs::path out() const { return dir_ / "out"; }

  // Resumes with `input` and --trace; the groups the resumed run trained, from the trace.
  std::set<std::string> resume_and_trace(const std::string& input, const fs::path& cwd,
                                         ProgramResult& r) {
    std::vector<std::string> a = args(input);
    a.insert(a.end(), {"--resume", "--trace", (dir_ / "trace.json").string()});
    r = run_groupfit(a, dir_, cwd);
    std::set<std::string> trained;
    if (r.status != 0) return trained;
    const auto trace = nlohmann::json::parse(read_file(dir_ / "trace.json"));
    for (const auto& e : trace.at("traceEvents")) {
      if (e.at("ph") == "X") trained.insert(e.at("name").get<std::string>());
    }
    return trained;
  }

  fs::path dir_;
};

TEST_F(ResumeFailed, ResumeTrainsOnlyTheFailedGroup) {
  const ProgramResult first = train_with_crash((dir_ / "data.csv").string(), {});
  ASSERT_EQ(first.status, 3) << first.err;
  expect_only_group_failed(status_by_group(out() / "metrics.csv"), 5u, "Region-02", "SIGSEGV");
  expect_only_documented_files(out(), true);

  ProgramResult resumed;
  const std::set<std::string> trained = resume_and_trace((dir_ / "data.csv").string(), {}, resumed);
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(trained, std::set<std::string>{"Region-02"});
  EXPECT_NE(resumed.out.find("3 groups taken from the checkpoint"), std::string::npos)
      << resumed.out;
  for (const auto& [group, s] : status_by_group(out() / "metrics.csv")) {
    EXPECT_TRUE(s.substr(0, 3) == "ok," || s.substr(0, 8) == "skipped,") << group << ": " << s;
  }
  expect_only_documented_files(out(), false);  // every group done: no checkpoint left
}

TEST_F(ResumeFailed, InputPathSpelledDifferently) {
  const ProgramResult first = train_with_crash("data.csv", dir_);
  ASSERT_EQ(first.status, 3) << first.err;
  // "./data.csv" from the same folder, then the absolute path from elsewhere.
  ProgramResult second;
  EXPECT_EQ(resume_and_trace("./data.csv", dir_, second), std::set<std::string>{"Region-02"})
      << second.err;
  ASSERT_EQ(second.status, 0) << second.err;

  ASSERT_EQ(train_with_crash("./data.csv", dir_).status, 3);
  ProgramResult third;
  EXPECT_EQ(resume_and_trace((dir_ / "data.csv").string(), fs::temp_directory_path(), third),
            std::set<std::string>{"Region-02"})
      << third.err;
  EXPECT_EQ(third.status, 0) << third.err;
}

// The file itself, not only its name: a file rewritten since the interrupted run is refused.
TEST_F(ResumeFailed, ChangedInputIsRefused) {
  ASSERT_EQ(train_with_crash("data.csv", dir_).status, 3);
  ASSERT_TRUE(generate_csv(dir_, 3001, 4, 5));
  ProgramResult r;
  resume_and_trace("data.csv", dir_, r);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("cannot resume"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace groupfit
