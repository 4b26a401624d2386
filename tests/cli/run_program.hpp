// Runs the real `groupfit` binary for end-to-end tests and captures its exit status and output.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace groupfit::testing_support {

struct ProgramResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  q.push_back('\'');
  return q;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh, empty folder for one test.
inline std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("groupfit-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs a shell command that ends with a groupfit run, capturing that run's stdout and stderr.
inline ProgramResult run_shell(std::string command, const std::filesystem::path& work_dir) {
  const auto out_file = work_dir / "stdout.txt", err_file = work_dir / "stderr.txt";
  command.append(" >").append(shell_quote(out_file.string()));
  command.append(" 2>").append(shell_quote(err_file.string()));
  const int raw = std::system(command.c_str());
  ProgramResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out_file);
  r.err = read_file(err_file);
  std::filesystem::remove(out_file);
  std::filesystem::remove(err_file);
  return r;
}

inline std::string groupfit_command(const std::vector<std::string>& args) {
  std::string command = shell_quote(GROUPFIT_BINARY);
  // append() rather than operator+: GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
  for (const auto& a : args) command.append(" ").append(shell_quote(a));
  return command;
}

// Runs groupfit with `args`, in the folder `cwd` when given (for relative paths).
inline ProgramResult run_groupfit(const std::vector<std::string>& args,
                                  const std::filesystem::path& work_dir,
                                  const std::filesystem::path& cwd = {}) {
  std::string command = cwd.empty() ? "" : "cd " + shell_quote(cwd.string()) + " && ";
  return run_shell(command.append(groupfit_command(args)), work_dir);
}

// Runs `cat file | groupfit args...`: groupfit reads `file` through a pipe on its standard input.
inline ProgramResult run_groupfit_piped(const std::filesystem::path& file,
                                        const std::vector<std::string>& args,
                                        const std::filesystem::path& work_dir) {
  std::string command = "cat " + shell_quote(file.string()) + " | ";
  return run_shell(command.append(groupfit_command(args)), work_dir);
}

// Writes a generated table (`groupfit gen`) to dir/data.csv; true on success. Skew 1 gives
// Zipf-like group sizes (with many groups, the smallest get no rows); 0 gives equal sizes.
inline bool generate_csv(const std::filesystem::path& dir, int rows, int groups, int seed,
                         double skew = 1) {
  return run_groupfit({"gen", "--rows", std::to_string(rows), "--groups", std::to_string(groups),
                       "--seed", std::to_string(seed), "--skew", std::to_string(skew), "--out",
                       (dir / "data.csv").string()},
                      dir)
             .status == 0;
}

// metrics.csv without its train_seconds column, which is a measurement. Its position depends on
// the objective's metric columns, so it is found in the header.
inline std::string metrics_without_timing(const std::filesystem::path& file) {
  std::istringstream in(read_file(file));
  std::string header;
  std::getline(in, header);
  const std::size_t before = static_cast<std::size_t>(
      std::count(header.begin(), header.begin() + header.find("train_seconds"), ','));
  in.seekg(0);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < before; ++i) pos = line.find(',', pos) + 1;
    const std::size_t end = line.find(',', pos);
    out.append(line, 0, pos).append(line, end + 1).push_back('\n');
  }
  return out;
}

// metrics.csv of a regression run as group -> "status,message,warning" (the columns after
// train_seconds).
inline std::map<std::string, std::string> status_by_group(const std::filesystem::path& file) {
  std::map<std::string, std::string> status;
  std::istringstream in(read_file(file));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::size_t pos = 0;
    for (int i = 0; i < 10; ++i) pos = line.find(',', pos) + 1;
    status[line.substr(0, line.find(','))] = line.substr(pos);
  }
  return status;
}

// Every file directly in `dir` (a models/ folder, say), by name, with its bytes; `except` is left
// out.
inline std::map<std::string, std::string> folder_files(const std::filesystem::path& dir,
                                                       const std::string& except = "") {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename() != except) files[e.path().filename().string()] = read_file(e.path());
  }
  return files;
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every file and folder under `root`, as sorted paths relative to it; empty when `root` does
// not exist. For checking that a failed run left nothing (or only what it meant to keep).
inline std::vector<std::string> list_tree(const std::filesystem::path& root) {
  std::vector<std::string> entries;
  std::error_code ec;
  if (!std::filesystem::exists(root, ec)) return entries;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root, ec)) {
    entries.push_back(std::filesystem::relative(e.path(), root).string());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

extern "C" char** environ;

// A groupfit run in the background, with its stdout and stderr in files in `work_dir` and
// `env` ("NAME=value") added to the environment: for tests of concurrent runs and of kills.
// Killed (SIGKILL) and reaped when it goes out of scope still running.
class BackgroundRun {
 public:
  BackgroundRun(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
                const std::vector<std::string>& env = {})
      : out_(work_dir / "background-stdout.txt"), err_(work_dir / "background-stderr.txt") {
    std::vector<std::string> argv_storage = {GROUPFIT_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage = env;
    for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (::posix_spawn(&pid_, GROUPFIT_BINARY, &actions, nullptr, argv.data(), envp.data()) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
  }
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;
  ~BackgroundRun() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }

  pid_t pid() const { return pid_; }
  bool running() {
    if (pid_ <= 0 || finished_) return false;
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) != pid_) return true;
    finish(raw);
    return false;
  }
  void signal(int sig) { ::kill(pid_, sig); }
  // Waits for the end: the exit status, or -1 when a signal ended it.
  int wait() {
    if (pid_ > 0 && !finished_) {
      int raw = 0;
      while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
      }
      finish(raw);
    }
    return status_;
  }
  std::string err() const { return read_file(err_); }

 private:
  void finish(int raw) {
    finished_ = true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

  std::filesystem::path out_, err_;
  pid_t pid_ = -1;
  bool finished_ = false;
  int status_ = -1;
};

// Sleeps a little, for tests that wait for another process to reach a state (never a deadline:
// the wait ends when the state is reached or the process has ended).
inline void pause_briefly() {
  ::usleep(20'000);
}

}  // namespace groupfit::testing_support
