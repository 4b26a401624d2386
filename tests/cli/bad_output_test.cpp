// --out where nothing can be written, through the real program: a folder without write
// permission, a read-only file system, and a disk that fills while the outputs are written. Each
// is one line, exit status 2, and leaves no partial output: --out is as it was, except that a
// checkpoint holding finished groups is kept so that --resume can reuse them.
//
// Permissions mean nothing to root, so that case is skipped when running as root; the file
// system cases need root and a working `mount` (a small tmpfs), so they are skipped otherwise.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

// A tmpfs mounted for one test and unmounted when it ends, whatever happens in between.
class SmallDisk {
 public:
  SmallDisk(const fs::path& at, const std::string& options) : at_(at) {
    fs::create_directories(at_);
    mounted_ = ::geteuid() == 0 && std::system(("mount -t tmpfs -o " + options + " tmpfs " +
                                                shell_quote(at_.string()) + " 2>/dev/null")
                                                   .c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) (void)std::system(("umount " + shell_quote(at_.string())).c_str());
  }
  bool mounted() const { return mounted_; }

 private:
  fs::path at_;
  bool mounted_ = false;
};

// Two groups of 60 labeled rows and 30,000 unlabeled rows: predictions.csv is about 600 KB,
// the models and the checkpoint a few KB.
void write_table(const fs::path& file) {
  std::string csv = "Region,IBD,x,id\n";
  for (int i = 0; i < 30'120; ++i) {
    const std::string target = i < 120 ? std::to_string(i % 7) : "";
    csv += std::string(i % 2 ? "a" : "b") + "," + target + "," + std::to_string(i % 11) + ",row-" +
           std::to_string(i) + "\n";
  }
  write_text(file, csv);
}

ProgramResult train(const fs::path& dir, const fs::path& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"train",        (dir / "data.csv").string(),
                                   "--group",      "Region",
                                   "--target",     "IBD",
                                   "--id",         "id",
                                   "--out",        out.string(),
                                   "--quiet",      "--param",
                                   "iterations=3", "--executor",
                                   "sequential"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_groupfit(args, dir);
}

void expect_one_line_exit_two(const ProgramResult& r, const std::string& expected) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(BadOutput, FolderWithoutWritePermission) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores permissions";
  const auto dir = fresh_dir("bad-out-perm");
  write_table(dir / "data.csv");
  fs::create_directory(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const ProgramResult r = train(dir, dir / "locked" / "out");
  expect_one_line_exit_two(r, "cannot write in '");
  EXPECT_TRUE(list_tree(dir / "locked").empty());
  fs::permissions(dir / "locked", fs::perms::owner_all);
  fs::remove_all(dir);
}

TEST(BadOutput, ReadOnlyFileSystem) {
  const auto dir = fresh_dir("bad-out-readonly");
  write_table(dir / "data.csv");
  {
    SmallDisk disk(dir / "disk", "size=1m,ro");
    if (!disk.mounted()) GTEST_SKIP() << "needs root and mount";
    const ProgramResult r = train(dir, dir / "disk" / "out");
    expect_one_line_exit_two(r, "Read-only file system");
    EXPECT_TRUE(list_tree(dir / "disk").empty());
  }
  fs::remove_all(dir);
}

// The disk fills while predictions.csv is written, after both groups trained: no output is left
// but the checkpoint, and the message says so; that checkpoint resumes elsewhere without
// training again.
TEST(BadOutput, DiskFillsWhileWritingOutputs) {
  const auto dir = fresh_dir("bad-out-full");
  write_table(dir / "data.csv");
  {
    SmallDisk disk(dir / "disk", "size=256k");
    if (!disk.mounted()) GTEST_SKIP() << "needs root and mount";
    const ProgramResult r = train(dir, dir / "disk" / "out");
    expect_one_line_exit_two(r, "run again with --resume");
    EXPECT_NE(r.err.find("the 2 finished groups are kept in"), std::string::npos) << r.err;
    // Named as the user knows it, not by the staging folder it was written in.
    EXPECT_NE(r.err.find("cannot write '" + (dir / "disk" / "out" / "predictions.csv").string() +
                         "' (disk full?)"),
              std::string::npos)
        << r.err;
    // Only paths that exist or are documented: no staging folder or temporary name.
    EXPECT_EQ(r.err.find(".result-"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(".tmp-"), std::string::npos) << r.err;
    EXPECT_EQ(list_tree(dir / "disk" / "out"), std::vector<std::string>{"checkpoint.gfc"});

    // The kept checkpoint is whole: with room, --resume takes both groups from it.
    fs::create_directories(dir / "roomy");
    fs::copy_file(dir / "disk" / "out" / "checkpoint.gfc", dir / "roomy" / "checkpoint.gfc");
    const ProgramResult resumed =
        run_groupfit({"train", (dir / "data.csv").string(), "--group", "Region", "--target", "IBD",
                      "--id", "id", "--out", (dir / "roomy").string(), "--param", "iterations=3",
                      "--executor", "sequential", "--resume"},
                     dir);
    EXPECT_EQ(resumed.status, 0) << resumed.err;
    EXPECT_NE(resumed.out.find("2 groups taken from the checkpoint"), std::string::npos)
        << resumed.out;
  }
  fs::remove_all(dir);
}

// The disk is full before the first model is written: nothing at all is left, not even --out.
TEST(BadOutput, DiskFullFromTheStart) {
  const auto dir = fresh_dir("bad-out-full-start");
  write_table(dir / "data.csv");
  {
    SmallDisk disk(dir / "disk", "size=4k");
    if (!disk.mounted()) GTEST_SKIP() << "needs root and mount";
    // Fill the one page the disk has.
    write_text(dir / "disk" / "filler", std::string(8192, 'f'));
    const ProgramResult r = train(dir, dir / "disk" / "out");
    expect_one_line_exit_two(r, "cannot write");
    EXPECT_EQ(list_tree(dir / "disk"), std::vector<std::string>{"filler"});
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
